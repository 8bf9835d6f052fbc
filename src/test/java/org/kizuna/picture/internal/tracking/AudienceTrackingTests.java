package org.kizuna.picture.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.testing.Readers;

/** A NOFORN contribution changes nothing a JPN reader can observe; a USA reader gets the better picture. */
class AudienceTrackingTests {

    static final LabelKernel kernel = LabelKernel.standard();
    static final List<Label> labels = List.of(Label.parse("SECRET//REL TO USA, JPN"), Label.parse("SECRET//NOFORN"));

    static AudienceTracking picture(int[] audiences, boolean withNoforn) {
        AudienceTracking p = new AudienceTracking(FusionConfig.defaults(), Duration.ofSeconds(30));
        audiences[0] = p.addAudience(key -> kernel.mayRead(labels.get(key), Readers.jpn()));
        audiences[1] = p.addAudience(key -> kernel.mayRead(labels.get(key), Readers.usa()));
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 40; k++) {
            double t = k;
            for (int target = 0; target < 3; target++) {
                double x = 10_000 * target + 180 * t, y = 20_000 + 90 * t * target;
                p.report(t, 0, x + rnd.nextGaussian() * 100, y + rnd.nextGaussian() * 100, 100, 0);
                double nx = x + rnd.nextGaussian() * 20, ny = y + rnd.nextGaussian() * 20;
                if (withNoforn && k % 2 == 0) p.report(t + 0.5, 1, nx, ny, 20, 1);
            }
            // a target only the NOFORN sensor sees
            double hx = 90_000 - 150 * t, hy = 60_000;
            double rx = hx + rnd.nextGaussian() * 20, ry = hy + rnd.nextGaussian() * 20;
            if (withNoforn) p.report(t + 0.5, 1, rx, ry, 20, 1);
            p.advance(t + 0.9);
        }
        return p;
    }

    static List<String> seen(AudienceTracking p, int audience) {
        List<String> out = new ArrayList<>();
        p.view(audience, (id, t, x, y, vx, vy, var, l, lc, s, sc) -> {
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < lc; i++) keys.add(l[i]);
            out.add(id + " " + x + " " + y + " " + vx + " " + vy + " " + var + " " + keys);
        });
        return out;
    }

    @Test
    void aNofornContributionChangesNothingAJapaneseReaderObserves() {
        int[] with = new int[2], without = new int[2];
        AudienceTracking a = picture(with, true);
        AudienceTracking b = picture(without, false);
        List<String> jpnWith = seen(a, with[0]);
        assertThat(jpnWith).hasSize(3).isEqualTo(seen(b, without[0]));
        assertThat(jpnWith).noneMatch(s -> s.endsWith("1]") || s.contains(", 1]") || s.contains("[1"));
        List<String> usa = seen(a, with[1]);
        assertThat(usa).hasSize(4).isNotEqualTo(seen(b, without[1]));
        assertThat(usa).anyMatch(s -> s.contains("1]"));
    }

    @Test
    void anAudienceThatArrivesLaterStartsFromTheRetainedReportsItMayRead() {
        int[] aud = new int[2];
        AudienceTracking p = picture(aud, true);
        int late = p.addAudience(key -> kernel.mayRead(labels.get(key), Readers.aus()));
        assertThat(seen(p, late)).isEmpty();
        int lateJpn = p.addAudience(key -> kernel.mayRead(labels.get(key), Readers.jpn()));
        assertThat(seen(p, lateJpn)).hasSize(3);
    }

    @Test
    void retainedReportsStayInOrderWhileOldOnesAreDroppedForLongRuns() {
        AudienceTracking p = new AudienceTracking(FusionConfig.defaults(), Duration.ofSeconds(30));
        SplittableRandom rnd = new SplittableRandom(5);
        double x = 0, y = 0;
        for (int k = 0; k < 600; k++) { // ten times the window, many reports per second of clutter
            double t = k * 0.5;
            x = 200 * t;
            y = 50_000 - 100 * t;
            p.report(t, 0, x + rnd.nextGaussian() * 50, y + rnd.nextGaussian() * 50, 50, 0);
            for (int c = 0; c < 3; c++) p.report(t, 0, 500_000 + rnd.nextDouble() * 100_000, rnd.nextDouble() * 100_000, 50, 0);
            p.advance(t);
        }
        int late = p.addAudience(key -> kernel.mayRead(labels.get(key), Readers.jpn()));
        List<double[]> tracks = new ArrayList<>();
        p.view(late, (id, t, tx, ty, vx, vy, var, l, lc, s, sc) -> tracks.add(new double[]{tx, ty, vx, vy}));
        assertThat(tracks).hasSize(1);
        assertThat(Math.hypot(tracks.get(0)[0] - x, tracks.get(0)[1] - y)).isLessThan(150);
        assertThat(Math.hypot(tracks.get(0)[2] - 200, tracks.get(0)[3] + 100)).isLessThan(20);
    }

    @Test
    void whenDecisionsChangeAnAudienceStartsAgainFromWhatItMayReadNow() {
        java.util.concurrent.atomic.AtomicBoolean nofornReadable = new java.util.concurrent.atomic.AtomicBoolean(true);
        int[] aud = new int[2];
        AudienceTracking p = picture(aud, true);
        // an audience that may read the NOFORN sensor until its decisions change (as a coalition member that leaves)
        int member = p.addAudience(key -> key == 0 || nofornReadable.get());
        assertThat(seen(p, member)).hasSize(4).anyMatch(s -> s.contains("1]"));
        nofornReadable.set(false);
        // nothing here caches a decision: the audience's engine is fed by what it may read at each report,
        // and a restart rebuilds it from the retained reports it may read now
        p.restart();
        List<String> after = seen(p, member);
        assertThat(after).hasSize(3).noneMatch(s -> s.endsWith("1]") || s.contains(", 1]") || s.contains("[1"));
        // and the same as an audience that never could read it
        int never = p.addAudience(key -> key == 0);
        assertThat(after).hasSameSizeAs(seen(p, never));
    }

    @Test
    void aClearedPlaceHoldsNothingUntilANewAudienceTakesIt() {
        int[] aud = new int[2];
        AudienceTracking p = picture(aud, true);
        assertThat(seen(p, aud[1])).hasSize(4);
        p.clear(aud[1]);
        p.report(40, 0, 10_000, 20_000, 100, 0);
        p.advance(41);
        assertThat(seen(p, aud[1])).as("nothing replayed into a cleared place, nothing fed to it").isEmpty();
        assertThat(seen(p, aud[0])).as("the other audiences carry on").hasSize(3);
        p.replaceAudience(aud[1], key -> kernel.mayRead(labels.get(key), Readers.usa()));
        assertThat(seen(p, aud[1])).as("a new audience starts from the retained reports it may read").hasSize(4);
    }

    /** What an audience's engine sends partners ({@link AudienceTracking#ownStates}), as lines of id and position. */
    static List<String> sent(AudienceTracking p, int audience, double t) {
        List<String> out = new ArrayList<>();
        p.ownStates(audience, t, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, s, sc) -> out.add(id + " " + x + " " + y));
        return out;
    }

    @Test
    void aPartnersObservationsReachTheReadersEnginesButNeverOneWhoseTracksGoToPartners() {
        AudienceTracking p = new AudienceTracking(FusionConfig.defaults(), Duration.ofSeconds(30));
        int reader = p.addAudience(key -> true);
        int publishing = p.addPublishingAudience(key -> true);
        p.partnerSensor(1);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 20; k++) {
            // target 0 seen by this node's sensor 0, target 1 only by the partner's sensor 1
            p.report(k, 0, 10_000 + 200 * k + rnd.nextGaussian() * 50, 20_000 + rnd.nextGaussian() * 50, 50, 0);
            p.report(k + 0.5, 1, 50_000 - 200 * k + rnd.nextGaussian() * 50, 70_000 + rnd.nextGaussian() * 50, 50, 0);
            p.advance(k + 0.9);
        }
        assertThat(seen(p, reader)).hasSize(2);
        assertThat(sent(p, publishing, 19.9)).hasSize(1).allMatch(s -> Double.parseDouble(s.split(" ")[1]) < 30_000);
        // an audience that arrives later is replayed the retained reports: the partner's too, unless its tracks go to partners
        int lateReader = p.addAudience(key -> true);
        int latePublishing = p.addPublishingAudience(key -> true);
        for (int k = 20; k < 25; k++) {
            p.report(k, 0, 10_000 + 200 * k + rnd.nextGaussian() * 50, 20_000 + rnd.nextGaussian() * 50, 50, 0);
            p.report(k + 0.5, 1, 50_000 - 200 * k + rnd.nextGaussian() * 50, 70_000 + rnd.nextGaussian() * 50, 50, 0);
            p.advance(k + 0.9);
        }
        assertThat(seen(p, lateReader)).hasSize(2);
        assertThat(sent(p, latePublishing, 24.9)).hasSize(1).allMatch(s -> Double.parseDouble(s.split(" ")[1]) < 30_000);
    }
}
