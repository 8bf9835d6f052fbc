package org.kizuna.leakyfixture.internal;

import java.util.List;

import org.kizuna.label.Label;
import org.kizuna.leakyfixture.Reports;

/** Hands out every report without asking the label module: what the architecture test must refuse. */
public class AllReports implements Reports {

    @Override
    public List<Report> all() {
        return List.of(new Report("r1", Label.parse("SECRET//NOFORN")));
    }
}
