package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.AudienceTracking;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.testing.Readers;

/**
 * The tracking's references and the registration estimates, on the picture: a surveyed sensor is a reference
 * (role {@code surveyed}); a unit's own GPS fix (how {@code m-g}, known circular error) from a source the node
 * vouches for is a report of its nation's self-reports pseudo-sensor, and contributes its nation to the fused
 * track it supports, while a hand-placed marker ({@code h-e}) or a plain connection's report does not; units'
 * own fixes alone make no fused track; each reader is given its own audience's estimates, of the sensors it may
 * see, resting only on the reports it may read; and the question is refused as the track query is.
 */
class PictureRegistrationTests {

    static final LabelKernel KERNEL = LabelKernel.standard().forNode("USA", "TOP SECRET");
    static final Reader USA = Readers.usa(), JPN = Readers.jpn();
    static final Source JPN_RADAR = new Source("jpn-radar", "JPN", null), USA_SOURCE = new Source("usa", "USA", null);

    static Sensor demo(String id) {
        return JdbcSensors.demo().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** Where the aircraft is at {@code timeMs}: flying east at 150 m/s from 37N 134E ({@code [lat, lon]}). */
    static double[] aircraft(long startMs, long timeMs) {
        return new double[]{37.0, Plane.lon(Plane.x(134.0) + 150 * (timeMs - startMs) / 1000.0)};
    }

    /** A sensor's report of the aircraft, off by {@code east}, {@code north} metres, labelled as given (access null: the sensor's default). */
    static CotEvent report(String uid, long startMs, long timeMs, double east, double north, String access, String caveat, String rel) {
        double[] p = aircraft(startMs, timeMs);
        double lat = Plane.lat(Plane.y(p[0]) + north), lon = Plane.lon(Plane.x(p[1]) + east);
        return new CotEvent(uid, "a-u-A", "m-r", timeMs, timeMs, timeMs + 30_000, lat, lon, CotEvent.UNKNOWN, 50, CotEvent.UNKNOWN,
                access, caveat, rel, Double.NaN, Double.NaN, null, null);
    }

    /** The aircraft's own position report (a friendly fighter, VIPER-11), how {@code how}, circular error {@code ce}. */
    static CotEvent selfReport(String how, double ce, long startMs, long timeMs) {
        double[] p = aircraft(startMs, timeMs);
        return new CotEvent("VIPER-11", "a-f-A-M-F", how, timeMs, timeMs, timeMs + 60_000, p[0], p[1], 9000, ce, 10,
                "SECRET", null, "REL TO USA, JPN", 150, 90, "VIPER 11", null);
    }

    /**
     * Sado's radar sees the aircraft every 2 s for 20 s while the aircraft reports itself (how, ce, from that
     * source) half a second later each time; returns the tracks a JPN reader then sees, once its fused track is there.
     */
    static List<TrackView> radarAndSelfReports(String how, double ce, Source unit) throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(demo("JPN-FPS5-SADO"));
        try (LivePicture picture = new LivePicture(KERNEL, sensors, "USA")) {
            long end = System.currentTimeMillis(), start = end - 20_000;
            for (long t = start; t <= end; t += 2_000) {
                picture.ingest(report("JPN-FPS5-SADO.r1", start, t, 0, 0, null, null, null), JPN_RADAR);
                picture.ingest(selfReport(how, ce, start, t + 500), unit);
            }
            return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> picture.tracks(JPN), tracks -> tracks.stream().anyMatch(t -> !t.selfReported()));
        }
    }

    static TrackView fused(List<TrackView> tracks) {
        return tracks.stream().filter(t -> !t.selfReported()).findFirst().orElseThrow();
    }

    @Test
    void aUnitsOwnGpsFixContributesItsNationToTheFusedTrackItSupports() throws Exception {
        List<TrackView> seen = radarAndSelfReports("m-g", 10, USA_SOURCE);
        assertThat(fused(seen).nations()).as("Sado's track, supported by VIPER-11's own fixes").containsExactly("JPN", "USA");
        // and the unit is still shown as its own self-reported track, as before
        assertThat(seen).filteredOn(TrackView::selfReported).extracting(TrackView::id, TrackView::nations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VIPER-11", List.of("USA")));
    }

    @Test
    void aHandPlacedMarkerAFixOfUnknownAccuracyOrAPlainConnectionsFixIsNoReference() throws Exception {
        assertThat(fused(radarAndSelfReports("h-e", 10, USA_SOURCE)).nations()).as("hand-placed").containsExactly("JPN");
        assertThat(fused(radarAndSelfReports("m-g", CotEvent.UNKNOWN, USA_SOURCE)).nations()).as("unknown circular error").containsExactly("JPN");
        Source plain = new Source("plain:127.0.0.1", "USA", null, false, "anonymous");
        assertThat(fused(radarAndSelfReports("m-g", 10, plain)).nations()).as("unauthenticated").containsExactly("JPN");
    }

    @Test
    void unitsOwnFixesAloneMakeNoFusedTrackTheUnitIsShownAsItsSelfReportedTrack() throws Exception {
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA")) {
            long end = System.currentTimeMillis(), start = end - 20_000;
            for (long t = start; t <= end; t += 1_000) picture.ingest(selfReport("m-g", 10, start, t), USA_SOURCE);
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !picture.tracks(JPN).isEmpty());
            // fused views are published once a second: two of them have passed when the second marker is seen
            picture.ingest(selfReport("m-g", 10, start, end + 1), USA_SOURCE);
            long seenAt = System.currentTimeMillis();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() - seenAt > 2_200);
            assertThat(picture.tracks(JPN)).extracting(TrackView::id).containsExactly("VIPER-11");
            assertThat(picture.tracks(USA)).extracting(TrackView::id).containsExactly("VIPER-11");
            assertThat(picture.registration(USA)).as("a pseudo-sensor is no registered sensor").isEmpty();
        }
    }

    @Test
    void theRegistrationQuestionIsRefusedAsTheTrackQueryIsWhenTheAudiencesAreFull() throws Exception {
        LivePicture.Limits oneAudience = new LivePicture.Limits(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), 100, 32, 1,
                Duration.ofMinutes(10));
        try (LivePicture picture = new LivePicture(KERNEL, new SensorCatalog(), "USA", oneAudience)) {
            List<Frame> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
            picture.subscribe(USA, frames::add); // the one audience, held by its subscriber
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !frames.isEmpty());
            assertThat(picture.registration(USA)).isEmpty();
            String refusal = catchMessage(() -> picture.tracks(JPN));
            assertThat(refusal).contains("serves as many distinct readers as it may");
            assertThatThrownBy(() -> picture.registration(JPN)).isInstanceOf(IllegalStateException.class).hasMessage(refusal);
        }
    }

    static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    /** Whether the node's tracking gives registration estimates at all (an engine that has had a report). */
    static boolean trackerEstimatesRegistration() {
        AudienceTracking tracking = AudienceTracking.forNode();
        int audience = tracking.addAudience(key -> true);
        tracking.report(0, 0, 0, 0, 50, 0);
        tracking.advance(1);
        AtomicBoolean any = new AtomicBoolean();
        tracking.registration(audience, (sensor, role, bx, by, sx, sy, used, jumpedAt) -> any.set(true));
        return any.get();
    }

    /**
     * Sado (surveyed, JPN, REL TO USA, JPN) and Mustin (not surveyed, its default REL TO USA, AUS, JPN, so both
     * readers see the sensor) see the aircraft; Mustin's reports are 300 m off and marked NOFORN, so a JPN reader's
     * tracking never has them. Kyogamisaki's radar (SECRET//NOFORN: a JPN reader is not listed it) sees it too, its
     * reports marked REL TO USA, JPN, so the JPN audience's engine has an estimate of a sensor JPN may not see.
     */
    @Test
    void eachReaderIsGivenItsOwnAudiencesEstimatesOfTheSensorsItMaySee() throws Exception {
        Assumptions.assumeTrue(trackerEstimatesRegistration(),
                "the tracking gives no registration estimates yet (FusionEngine does not feed its Registration): nothing to show");
        SensorCatalog sensors = new SensorCatalog();
        for (String id : List.of("JPN-FPS5-SADO", "USA-DDG-MUSTIN", "USA-TPY2-KYOGA")) sensors.register(demo(id));
        assertThat(sensors.find("JPN-FPS5-SADO").orElseThrow().surveyed()).isTrue();
        try (LivePicture picture = new LivePicture(KERNEL, sensors, "USA")) {
            long end = System.currentTimeMillis(), start = end - 40_000;
            for (long t = start; t <= end; t += 2_000) {
                picture.ingest(report("JPN-FPS5-SADO.r1", start, t, 0, 0, null, null, null), JPN_RADAR);
                picture.ingest(report("USA-DDG-MUSTIN.r1", start, t + 500, 300, -150, "SECRET", "NOFORN", null), USA_SOURCE);
                picture.ingest(report("USA-TPY2-KYOGA.r1", start, t + 1_000, 0, 0, "SECRET", null, "REL TO USA, JPN"), USA_SOURCE);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !picture.tracks(USA).isEmpty() && !picture.tracks(JPN).isEmpty());
            List<SensorRegistration> usa = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> picture.registration(USA), r -> r.stream().anyMatch(e -> e.sensor().equals("USA-DDG-MUSTIN") && e.reportsUsed() > 0));
            List<SensorRegistration> jpn = picture.registration(JPN);

            assertThat(usa).extracting(SensorRegistration::sensor).containsExactly("JPN-FPS5-SADO", "USA-DDG-MUSTIN", "USA-TPY2-KYOGA");
            assertThat(usa).filteredOn(e -> e.sensor().equals("JPN-FPS5-SADO")).extracting(SensorRegistration::role).containsExactly("surveyed");
            assertThat(usa).filteredOn(e -> e.sensor().equals("USA-DDG-MUSTIN")).extracting(SensorRegistration::role).containsExactly("estimated");
            // JPN: Sado only; Mustin's reports never reached its tracking, Kyogamisaki is a sensor it may not see
            assertThat(jpn).extracting(SensorRegistration::sensor).containsExactly("JPN-FPS5-SADO");
            assertThat(jpn.getFirst().role()).isEqualTo("surveyed");
        }
    }
}
