package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/** The demo scenario feeds the picture through the demo sensors, asynchronously, in real time. */
class SimulatorTests {

    static final Reader USA = Readers.usa();

    @Test
    void demoSensorsReportTargetsAndMovingPlatformsReportThemselves() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        JdbcSensors.demo().forEach(sensors::register);
        try (LivePicture picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, "USA");
                Simulator sim = new Simulator(picture, sensors, 42, 8).start()) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> picture.tracks(USA).stream().map(TrackView::id).toList()
                    .containsAll(List.of("DDG-MUSTIN-USA", "DDG-MAYA-JPN", "P8A-A47-AUS")));
            TrackView mustin = picture.tracks(USA).stream().filter(t -> t.id().equals("DDG-MUSTIN-USA")).findFirst().orElseThrow();
            assertThat(mustin.type()).isEqualTo("a-f-S-C-L-D-D");
            assertThat(mustin.banner()).isEqualTo("SECRET//REL TO USA, AUS, JPN");
            assertThat(mustin.speed()).isCloseTo(8.0, within(0.01));
            assertThat(mustin.lat()).isBetween(33.0, 35.0);
            // JPN readers see the allied units, GBR readers (not on any releasability list) see none
            assertThat(picture.tracks(Readers.jpn())).extracting(TrackView::id).contains("DDG-MUSTIN-USA", "DDG-MAYA-JPN");
            assertThat(picture.tracks(Readers.gbr())).isEmpty();

            // the demo sensors scan their targets, and the tracking turns their reports into tracks in the theatre
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> picture.observations() > 20
                    && picture.tracks(USA).stream().anyMatch(t -> !t.selfReported()));
            for (TrackView fused : picture.tracks(USA).stream().filter(t -> !t.selfReported()).toList()) {
                assertThat(fused.id()).startsWith("KZ-USA-");
                assertThat(fused.lat()).isBetween(10.0, 50.0);
                assertThat(fused.lon()).isBetween(115.0, 150.0);
            }
        }
    }

    @Test
    void demoSensorsThatWereNotSurveyedSitOffByAConstantRegistrationError() {
        for (org.kizuna.picture.Sensor s : JdbcSensors.demo()) {
            double[] off = Simulator.registrationOffset(s);
            assertThat(off).as(s.id()).isEqualTo(Simulator.registrationOffset(s)); // the same every time
            if (s.surveyed()) {
                assertThat(off).as(s.id()).containsExactly(0, 0);
            } else {
                assertThat(Math.abs(off[0])).as(s.id()).isLessThanOrEqualTo(300);
                assertThat(Math.abs(off[1])).as(s.id()).isLessThanOrEqualTo(300);
                assertThat(Math.hypot(off[0], off[1])).as(s.id()).isGreaterThan(0);
            }
        }
    }
}
