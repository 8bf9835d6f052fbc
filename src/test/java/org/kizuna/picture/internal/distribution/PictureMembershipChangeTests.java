package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;
import org.kizuna.testing.TestClock;

/**
 * Leak 5 on the picture's path: the picture keeps each (audience, label) decision, and tetragraph
 * membership changes on its date; a running picture must follow the change on that date, for queries,
 * replays and pushed frames alike.
 */
public class PictureMembershipChangeTests {

    static final Reader AUS = Readers.aus();

    public static CotEvent fvey(String uid, long now, double lat) {
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

            // every frame that could carry FVEY-1 to AUS has arrived before the day changes
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> carries(frames, "FVEY-1"));

            now.set(Instant.parse("2030-01-01T00:00:01Z").toEpochMilli());
            frames.clear();
            picture.ingest(fvey("FVEY-2", now.get(), 31.0), usa);
            // a later track AUS may still read: once it has arrived, so has every frame that could carry FVEY-2
            picture.ingest(relAus("REL-AUS-1", now.get(), 32.0), usa);
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> carries(frames, "REL-AUS-1"));
            assertThat(picture.tracks(AUS)).as("no FVEY track for AUS from 2030-01-01").extracting(TrackView::id).containsExactly("REL-AUS-1");
            assertThat(picture.tracks(Readers.usa())).extracting(TrackView::id).contains("FVEY-1", "FVEY-2");
            assertThat(frames).as("no FVEY track pushed to AUS from 2030-01-01").noneMatch(f -> carries(f, "FVEY-1") || carries(f, "FVEY-2"));
            List<Frame> replay = new CopyOnWriteArrayList<>();
            picture.subscribe(AUS, replay::add);
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !replay.isEmpty());
            assertThat(replay).hasSize(1);
            Frame first = replay.getFirst();
            assertThat(java.util.Arrays.stream(first.tracks(), 0, first.count()).map(t -> t.uid)).as("nothing FVEY in the replay to AUS")
                    .containsExactly("REL-AUS-1");
        }
    }

    public static CotEvent relAus(String uid, long now, double lat) {
        return new CotEvent(uid, "a-f-S-C", "m-g", now, now, now + 600_000, lat, 135.0, 0, 10, 10,
                "SECRET", null, "REL TO USA, AUS", 8, 90, null, null);
    }

    public static boolean carries(Frame f, String uid) {
        for (int i = 0; i < f.count(); i++) if (f.tracks()[i].uid.equals(uid)) return true;
        return false;
    }

    public static boolean carries(List<Frame> frames, String uid) {
        return frames.stream().anyMatch(f -> carries(f, uid));
    }

    static boolean waitForTrack(LivePicture picture, String uid) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> picture.tracks(AUS).stream().anyMatch(t -> t.id().equals(uid)));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
