package org.kizuna.picture.internal.ingest;

import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.Picture;
import org.kizuna.picture.internal.distribution.PictureFusedViewTests;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;

/** The demo scenario feeds the picture through the demo sensors, asynchronously, in real time. */
class SimulatorTests {

    @Test
    void demoSensorsReportTargetsAndMovingPlatformsReportThemselves() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        JdbcSensors.demo().forEach(sensors::register);
        PictureFusedViewTests.LastReportTracker tracker = new PictureFusedViewTests.LastReportTracker();
        try (Picture picture = new Picture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, tracker, "USA");
             Simulator sim = new Simulator(picture, sensors, 42, 8).start()) {
            Thread.sleep(4500);
            List<TrackView> usa = picture.tracks(Reader.parse("USA/SECRET"));
            assertThat(usa).extracting(TrackView::id).contains("DDG-MUSTIN-USA", "DDG-MAYA-JPN", "P8A-A47-AUS");
            TrackView mustin = usa.stream().filter(t -> t.id().equals("DDG-MUSTIN-USA")).findFirst().orElseThrow();
            assertThat(mustin.type()).isEqualTo("a-f-S-C-L-D-D");
            assertThat(mustin.banner()).isEqualTo("SECRET//REL TO USA, AUS, JPN");
            assertThat(mustin.speed()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(mustin.lat()).isBetween(33.0, 35.0);
            // JPN readers see the allied units, GBR readers (not on any releasability list) see none
            assertThat(picture.tracks(Reader.parse("JPN/SECRET"))).extracting(TrackView::id).contains("DDG-MUSTIN-USA", "DDG-MAYA-JPN");
            assertThat(picture.tracks(Reader.parse("GBR/SECRET"))).isEmpty();

            Thread.sleep(300);
            Set<Integer> reporting = new HashSet<>();
            {
                for (double[] r : List.copyOf(tracker.reports)) {
                    reporting.add((int) r[1]);
                    assertThat(Plane.lat(r[3])).isBetween(10.0, 50.0);
                    assertThat(Plane.lon(r[2])).isBetween(115.0, 150.0);
                }
            }
            assertThat(tracker.reports.size()).isGreaterThan(20);
            assertThat(reporting.size()).as("several sensors have scanned").isGreaterThanOrEqualTo(3);
        }
    }
}
