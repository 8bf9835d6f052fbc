package org.kizuna.picture.metrics;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kizuna.picture.ap.ApFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** On Stone Soup's own AP-1 tracks the metrics give Stone Soup's figures to 1e-6 relative. */
class PictureMetricsTests {

    static Path resource(String name) throws Exception {
        return Path.of(PictureMetricsTests.class.getResource("/ap1/" + name).toURI());
    }

    static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-6)));
    }

    @Test
    void stoneSoupTracksGiveStoneSoupFigures() throws Exception {
        PictureMetrics.Result r = PictureMetrics.evaluate(ApFiles.readStates(resource("ap1_truth.csv")),
                ApFiles.readStates(resource("stonesoup_tracks.csv")));
        JsonNode ref = JsonMapper.builder().build().readTree(resource("stonesoup_metrics.json").toFile());
        JsonNode g = ref.get("gospa");
        JsonNode s = ref.get("siap");
        close(r.gospaMean(), g.get("mean").asDouble());
        close(r.gospaLocalisation(), g.get("localisation").asDouble());
        close(r.gospaMissed(), g.get("missed").asDouble());
        close(r.gospaFalse(), g.get("false").asDouble());
        close(r.ospaMean(), ref.get("ospa_mean").asDouble());
        close(r.completeness(), s.get("completeness").asDouble());
        close(r.ambiguity(), s.get("ambiguity").asDouble());
        close(r.spuriousness(), s.get("spuriousness").asDouble());
        close(r.positionAccuracy(), s.get("position_accuracy").asDouble());
        close(r.velocityAccuracy(), s.get("velocity_accuracy").asDouble());
        close(r.rateOfTrackNumberChange(), s.get("rate_of_track_number_change").asDouble());
        close(r.longestTrackSegment(), s.get("longest_track_segment").asDouble());
    }

    @Test
    void theTruthAgainstItselfIsPerfect() throws Exception {
        ApFiles.States truth = ApFiles.readStates(resource("ap1_truth.csv"));
        PictureMetrics.Result r = PictureMetrics.evaluate(truth, truth);
        assertThat(r.gospaMean()).isZero();
        assertThat(r.ospaMean()).isZero();
        assertThat(r.spuriousness()).isZero();
        assertThat(r.ambiguity()).isEqualTo(1.0);
        assertThat(r.positionAccuracy()).isZero();
        // an association confirmed at the third match starts at the first, so every truth is tracked all its life
        assertThat(r.completeness()).isEqualTo(1.0);
        assertThat(r.rateOfTrackNumberChange()).isZero();
        assertThat(r.longestTrackSegment()).isEqualTo(1.0);
    }
}
