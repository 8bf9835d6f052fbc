package org.kizuna.picture.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.metrics.PictureMetrics;

/** {@code ./kizuna bench metrics}: GOSPA, OSPA and SIAP of any track file against a truth file, as one JSON object. */
public final class MetricsBench {

    private MetricsBench() {
    }

    public static String run(Path tracks, Path truth) throws IOException {
        return "{" + PictureMetrics.evaluate(ApFiles.readStates(truth), ApFiles.readStates(tracks)).json() + "}";
    }
}
