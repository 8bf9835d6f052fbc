package org.kizuna.picture.internal.tracking;

/**
 * A partner node's track as it arrives (track-level input): the partner's own id for it, the time its state holds at,
 * position and velocity on this engine's plane, and per axis the covariance {@code [[pxx, pxv], [pxv, vxx]]} (and
 * likewise on y), with the label key of its roll-up label on this node. The partner built it from its own sensors'
 * reports only (it never sends a track that took another node's track), so it carries nothing this engine's own reports
 * hold.
 */
public record PeerTrack(long id, double t, double x, double y, double vx, double vy, double pxx, double pxv, double vxx, double pyy,
        double pyv, double vyy, int labelKey) {

    public PeerTrack {
        if (!Double.isFinite(t) || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(vx) || !Double.isFinite(vy)) {
            throw new IllegalArgumentException("a peer track needs a finite time, position and velocity");
        }
        if (!(pxx > 0) || !(pyy > 0) || !(vxx > 0) || !(vyy > 0) || !Double.isFinite(pxx + pyy + vxx + vyy + pxv + pyv)
                || pxv * pxv >= pxx * vxx || pyv * pyv >= pyy * vyy) {
            throw new IllegalArgumentException("a peer track needs a positive definite covariance");
        }
    }
}
