package org.kizuna.picture.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.PictureMembershipChangeTests;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;
import org.kizuna.testing.TestClock;

/**
 * One node's leak rules hold on the picture's Kafka path, where a worker takes each event again from the record a replica
 * wrote: the source's reader, its default label and whether it is authenticated travel with the event and are decided on
 * again (docs/scaling.md). The same cases as one node's tests (UnreadableSensorOracleTests, the plain port's tracks,
 * PictureTakesOnlyWhatTheNodeMayHoldTests), through a replica and a worker.
 */
class PictureLeaksOnKafkaTests {

    @RegisterExtension static final TestBus.Broker KAFKA = new TestBus.Broker();
    static final LabelKernel KERNEL = LabelKernel.standard().forNode("USA", "TOP SECRET");

    static CotEvent report(String uid, long now, String access, String caveat) {
        return new CotEvent(uid, "a-u-A", "m-g", now, now, now + 60_000, 34.0, 135.0, 0, 50, 50, access, caveat, null, 200, 90, null, null, null);
    }

    @Test
    void aGuessedIdOfASensorTheSourceMayNotReadIsNoObservationThroughAWorkerEither() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-HIDDEN-RADAR", "USA", "test radar", "radar", "SECRET//NOFORN", 100, 34.0, 135.0));
        TestBus bus = TestBus.of(KAFKA.get(), "oracle");
        Reader planner = Readers.usa("CONFIDENTIAL");
        try (LivePicture replicaPicture = new LivePicture(KERNEL, sensors, "USA"); LivePicture workerPicture = new LivePicture(KERNEL, sensors, "USA");
                FusionWorker worker = bus.worker(workerPicture); KafkaReplica replica = bus.replica(replicaPicture)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
            Source rest = new Source("rest:usa.planner", "USA", Label.parse("CONFIDENTIAL//NOFORN"), true, "rest:usa.planner", planner);
            long now = System.currentTimeMillis();
            replicaPicture.ingest(report("USA-HIDDEN-RADAR.1", now, null, null), rest);
            replicaPicture.ingest(report("USA-NO-SUCH-RADAR.1", now, null, null), rest);
            await().atMost(Duration.ofSeconds(15)).until(() -> replicaPicture.tracks(planner).size() == 2);
            assertThat(replicaPicture.tracks(planner)).extracting(TrackView::id).containsExactlyInAnyOrder("USA-HIDDEN-RADAR.1", "USA-NO-SUCH-RADAR.1");
            assertThat(workerPicture.observations()).as("the planner's reader travelled with its events: neither is the radar's").isZero();

            Source officer = new Source("rest:usa.officer", "USA", Label.parse("SECRET//NOFORN"), true, "rest:usa.officer", Readers.usa());
            replicaPicture.ingest(report("USA-HIDDEN-RADAR.2", System.currentTimeMillis(), null, null), officer);
            await().atMost(Duration.ofSeconds(15)).until(() -> workerPicture.observations() == 1);
            assertThat(replicaPicture.tracks(planner)).extracting(TrackView::id).doesNotContain("USA-HIDDEN-RADAR.2");
        }
    }

    @Test
    void aPlainPortsTrackNeverReplacesAnAuthenticatedOneThroughAWorkerEither() throws Exception {
        TestBus bus = TestBus.of(KAFKA.get(), "plain");
        Reader officer = Readers.usa(), anonymous = Readers.usa("UNCLASSIFIED");
        try (LivePicture replicaPicture = new LivePicture(KERNEL, new SensorCatalog(), "USA");
                LivePicture workerPicture = new LivePicture(KERNEL, new SensorCatalog(), "USA"); FusionWorker worker = bus.worker(workerPicture);
                KafkaReplica replica = bus.replica(replicaPicture)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
            long now = System.currentTimeMillis();
            replicaPicture.ingest(report("MARINE-1", now, "SECRET", null), new Source("tls:usa.officer", "USA", null));
            Source plain = new Source("tcp:127.0.0.1", "USA", Label.parse("UNCLASSIFIED"), false, "anonymous");
            replicaPicture.ingest(report("MARINE-1", now + 1, "UNCLASSIFIED", null), plain);
            await().atMost(Duration.ofSeconds(15)).until(() -> replicaPicture.tracks(officer).size() == 1 && replicaPicture.tracks(anonymous).size() == 1);
            assertThat(replicaPicture.tracks(officer)).singleElement().satisfies(t -> assertThat(t.banner()).startsWith("SECRET"));
            assertThat(replicaPicture.tracks(anonymous)).singleElement().satisfies(t -> assertThat(t.banner()).startsWith("UNCLASSIFIED"));
        }
    }

    @Test
    void aLabelTheNodeMayNotHoldIsRefusedByTheReplicaAndNeverReachesAWorker() throws Exception {
        TestBus bus = TestBus.of(KAFKA.get(), "hold");
        Source jpn = new Source("rest:jpn.officer", "JPN", CotIdentities.ownNationOnly("JPN", "SECRET"));
        try (LivePicture replicaPicture = new LivePicture(KERNEL, new SensorCatalog(), "USA");
                LivePicture workerPicture = new LivePicture(KERNEL, new SensorCatalog(), "USA"); FusionWorker worker = bus.worker(workerPicture);
                KafkaReplica replica = bus.replica(replicaPicture)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
            long now = System.currentTimeMillis();
            assertThatThrownBy(() -> replicaPicture.ingest(report("JPN-ONLY", now, null, null), jpn)).isInstanceOf(CotRejected.class)
                    .hasMessageContaining("may not hold");
            replicaPicture.ingest(report("JPN-REL", now, "SECRET", null), new Source("rest:usa.officer", "USA", null));
            await().atMost(Duration.ofSeconds(15)).until(() -> workerPicture.tracks(Readers.usa()).size() == 1);
            assertThat(workerPicture.tracks(Readers.usa())).extracting(TrackView::id).containsExactly("JPN-REL");
            assertThat(workerPicture.refusedByReason()).doesNotContainKey("label-not-held");
            assertThat(replicaPicture.refusedByReason()).containsEntry("label-not-held", 1L);
        }
    }

    @Test
    void aNationThatLeavesATetragraphStopsSeeingItsTracksOnTheDayThroughAReplicaToo() throws Exception {
        TestClock now = TestClock.at(Instant.parse("2029-12-31T23:59:00Z"));
        LabelKernel kernel = LabelKernel.fromResources("label/equivalences.yaml", "picture/tetragraphs-aus-leaves-test.yaml", now).forNode("USA", "TOP SECRET");
        TestBus bus = TestBus.of(KAFKA.get(), "membership");
        Reader aus = Readers.aus();
        Source usa = new Source("test", "USA", null);
        try (LivePicture replicaPicture = new LivePicture(kernel, new SensorCatalog(), "USA", now);
                LivePicture workerPicture = new LivePicture(kernel, new SensorCatalog(), "USA", now); FusionWorker worker = bus.worker(workerPicture);
                KafkaReplica replica = bus.replica(replicaPicture)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
            List<Frame> frames = new CopyOnWriteArrayList<>();
            try (AutoCloseable subscription = replicaPicture.subscribe(aus, frames::add)) {
                replicaPicture.ingest(PictureMembershipChangeTests.fvey("FVEY-1", now.get(), 30.0), usa);
                await("AUS is in FVEY on 2029-12-31").atMost(Duration.ofSeconds(15))
                        .until(() -> PictureMembershipChangeTests.carries(frames, "FVEY-1") && replicaPicture.tracks(aus).size() == 1);

                now.set(Instant.parse("2030-01-01T00:00:01Z").toEpochMilli());
                frames.clear();
                replicaPicture.ingest(PictureMembershipChangeTests.fvey("FVEY-2", now.get(), 31.0), usa);
                replicaPicture.ingest(PictureMembershipChangeTests.relAus("REL-AUS-1", now.get(), 32.0), usa);
                await().atMost(Duration.ofSeconds(15)).until(() -> PictureMembershipChangeTests.carries(frames, "REL-AUS-1")
                        && replicaPicture.tracks(Readers.usa()).size() == 3);
                assertThat(replicaPicture.tracks(aus)).as("no FVEY track for AUS from 2030-01-01").extracting(TrackView::id).containsExactly("REL-AUS-1");
                assertThat(frames).as("no FVEY track pushed to AUS from 2030-01-01")
                        .noneMatch(f -> PictureMembershipChangeTests.carries(f, "FVEY-1") || PictureMembershipChangeTests.carries(f, "FVEY-2"));
            }
        }
    }
}
