package org.kizuna.picture.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** A partner's tracks as track-level input to the engine: one target, one track; no information counted twice; alone, a track of the partner's. */
class PeerTrackFusionTests {

    record Seen(long id, double x, double y, double variance, List<Integer> labels, List<Integer> sensors) {
    }

    static List<Seen> view(FusionEngine e) {
        List<Seen> out = new ArrayList<>();
        e.view((id, t, x, y, vx, vy, var, labels, lc, sensors, sc) -> {
            List<Integer> l = new ArrayList<>(), s = new ArrayList<>();
            for (int i = 0; i < lc; i++) l.add(labels[i]);
            for (int i = 0; i < sc; i++) s.add(sensors[i]);
            out.add(new Seen(id, x, y, var, l, s));
        });
        return out;
    }

    /** The partner's own estimate of the target: its engine's confirmed track, as a node sends it. */
    static List<PeerTrack> released(FusionEngine partner, double t, int labelKey) {
        List<PeerTrack> out = new ArrayList<>();
        partner.ownStates(t, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, labels, lc, sensors, sc) -> out
                .add(new PeerTrack(id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, labelKey)));
        return out;
    }

    @Test
    void aPartnersTrackAndALocalTrackOfOneTargetAreOneTrackNoMoreCertainThanBothTogether() {
        for (FusionEngine.PeerFusion rule : FusionEngine.PeerFusion.values()) {
            FusionEngine local = new FusionEngine(FusionConfig.defaults()), partner = new FusionEngine(FusionConfig.defaults());
            local.peerFusion(rule);
            partner.role(0, SensorRole.SURVEYED);
            local.role(1, SensorRole.SURVEYED);
            SplittableRandom rnd = new SplittableRandom(7);
            int peer = 9;
            for (int k = 0; k < 40; k++) {
                double t = k, tx = 10_000 + 200 * t, ty = 50_000 - 100 * t;
                partner.report(t, 0, tx + rnd.nextGaussian() * 50, ty + rnd.nextGaussian() * 50, 50, 3);
                partner.advance(t);
                local.report(t, 1, tx + rnd.nextGaussian() * 100, ty + rnd.nextGaussian() * 100, 100, 5);
                local.advance(t);
                List<PeerTrack> sent = released(partner, t, 3);
                local.peerTracks(peer, t, sent);
                if (k < 6) continue;
                List<Seen> shown = view(local);
                assertThat(shown).as("%s at %d s", rule, k).hasSize(1);
                Seen s = shown.get(0);
                assertThat(s.labels()).containsExactlyInAnyOrder(5, 3);
                assertThat(s.sensors()).containsExactlyInAnyOrder(1, peer);
                // the local estimate alone (the filter never takes the partner's state) and the partner's, per axis
                double[][] own = new double[2][];
                local.ownStates(t, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> {
                    own[0] = new double[]{pxx, pxv, vxx};
                    own[1] = new double[]{pyy, pyv, vyy};
                });
                PeerTrack q = sent.get(0);
                double[][] theirs = {{q.pxx(), q.pxv(), q.vxx()}, {q.pyy(), q.pyv(), q.vyy()}};
                // never smaller than two independent estimates allow together (the position variance of the information added);
                // added, exactly that (and so no larger than the better of the two); intersected (its fast weight), no larger than the
                // worse
                double bound = (together(own[0], theirs[0]) + together(own[1], theirs[1])) / 2;
                double better = Math.min((own[0][0] + own[1][0]) / 2, (theirs[0][0] + theirs[1][0]) / 2);
                assertThat(s.variance()).as("%s at %d s", rule, k).isGreaterThanOrEqualTo(bound * (1 - 1e-9));
                if (rule == FusionEngine.PeerFusion.INDEPENDENT) {
                    assertThat(s.variance()).isCloseTo(bound, Percentage.withPercentage(1e-6)).isLessThanOrEqualTo(better);
                } else {
                    assertThat(s.variance()).isLessThanOrEqualTo(Math.max((own[0][0] + own[1][0]) / 2, (theirs[0][0] + theirs[1][0]) / 2));
                }
                if (k == 39) assertThat(Math.hypot(s.x() - tx, s.y() - ty)).isLessThan(100);
            }
            // the partner's information never counts twice: fed the same partner track again and again, the local estimate alone
            // is what it was
            double[] before = new double[1], after = new double[1];
            local.ownStates(39, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> before[0] = pxx);
            List<PeerTrack> same = released(partner, 39, 3);
            for (int n = 0; n < 10; n++) local.peerTracks(peer, 39, same);
            local.ownStates(39, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> after[0] = pxx);
            assertThat(after[0]).isEqualTo(before[0]);
        }
    }

    /** The position variance of {@code (A^-1 + B^-1)^-1} for two 2x2 covariances given as {p00, p01, p11}. */
    static double together(double[] a, double[] b) {
        double da = a[0] * a[2] - a[1] * a[1], db = b[0] * b[2] - b[1] * b[1];
        double y00 = a[2] / da + b[2] / db, y01 = -a[1] / da - b[1] / db, y11 = a[0] / da + b[0] / db;
        return y11 / (y00 * y11 - y01 * y01);
    }

    @Test
    void aPartnersTrackWithNoLocalTrackIsShownAsThePartnersAndGoesWhenThePartnerDropsIt() {
        FusionEngine local = new FusionEngine(FusionConfig.defaults());
        PeerTrack p = new PeerTrack(42, 10, 30_000, 40_000, 150, 0, 2500, 0, 100, 2500, 0, 100, 7);
        local.peerTracks(9, 10, List.of(p));
        List<Seen> shown = view(local);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).sensors()).containsExactly(9);
        assertThat(shown.get(0).labels()).containsExactly(7);
        local.peerTracks(9, 11, List.of());
        assertThat(view(local)).isEmpty();
    }

    @Test
    void anEngineWithNoReferenceMovesItsTracksToThePartnersFrameOnThePartnersFirstTracks() {
        // the local sensor sits 400 m east of where it says, and nothing local is surveyed: its tracks sit 400 m off
        FusionEngine local = new FusionEngine(FusionConfig.defaults()), partner = new FusionEngine(FusionConfig.defaults());
        partner.role(0, SensorRole.SURVEYED);
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] targets = {{10_000, 50_000}, {30_000, 20_000}, {60_000, 70_000}, {80_000, 30_000}};
        double offset = 400;
        for (int k = 0; k < 30; k++) {
            double t = k;
            for (double[] g : targets) {
                double tx = g[0] + 150 * t, ty = g[1] - 50 * t;
                local.report(t, 1, tx + offset + rnd.nextGaussian() * 50, ty + rnd.nextGaussian() * 50, 50, 5);
                if (k >= 20) partner.report(t, 0, tx + rnd.nextGaussian() * 50, ty + rnd.nextGaussian() * 50, 50, 3);
            }
            local.advance(t);
            if (k >= 20) partner.advance(t);
            if (k == 19) {
                // before the partner's tracks: the local picture is 400 m east of the truth
                double[] east = new double[1];
                local.ownStates(t, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> east[0] += (x - nearestX(targets, x, y, tt)) / 4);
                assertThat(east[0]).isCloseTo(offset, within(60.0));
            }
            if (k >= 20) local.peerTracks(9, t, released(partner, t, 3));
        }
        // after them: the local tracks (its own estimates, before any combination) are where the targets are
        double[] east = new double[2];
        local.ownStates(29, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> {
            east[0] += Math.abs(x - nearestX(targets, x, y, tt));
            east[1]++;
        });
        assertThat(east[1]).isEqualTo(4);
        assertThat(east[0] / east[1]).isLessThan(60);
        assertThat(view(local)).hasSize(4);
    }

    @Test
    void betweenAPartnersUpdatesItsTrackIsCarriedOnPartlyAtTheLocalTracksFresherVelocity() {
        // the target flies east at 200 m/s and from 14 s on speeds up at 10 m/s^2; the partner's track, as of 20 s, has the speed
        // it had before (its filter behind); the local sensor reports every second
        FusionEngine local = new FusionEngine(FusionConfig.defaults());
        local.role(1, SensorRole.SURVEYED);
        int peer = 9;
        for (int k = 0; k <= 23; k++) {
            double t = k;
            local.report(t, 1, truthX(t), 50_000, 50, 5);
            local.advance(t);
            if (k == 20) local.peerTracks(peer, t, List.of(new PeerTrack(77, t, truthX(t), 50_000, 200, 0, 2500, 0, 100, 2500, 0, 100, 3)));
        }
        List<Seen> shown = view(local);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).sensors()).containsExactlyInAnyOrder(1, peer);
        // the local estimate alone, and the partner's track carried on at its own velocity, combined as the engine combines them
        double[] own = new double[5];
        local.ownStates(23, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, l, lc, se, sc) -> {
            own[0] = x;
            own[1] = vx;
            own[2] = pxx;
            own[3] = pxv;
            own[4] = vxx;
        });
        assertThat(own[1]).as("the local track has taken the new speed").isGreaterThan(230);
        double[] theirs = new double[5];
        Peers.predictAxis(theirs, truthX(20), 200, 2500, 0, 100, 3, Peers.PEER_NOISE);
        double[] atTheirVelocity = own.clone();
        Peers.combine(atTheirVelocity, theirs, 1);
        double truth = truthX(23);
        assertThat(Math.abs(shown.get(0).x() - truth)).isLessThan(Math.abs(atTheirVelocity[0] - truth) - 5);
        // but the partner's track still counts: the shown track is not the local estimate alone
        assertThat(Math.abs(shown.get(0).x() - own[0])).isGreaterThan(1);
    }

    private static double truthX(double t) {
        double late = Math.max(0, t - 14);
        return 10_000 + 200 * t + 5 * late * late;
    }

    /** The x of the target nearest (x, y) at t. */
    static double nearestX(double[][] targets, double x, double y, double t) {
        double best = Double.POSITIVE_INFINITY, bx = 0;
        for (double[] g : targets) {
            double tx = g[0] + 150 * t, ty = g[1] - 50 * t, d = Math.hypot(tx - x, ty - y);
            if (d < best) {
                best = d;
                bx = tx;
            }
        }
        return bx;
    }
}
