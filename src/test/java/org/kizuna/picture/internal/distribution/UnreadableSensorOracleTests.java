package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/**
 * A source reports for a registered sensor only when its reader may read the sensor (its default label, the rule of
 * the sensor list). A USA CONFIDENTIAL planner's unlabelled event with the uid of a SECRET//NOFORN radar used to
 * become an observation of that radar under the radar's label, which the planner may not read, while the same event
 * with the uid of no sensor became the planner's own track on its map: posting a guessed id told whether a sensor it
 * may not read exists (and wrote its report into SECRET tracks). Now both are the planner's own self-reports.
 */
class UnreadableSensorOracleTests {

    static CotEvent report(String uid, long now) {
        return new CotEvent(uid, "a-u-A", "m-g", now, now, now + 60_000, 34.0, 135.0, 0, 50, 50, null, null, null, 200, 90, null, null);
    }

    @Test
    void aGuessedIdOfASensorTheSourceMayNotReadIsNoObservationAndAnswersAsAnUnknownId() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-HIDDEN-RADAR", "USA", "test radar", "radar", "SECRET//NOFORN", 100, 34.0, 135.0));
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        Reader planner = Readers.usa("CONFIDENTIAL");
        try (LivePicture picture = new LivePicture(kernel, sensors, "USA")) {
            Source rest = new Source("rest:usa.planner", "USA", Label.parse("CONFIDENTIAL//NOFORN"), true, "rest:usa.planner", planner);
            long now = System.currentTimeMillis();
            picture.ingest(report("USA-HIDDEN-RADAR.1", now), rest);
            picture.ingest(report("USA-NO-SUCH-RADAR.1", now), rest);
            Awaitility.await().atMost(Duration.ofMillis(3000)).pollInterval(Duration.ofMillis(20)).until(() -> picture.tracks(planner).size() == 2);
            assertThat(picture.tracks(planner)).extracting(TrackView::id).containsExactlyInAnyOrder("USA-HIDDEN-RADAR.1", "USA-NO-SUCH-RADAR.1");
            assertThat(picture.observations()).isZero();

            // a source whose reader may read the radar reports for it: an observation under the radar's label
            Source officer = new Source("rest:usa.officer", "USA", Label.parse("SECRET//NOFORN"), true, "rest:usa.officer", Readers.usa());
            picture.ingest(report("USA-HIDDEN-RADAR.2", System.currentTimeMillis()), officer);
            Awaitility.await().atMost(Duration.ofMillis(3000)).pollInterval(Duration.ofMillis(20)).until(() -> picture.observations() == 1);
            assertThat(picture.tracks(planner)).extracting(TrackView::id).doesNotContain("USA-HIDDEN-RADAR.2");
        }
    }
}
