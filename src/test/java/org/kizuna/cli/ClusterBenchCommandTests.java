package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli;

/** {@code ./kizuna bench cluster} refuses options out of range, and one AP file without the other, before it starts anything. */
class ClusterBenchCommandTests {

    @Test
    void badOptionsAreRefusedWithExitTwoAndSayWhy() throws Exception {
        String[][] cases = {
                {"--workers", "0"}, {"--workers is 1 to 64; got 0"},
                {"--partitions", "1001"}, {"--partitions is 1 to 1000; got 1001"},
                {"--speed", "0"}, {"--speed is more than 0 and at most 100; got 0.0"},
                {"--speed", "NaN"}, {"--speed is more than 0 and at most 100; got NaN"},
                {"--seconds", "-1"}, {"--seconds is 0 (all of the scenario) or more; got -1.0"},
                {"--audiences", "6"}, {"--audiences is 1 to 5; got 6"},
                {"--detections", "bench/ap1/ap1_detections.csv"}, {"give both --detections and --truth, or neither (AP-10k is generated)"},
                {"--detections", "no/such_detections.csv", "--truth", "bench/ap1/ap1_truth.csv"}, {"cannot read no/such_detections.csv"},
        };
        for (int i = 0; i < cases.length; i += 2) {
            String[] args = new String[cases[i].length + 2];
            args[0] = "bench";
            args[1] = "cluster";
            System.arraycopy(cases[i], 0, args, 2, cases[i].length);
            Cli.Run r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", cases[i])).contains(cases[i + 1][0]);
            assertThat(r.out()).isEmpty();
        }
    }
}
