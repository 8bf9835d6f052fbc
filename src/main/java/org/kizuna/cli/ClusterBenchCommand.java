package org.kizuna.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.ClusterBench;
import org.kizuna.picture.sim.ApSim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna bench cluster}: an AP scenario's reports through one node's picture and then through the picture on
 * Apache Kafka (a broker on loopback, one replica and N fusion workers, all in this process); one JSON object with both
 * sides' figures ({@link ClusterBench}). Without {@code --detections} and {@code --truth} it generates AP-10k
 * ({@code ./kizuna sim ap --targets 10000 --seed 1}) in its scratch directory first.
 */
@Command(name = "cluster", description = "An AP scenario's reports through one node's picture and through the picture on Kafka (a loopback broker, one replica, N fusion workers, in this process); prints one JSON object with throughput, latency, tracks, fan-out and GOSPA of both.")
final class ClusterBenchCommand extends Verb {

    @Option(names = "--detections", description = "AP detections CSV (t_s,sensor,x_m,y_m,sigma_m,truth_id); with --truth. Default: AP-10k, generated as ./kizuna sim ap --targets 10000 --seed 1 does, in the scratch directory.")
    @Nullable Path detections;
    @Option(names = "--truth", description = "AP truth CSV (t_s,truth_id,x_m,vx_mps,y_m,vy_mps); with --detections.")
    @Nullable Path truth;
    @Option(names = "--workers", defaultValue = "2", description = "Fusion workers of the cluster, 1 to 64 (default: ${DEFAULT-VALUE}).") int workers;
    @Option(names = "--partitions", defaultValue = "12", description = "Partitions of the observations and tracks topics, 1 to 1000 (default: ${DEFAULT-VALUE}).") int partitions;
    @Option(names = "--speed", defaultValue = "1", description = "The scenario is played this many times as fast as its own pace, on a clock of every picture that runs as fast (more than 0, at most 100; default: ${DEFAULT-VALUE}).") double speed;
    @Option(names = "--seconds", defaultValue = "0", description = "Play only the scenario's first this many seconds (default: ${DEFAULT-VALUE}: all of it).") double seconds;
    @Option(names = "--audiences", defaultValue = "3", description = "Readers subscribed on the picture that serves them, 1 to 5: USA/SECRET (timed and scored), JPN/SECRET, AUS/SECRET, GBR/SECRET, USA/CONFIDENTIAL (default: ${DEFAULT-VALUE}).") int audiences;
    @Option(names = "--no-score", description = "Do not score the tracks shown against the truth (GOSPA, SIAP).") boolean noScore;
    @Mixin ScratchDataOption data;

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || workers > 64) throw refuse("--workers is 1 to 64; got " + workers);
        if (partitions < 1 || partitions > 1000) throw refuse("--partitions is 1 to 1000; got " + partitions);
        if (!(speed > 0) || speed > 100) throw refuse("--speed is more than 0 and at most 100; got " + speed);
        if (!(seconds >= 0)) throw refuse("--seconds is 0 (all of the scenario) or more; got " + seconds);
        if (audiences < 1 || audiences > 5) throw refuse("--audiences is 1 to 5; got " + audiences);
        if ((detections == null) != (truth == null)) throw refuse("give both --detections and --truth, or neither (AP-10k is generated)");
        Path det = detections == null ? null : readable(detections), tru = truth == null ? null : readable(truth);
        try (ScratchDataOption.Workspace w = data.open("kizuna-bench-cluster")) {
            if (det == null || tru == null) {
                ApSim.Written ap = ApSim.write(10_000, 1, w.dir().resolve("ap10k").toString());
                det = ap.detections();
                tru = ap.truth();
            }
            return print(ClusterBench.run(new ClusterBench.Settings(det, tru, workers, partitions, speed, seconds, audiences, !noScore, w.dir())));
        } catch (IllegalArgumentException e) {
            throw refuse(String.valueOf(e.getMessage()));
        }
    }
}
