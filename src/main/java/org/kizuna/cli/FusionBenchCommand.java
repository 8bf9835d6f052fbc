package org.kizuna.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.FusionBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna bench fusion}: replays an AP detections file through the fusion engine and prints speed
 * and quality. The files are named either by {@code --scenario} (the repository's AP-1 or AP-2, from the
 * repository root) or by {@code --detections} and {@code --truth}; never both ways at once.
 */
@Command(name = "fusion", description = "Replay an AP detections file through the tracker as fast as it can; print one JSON object with speed, GOSPA/OSPA/SIAP against the truth and the tracker's registration estimate of each sensor.")
final class FusionBenchCommand extends Verb {

    @Option(names = "--scenario", description = "AP1 or AP2: the detections and truth files in the repository's bench folder of that name (bench/ap2/ap2_detections.csv ...), from the repository root; instead of --detections and --truth.") FusionBench.@Nullable Scenario scenario;
    @Option(names = "--detections", description = "AP detections CSV (t_s,sensor,x_m,y_m,sigma_m,truth_id); with --truth.")
    @Nullable Path detections;
    @Option(names = "--truth", description = "AP truth CSV (t_s,truth_id,x_m,vx_mps,y_m,vy_mps); with --detections.")
    @Nullable Path truth;
    @Option(names = "--surveyed", split = ",", defaultValue = "US", paramLabel = "SENSOR", description = "Sensors whose registration was surveyed: the tracker takes their reports as they come and estimates the others' biases against them (default: ${DEFAULT-VALUE}).") List<String> surveyed;
    @Option(names = "--registration", description = "The sensors' true registration offsets (sensor,bias_x_m,bias_y_m) to score the estimates against; default: PREFIX_registration.csv beside PREFIX_detections.csv, if there is one.")
    @Nullable Path registration;
    @Option(names = "--tracks-out", description = "Also write the tracks in the stonesoup_tracks.csv format.")
    @Nullable Path tracksOut;
    @Option(names = "--track-file", defaultValue = "HISTORY", description = "HISTORY: each confirmed track's states from its first report, as Stone Soup's track file holds them; LIVE: only what was shown at each scan (default: ${DEFAULT-VALUE}).") FusionBench.TrackFile trackFile;
    @Option(names = "--reference", description = "Instead of the tracker, a reference filter told each target's own reports, the sensors' true offsets (the registration file's, else measured from the truth) and when each leg of its motion begins and what kind it is: what tracking could achieve knowing that much (docs/benchmarks.md).") boolean reference;
    @Option(names = "--peer-sensors", split = ",", paramLabel = "SENSOR", description = "Two nodes: these sensors feed a partner's engine, which sends its tracks after each of its scans; the others feed this node's engine, which fuses them with the partner's tracks. Prints this node's figures (split), one engine's on every report (single) and the ratio of their GOSPA.")
    @Nullable List<String> peerSensors;
    @Option(names = "--peer-fusion", defaultValue = "INDEPENDENT", description = "With --peer-sensors: INDEPENDENT (information added: neither node's track takes the other's) or CI (covariance intersection) (default: ${DEFAULT-VALUE}).") FusionBench.PeerFusion peerFusion;
    @Option(names = "--peer-exchange", defaultValue = "TRACKS", description = "With --peer-sensors: what the partner sends, as agreed per peer: TRACKS (its confirmed tracks after each of its scans) or OBSERVATIONS (every report of its sensors, in batches) (default: ${DEFAULT-VALUE}).") FusionBench.PeerExchange peerExchange;
    @Option(names = "--peer-batch-ms", defaultValue = "250", description = "With --peer-exchange OBSERVATIONS: the partner sends its reports every this many ms (0: each scan at once, as tracks are sent) (default: ${DEFAULT-VALUE}).") double peerBatchMs;
    @Option(names = "--peer-latency-ms", defaultValue = "50", description = "With --peer-exchange OBSERVATIONS: a batch takes this long to arrive (default: ${DEFAULT-VALUE}).") double peerLatencyMs;
    @Option(names = "--hold-back-ms", defaultValue = "0", description = "With --peer-exchange OBSERVATIONS: this node's engine processes reports this far behind, so that the partner's arrive in time order (default: ${DEFAULT-VALUE}: as they come; a late report is carried to each track's time, as on a node).") double holdBackMs;
    @Option(names = "--score-lag-ms", defaultValue = "0", description = "With --peer-exchange OBSERVATIONS: score each scan's time as this node's picture stands this long after it, once the partner's batches that arrived by then are taken (default: ${DEFAULT-VALUE}: as it stands at that time).") double scoreLagMs;
    @Option(names = "--score-from", defaultValue = "0", paramLabel = "SECONDS", description = "With --peer-sensors: also score both pictures from this time on (the nodes' tracks formed).") double scoreFrom;
    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured replays first, so the JIT has compiled the engine (default: ${DEFAULT-VALUE}).") int warmup;

    @Override
    public Integer call() throws Exception {
        Path det, tru;
        if (scenario != null) {
            if (detections != null || truth != null) throw refuse("give --scenario, or --detections and --truth, not both");
            det = scenario.detections();
            tru = scenario.truth();
            if (!Files.isReadable(det) || !Files.isReadable(tru)) {
                throw refuse("--scenario " + scenario.name().toLowerCase(Locale.ROOT) + " reads " + det + " and " + tru
                        + " from the current directory; run from the repository root, or give --detections and --truth");
            }
        } else {
            if (detections == null || truth == null) throw refuse("give --scenario ap1|ap2, or both --detections and --truth");
            det = readable(detections);
            tru = readable(truth);
        }
        if (surveyed.stream().anyMatch(String::isBlank)) throw refuse("--surveyed names sensors as the detections file does; got an empty name");
        Path reg = registration != null ? readable(registration) : FusionBench.registrationBeside(det);
        try {
            if (peerSensors != null) {
                if (reference) throw refuse("--peer-sensors runs the tracker on two nodes; --reference is not a tracker");
                if (peerSensors.stream().anyMatch(String::isBlank)) throw refuse("--peer-sensors names sensors as the detections file does; got an empty name");
                if (!(scoreFrom >= 0)) throw refuse("--score-from is a time in seconds, 0 or more; got " + scoreFrom);
                if (peerExchange == FusionBench.PeerExchange.OBSERVATIONS) {
                    if (!(peerBatchMs >= 0) || !(peerLatencyMs >= 0) || !(scoreLagMs >= 0) || !(holdBackMs >= 0) || holdBackMs > 10_000) {
                        throw refuse("--peer-batch-ms, --peer-latency-ms and --score-lag-ms are 0 or more, --hold-back-ms 0 to 10000");
                    }
                    return print(FusionBench.observations(new FusionBench.Settings(det, tru, tracksOut, trackFile, warmup, surveyed, reg), peerSensors,
                            scoreFrom, peerBatchMs, peerLatencyMs, holdBackMs, scoreLagMs));
                }
                return print(
                        FusionBench.split(new FusionBench.Settings(det, tru, tracksOut, trackFile, warmup, surveyed, reg), peerSensors, peerFusion, scoreFrom));
            }
            return print(FusionBench.run(new FusionBench.Settings(det, tru, tracksOut, trackFile, warmup, surveyed, reg, reference)));
        } catch (IllegalArgumentException e) {
            throw refuse(String.valueOf(e.getMessage()));
        }
    }
}
