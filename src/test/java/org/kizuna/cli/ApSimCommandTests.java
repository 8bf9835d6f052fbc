package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.testing.Cli;

/** {@code ./kizuna sim ap}: the AP-2 profile writes its three files; a bias with AP-1, or a bad one, is refused without writing anything. */
class ApSimCommandTests {

    @Test
    void theApTwoProfileWritesTheSensorsOffsets() throws Exception {
        Path dir = Files.createTempDirectory("ap-sim");
        Cli.Run r = Cli.run("sim", "ap", "--profile", "ap2", "--targets", "20", "--seed", "4", "--bias-max", "300", "--out", dir.resolve("p").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote ap2: ").contains("p_registration.csv");
        assertThat(ApFiles.readDetections(dir.resolve("p_detections.csv")).size()).isGreaterThan(256 * 6);
        assertThat(ApFiles.readStates(dir.resolve("p_truth.csv")).size()).isEqualTo(256 * 20);
        List<ApFiles.Offset> offsets = ApFiles.readRegistration(dir.resolve("p_registration.csv"));
        assertThat(offsets).extracting(ApFiles.Offset::sensor).containsExactly("US", "JP", "AU");
        assertThat(offsets.get(0).x()).isZero();
        assertThat(offsets.get(0).y()).isZero();
        for (ApFiles.Offset o : offsets.subList(1, 3)) {
            assertThat(o.x()).isBetween(-300.0, 300.0).isNotZero();
            assertThat(o.y()).isBetween(-300.0, 300.0).isNotZero();
        }
        // AP-1, the default, writes a registration file too: no sensor is biased
        assertThat(Cli.run("sim", "ap", "--targets", "5", "--out", dir.resolve("q").toString()).exit()).isZero();
        assertThat(ApFiles.readRegistration(dir.resolve("q_registration.csv"))).allSatisfy(o -> assertThat(List.of(o.x(), o.y())).containsOnly(0.0));
    }

    @Test
    void aBiasIsRefusedWithApOneAndWhenNegative() throws Exception {
        Path dir = Files.createTempDirectory("ap-sim");
        Cli.Run r = Cli.run("sim", "ap", "--profile", "ap1", "--bias-max", "100", "--out", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--bias-max applies to --profile ap2 only");
        r = Cli.run("sim", "ap", "--bias-max", "100", "--out", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        r = Cli.run("sim", "ap", "--profile", "ap2", "--bias-max", "-5", "--out", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--bias-max must be a finite number of metres, not negative; got -5.0");
        r = Cli.run("sim", "ap", "--profile", "ap3", "--out", dir.resolve("a").toString());
        assertThat(r.exit()).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
