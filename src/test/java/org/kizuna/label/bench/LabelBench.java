package org.kizuna.label.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LabelDecisionBenchmark} briefly (the machine is shared) and prints decisions per second
 * and the kernel-to-AuthzForce ratio. Arguments: forks, warm-up iterations, measurement iterations.
 * Started by {@code bench/label-jmh.sh}.
 */
public final class LabelBench {

    private LabelBench() {
    }

    public static void main(String[] args) throws Exception {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Options options = new OptionsBuilder()
                .include(LabelDecisionBenchmark.class.getName())
                .forks(forks)
                .threads(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g", "-XX:+UseParallelGC")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            scores.put(name, new double[]{r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        double kernel = scores.get("kernelWithClearance")[0];
        double reader = scores.get("kernelWithReader")[0];
        double xacml = scores.get("authzForce")[0];
        System.out.printf("{\"benchmark\":\"label-read-decision\",\"decisionsPerInvocation\":%d,"
                + "\"kernelWithClearancePerSecond\":%.0f,\"kernelWithClearanceError\":%.0f,"
                + "\"kernelWithReaderPerSecond\":%.0f,\"kernelWithReaderError\":%.0f,"
                + "\"authzForcePerSecond\":%.0f,\"authzForceError\":%.0f,"
                + "\"kernelWithClearanceOverAuthzForce\":%.1f,\"kernelWithReaderOverAuthzForce\":%.1f}%n",
                LabelDecisionBenchmark.N, kernel, scores.get("kernelWithClearance")[1], reader, scores.get("kernelWithReader")[1],
                xacml, scores.get("authzForce")[1], kernel / xacml, reader / xacml);
    }
}
