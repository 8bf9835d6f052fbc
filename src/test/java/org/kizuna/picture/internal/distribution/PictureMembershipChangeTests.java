package org.kizuna.picture.internal.distribution;

import org.kizuna.testing.TestClock;
import org.kizuna.picture.TrackView;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.Source;

/**
 * Leak 5 on the picture's path: the picture keeps each (audience, label) decision, and tetragraph
 * membership changes on its date; a running picture must follow the change on that date, for queries,
 * replays and pushed frames alike.
 */
class PictureMembershipChangeTests {

    static final Reader AUS = Reader.parse("AUS/SECRET");

    static CotEvent fvey(String uid, long now, double lat) {
        return new CotEvent(uid, "a-f-S-C", "m-g", now, now, now + 600_000, lat, 135.0, 0, 10, 10,
                "SECRET", null, "REL TO USA, FVEY", 8, 90, null, null);
    }

    @Test
    void aNationThatLeavesATetragraphStopsSeeingItsTracksOnTheDay() throws Exception {
        TestClock now = TestClock.at(Instant.parse("2029-12-31T23:59:00Z"));
        LabelKernel kernel = LabelKernel.fromResources("label/equivalences.yaml", "picture/tetragraphs-aus-leaves-test.yaml", now)
                .forNode("USA", "TOP SECRET");
        Source usa = new Source("test", "USA", null);
        try (LivePicture picture = new LivePicture(kernel, new SensorCatalog(), "USA", now)) {
            List<Frame> frames = new CopyOnWriteArrayList<>();
            picture.subscribe(AUS, frames::add);
            picture.ingest(fvey("FVEY-1", now.get(), 30.0), usa);
            assertThat(waitForTrack(picture, "FVEY-1")).as("AUS is in FVEY on 2029-12-31").isTrue();

            now.set(Instant.parse("2030-01-01T00:00:01Z").toEpochMilli());
            frames.clear();
            picture.ingest(fvey("FVEY-2", now.get(), 31.0), usa);
            Thread.sleep(300);
            assertThat(picture.tracks(AUS)).as("no FVEY track for AUS from 2030-01-01").isEmpty();
            assertThat(picture.tracks(Reader.parse("USA/SECRET"))).extracting(TrackView::id).contains("FVEY-1", "FVEY-2");
            assertThat(frames).as("no FVEY track pushed to AUS from 2030-01-01")
                    .noneMatch(f -> f.count() > 0);
            List<Frame> replay = new CopyOnWriteArrayList<>();
            picture.subscribe(AUS, replay::add);
            Thread.sleep(200);
            assertThat(replay).hasSize(1);
            assertThat(replay.getFirst().count()).as("nothing FVEY in the replay to AUS").isZero();
        }
    }

    static boolean waitForTrack(LivePicture picture, String uid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline) {
            if (picture.tracks(AUS).stream().anyMatch(t -> t.id().equals(uid))) return true;
            Thread.sleep(50);
        }
        return false;
    }
}
