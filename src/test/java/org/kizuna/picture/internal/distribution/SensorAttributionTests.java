package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/** Only a sensor's own nation reports for it: another nation's event with the sensor's uid is no observation of that sensor. */
class SensorAttributionTests {

    static CotEvent report(String uid, long now) {
        return new CotEvent(uid, "a-u-A", "m-g", now, now, now + 60_000, 34.0, 135.0, 0, 50, 50,
                null, null, null, 200, 90, null, null);
    }

    @Test
    void anotherNationCannotReportAsARegisteredSensor() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-TEST-RADAR", "USA", "test radar", "radar", "SECRET//NOFORN", 100, 34.0, 135.0));
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        try (LivePicture picture = new LivePicture(kernel, sensors, "USA")) {
            Source jpn = new Source("jpn-client", "JPN", Label.parse("SECRET//REL TO USA, JPN"));
            picture.ingest(report("USA-TEST-RADAR.1", System.currentTimeMillis()), jpn);
            Awaitility.await().atMost(Duration.ofMillis(3000)).pollInterval(Duration.ofMillis(20)).until(() -> !(picture.tracks(Readers.usa()).isEmpty()));
            // not an observation of the US radar (those count as observations), but JPN's own self-report
            assertThat(picture.observations()).isZero();
            assertThat(picture.tracks(Readers.usa())).extracting(TrackView::id).containsExactly("USA-TEST-RADAR.1");
            assertThat(picture.tracks(Readers.jpn())).extracting(TrackView::id).containsExactly("USA-TEST-RADAR.1");

            // the radar's own nation reports for it: an observation, under the radar's label
            picture.ingest(report("USA-TEST-RADAR.2", System.currentTimeMillis()), new Source("usa-client", "USA", null));
            Awaitility.await().atMost(Duration.ofMillis(3000)).pollInterval(Duration.ofMillis(20)).until(() -> !(picture.observations() == 0));
            assertThat(picture.observations()).isEqualTo(1);
        }
    }
}
