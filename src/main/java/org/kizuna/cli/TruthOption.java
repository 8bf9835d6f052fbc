package org.kizuna.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --truth}: the AP truth file the picture's benchmarks score tracks against. */
final class TruthOption {

    @Option(names = "--truth", required = true, description = "AP truth CSV (t_s,truth_id,x_m,vx_mps,y_m,vy_mps).") Path truth;
}
