package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Policy;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;
import org.kizuna.testing.TestClock;

/**
 * Issue 10, point 4 on the picture: events outside a window around the node's clock are refused with
 * their reason and counted; a far-future stale time is cut to the maximum lifetime; expiry runs on the
 * node's clock; label churn, new tracks and new readers are bounded.
 */
class PictureBoundsTests {

    static final LabelKernel KERNEL = LabelKernel.standard().forNode("USA", "TOP SECRET");
    static final Reader USA = Readers.usa();
    static final Source SOURCE = new Source("test", "USA", null);
    static final LivePicture.Limits LIMITS = new LivePicture.Limits(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), 100, 32, 4,
            Duration.ofMinutes(10));

    static CotEvent event(String uid, long timeMs, long staleMs, String access, String caveat, String rel) {
        return new CotEvent(uid, "a-f-S-C", "m-g", timeMs, timeMs, staleMs, 35.0, 135.0, 0, 10, 10, access, caveat, rel, 8, 90, null, null);
    }

    /**
     * A hand-placed marker ({@code h-e}): a self-reported track only. (A unit's own GPS fix, {@code m-g} with a
     * known circular error, is also a reference report for the tracking, whose engines hold its label as long
     * as they hold the report.)
     */
    static CotEvent marker(String uid, long timeMs, long staleMs, String access, String caveat, String rel) {
        return new CotEvent(uid, "a-f-S-C", "h-e", timeMs, timeMs, staleMs, 35.0, 135.0, 0, 10, 10, access, caveat, rel, 8, 90, null, null);
    }

    /** A label no churned label uses. */
    static CotEvent jpnOnly(String uid, long timeMs, long staleMs) {
        return event(uid, timeMs, staleMs, "CONFIDENTIAL", null, "REL TO USA, JPN");
    }

    static CotEvent event(String uid, long timeMs, long staleMs) {
        return event(uid, timeMs, staleMs, "SECRET", null, "REL TO USA, JPN");
    }

    static List<TrackView> waitForTracks(LivePicture picture, Reader reader, int n) throws InterruptedException {
        // at most n arrive; a caller that expects fewer asserts on what is there after the wait
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.tracks(reader), tracks -> tracks.size() >= n);
        } catch (org.awaitility.core.ConditionTimeoutException fewer) {
            return picture.tracks(reader);
        }
    }

    @Test
    void eventsOutsideTheWindowAroundTheNodesClockAreRefusedWithTheirReasonAndCounted() throws Exception {
        TestClock now = TestClock.at(Instant.parse("2026-11-23T07:00:00Z"));
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            long day = 86_400_000L;
            assertThatThrownBy(() -> picture.ingest(event("FUTURE-1", now.get() + 365 * day, now.get() + 366 * day), SOURCE))
                    .isInstanceOf(CotRejected.class).hasMessageContaining("after the node's clock");
            assertThatThrownBy(() -> picture.ingest(event("PAST-1", now.get() - day, now.get() + day), SOURCE))
                    .isInstanceOf(CotRejected.class).hasMessageContaining("before the node's clock");
            assertThatThrownBy(() -> picture.ingest(event("PAST-2", now.get() - 6 * 60_000, now.get() + 60_000), SOURCE))
                    .isInstanceOf(CotRejected.class).hasMessageContaining("300 s before");
            // within the window (a client whose clock is a little off) is taken
            picture.ingest(event("NEAR-1", now.get() + 30_000, now.get() + 60_000), SOURCE);
            picture.ingest(event("NEAR-2", now.get() - 4 * 60_000, now.get() + 60_000), SOURCE);
            assertThat(waitForTracks(picture, USA, 2)).extracting(TrackView::id).containsExactlyInAnyOrder("NEAR-1", "NEAR-2");
            assertThat(picture.refusedByReason()).containsEntry("time-in-future", 1L).containsEntry("time-too-old", 2L);

            // the picture expires on the node's clock: a report's own time never holds it back
            now.addAndGet(3 * 60_000);
            assertThat(picture.tracks(USA)).isEmpty();
        }
    }

    @Test
    void aFarFutureStaleIsCutToTheMaximumLifetimeAfterTheEventTime() throws Exception {
        TestClock now = TestClock.at(Instant.parse("2026-11-23T07:00:00Z"));
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            long t = now.get();
            picture.ingest(event("FOREVER-1", t, Instant.parse("9999-12-31T00:00:00Z").toEpochMilli()), SOURCE);
            List<TrackView> tracks = waitForTracks(picture, USA, 1);
            assertThat(tracks).hasSize(1);
            assertThat(tracks.getFirst().stale()).isEqualTo(Instant.ofEpochMilli(t).plus(Duration.ofHours(1)));
            now.addAndGet(Duration.ofHours(1).plusMinutes(1).toMillis());
            assertThat(picture.tracks(USA)).as("gone after the maximum lifetime").isEmpty();
        }
    }

    @Test
    void labelChurnIsBoundedAndLabelsOutOfUseAreReleasedWithTheirDecisions() throws Exception {
        TestClock now = TestClock.startingNow();
        Policy usa = Policy.ofNation("USA").orElseThrow();
        String[] partners = {"JPN", "AUS", "CAN", "DEU", "FRA", "GBR", "ITA", "KOR", "NLD", "NOR", "NZL", "POL"};
        LabelKeys attributes = new LabelKeys(1 << 16);
        List<LabelKeys.Marking> churn = new ArrayList<>();
        for (int mask = 1; churn.size() < 200; mask++) {
            List<String> rel = new ArrayList<>(List.of("USA"));
            for (int i = 0; i < partners.length; i++) if ((mask & (1 << i)) != 0) rel.add(partners[i]);
            churn.add(attributes.intern(Label.builder(usa, "SECRET").relTo(rel.toArray(String[]::new)).build()));
        }
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            int refused = 0;
            for (int i = 0; i < churn.size(); i++) {
                LabelKeys.Marking m = churn.get(i);
                try {
                    picture.ingest(marker("CHURN-" + i, now.get(), now.get() + 10_000, m.access(), m.caveat(), m.releasableTo()), SOURCE);
                } catch (CotRejected r) {
                    assertThat(r.getMessage()).contains("distinct labels");
                    refused++;
                }
            }
            assertThat(picture.labels().size()).isLessThanOrEqualTo(LIMITS.maxLabels());
            assertThat(refused).isEqualTo(churn.size() - LIMITS.maxLabels());
            assertThat(picture.refusedByReason()).containsEntry("too-many-labels", (long) refused);
            // another nation's share is its own: a new JPN label is taken while USA's share is full
            picture.ingest(jpnOnly("JPN-OWN", now.get(), now.get() + 10_000), new Source("jpn-test", "JPN", null));
            Reader jpn = Readers.jpn();
            assertThat(waitForTracks(picture, jpn, LIMITS.maxLabels() / 2 + 1)).as("JPN decides on the churned labels (half name JPN) and its own")
                    .hasSize(LIMITS.maxLabels() / 2 + 1);

            // once those tracks are gone, their labels are released and new labels are taken again
            now.addAndGet(120_000);
            picture.tracks(USA);
            LabelKeys.Marking jpnOnly = attributes.intern(Label.parse("SECRET//REL TO USA, JPN"));
            LabelKeys.Marking noforn = attributes.intern(Label.parse("SECRET//NOFORN"));
            // the picture's thread releases labels out of use on its own schedule (on the node's clock): each try
            // that is refused moves the clock on by a second
            Awaitility.await("labels out of use are released").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                try {
                    picture.ingest(event("AFTER-NF", now.get(), now.get() + 60_000, noforn.access(), noforn.caveat(), noforn.releasableTo()), SOURCE);
                    picture.ingest(event("AFTER-REL", now.get(), now.get() + 60_000, jpnOnly.access(), jpnOnly.caveat(), jpnOnly.releasableTo()), SOURCE);
                    return true;
                } catch (CotRejected full) {
                    now.addAndGet(1000);
                    return false;
                }
            });
            assertThat(picture.labels().size()).isLessThanOrEqualTo(LIMITS.maxLabels());
            // a released key now names another label: no decision JPN took for its old label may survive
            assertThat(waitForTracks(picture, USA, 2)).extracting(TrackView::id).contains("AFTER-NF", "AFTER-REL");
            assertThat(picture.tracks(jpn)).extracting(TrackView::id).containsExactly("AFTER-REL");
        }
    }

    @Test
    void newTracksBeyondTheLimitAreRefusedAndCounted() throws Exception {
        TestClock now = TestClock.startingNow();
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            for (int i = 0; i < 150; i++) picture.ingest(event("MANY-" + i, now.get(), now.get() + 60_000), SOURCE);
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !(picture.refusedByReason().getOrDefault("too-many-tracks", 0L) < 50));
            assertThat(picture.tracks(USA)).hasSize(LIMITS.maxTracks());
            assertThat(picture.refusedByReason()).containsEntry("too-many-tracks", 50L);
            // a known track still moves
            picture.ingest(event("MANY-0", now.get() + 1000, now.get() + 60_000), SOURCE);
        }
    }

    @Test
    void aPartnersBatchBeyondOneNationsShareOfTracksIsCutAndCounted() {
        TestClock now = TestClock.startingNow();
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            java.util.List<org.kizuna.federation.PeerTracks.Track> many = new java.util.ArrayList<>();
            for (int i = 0; i < LIMITS.maxTracks() + 50; i++) {
                many.add(new org.kizuna.federation.PeerTracks.Track(i + 1, 26.0 + i * 0.001, 127.5, 100, 0, 2500, 0, 25, 2500, 0, 25, "UNCLASSIFIED"));
            }
            picture.peerTracks(new org.kizuna.federation.PeerTracks("JPN", "USA", now.get(), many));
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.refusedByReason().containsKey("too-many-tracks"));
            assertThat(picture.refusedByReason()).containsEntry("too-many-tracks", 1L);
        }
    }

    @Test
    void aPartnersObservationsNameAtMostTheSensorsOfOnePeersShareAndTheRestAreDroppedAndCounted() {
        TestClock now = TestClock.startingNow();
        int extra = 5, total = LivePicture.SENSORS_PER_PEER + extra;
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            java.util.List<org.kizuna.federation.PeerObservations.Observation> batch = new java.util.ArrayList<>();
            for (int i = 0; i < total; i++) {
                batch.add(new org.kizuna.federation.PeerObservations.Observation("radar-" + i, false, now.get(), 26.0 + i * 0.001, 127.5, 50, "UNCLASSIFIED"));
                if (batch.size() == LIMITS.maxTracks() || i == total - 1) {
                    picture.peerObservations(new org.kizuna.federation.PeerObservations("JPN", "USA", now.get(), batch));
                    batch = new java.util.ArrayList<>();
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.refusedByReason().getOrDefault("too-many-sensors", 0L) == extra);
            assertThat(picture.peerObservations()).containsEntry("JPN", (long) LivePicture.SENSORS_PER_PEER);
            // a sensor already named is still taken
            picture.peerObservations(new org.kizuna.federation.PeerObservations("JPN", "USA", now.get(),
                    java.util.List.of(new org.kizuna.federation.PeerObservations.Observation("radar-0", false, now.get(), 26.0, 127.5, 50, "UNCLASSIFIED"))));
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.peerObservations().get("JPN") == LivePicture.SENSORS_PER_PEER + 1L);
            assertThat(picture.refusedByReason()).containsEntry("too-many-sensors", (long) extra);
        }
    }

    @Test
    void eachNationHasItsOwnShareSoATakenReportNeverDependsOnAnotherNationsTracksOrLabels() throws Exception {
        TestClock now = TestClock.startingNow();
        Source jpn = new Source("jpn-test", "JPN", null);
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            // JPN fills its share of tracks
            for (int i = 0; i < LIMITS.maxTracks(); i++) {
                picture.ingest(jpnOnly("JPN-" + i, now.get(), now.get() + 60_000), jpn);
            }
            Reader jpnReader = Readers.jpn();
            assertThat(waitForTracks(picture, jpnReader, LIMITS.maxTracks())).hasSize(LIMITS.maxTracks());
            picture.ingest(jpnOnly("JPN-ONE-MORE", now.get(), now.get() + 60_000), jpn);
            // USA's reports are taken as if JPN had none
            for (int i = 0; i < LIMITS.maxTracks(); i++) picture.ingest(event("USA-" + i, now.get(), now.get() + 60_000), SOURCE);
            assertThat(waitForTracks(picture, USA, 2 * LIMITS.maxTracks())).filteredOn(t -> t.id().startsWith("USA-")).hasSize(LIMITS.maxTracks());
            assertThat(picture.refusedByReason()).containsEntry("too-many-tracks", 1L);
            assertThat(picture.tracks(jpnReader)).extracting(TrackView::id).doesNotContain("JPN-ONE-MORE");
        }
    }

    @Test
    void readersBeyondTheLimitOfAudiencesTakeTheIdlestPlace() throws Exception {
        TestClock now = TestClock.startingNow();
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", now, LIMITS)) {
            picture.ingest(event("SEEN-1", now.get(), now.get() + 60_000), SOURCE);
            waitForTracks(picture, USA, 1);
            String[] readers = {"AUS/SECRET", "USA/CONFIDENTIAL", "USA/TOP SECRET", "JPN/SECRET", "USA/SECRET", "AUS/SECRET", "JPN/SECRET"};
            for (String r : readers) {
                now.addAndGet(10);
                assertThat(picture.tracks(Reader.parse(r))).as(r).hasSize(r.startsWith("AUS") || r.endsWith("CONFIDENTIAL") ? 0 : 1);
            }
            assertThat(picture.audiences()).isEqualTo(LIMITS.maxAudiences());
            // idle audiences go after their idle time
            now.addAndGet(Duration.ofMinutes(12).toMillis());
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> !(picture.audiences() > 0));
            assertThat(picture.audiences()).isZero();
        }
    }
}
