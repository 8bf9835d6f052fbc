package org.kizuna.leakyfixture;

import java.util.List;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A deliberately leaky module API, used only to prove the architecture test catches it. */
public interface Reports {

    record Report(String id, Label label) implements Labelled {
    }

    List<Report> all();
}
