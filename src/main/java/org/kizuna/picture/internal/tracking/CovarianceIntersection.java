package org.kizuna.picture.internal.tracking;

/**
 * Covariance intersection of two estimates whose cross-correlation is unknown (a partner's track and
 * ours may share reports): the weight minimises the trace of the fused covariance, so the result is
 * consistent whatever the correlation, and fusing the same partner estimate again adds no false
 * confidence. Works on the decoupled per-axis 2x2 blocks (position, velocity).
 */
final class CovarianceIntersection {

    private CovarianceIntersection() {
    }

    /** Writes x, vx, a00, a01, a11, y, vy, b00, b01, b11 of the fused estimate into {@code out}. */
    static void fuse(double ax, double avx, double aa00, double aa01, double aa11, double ay, double avy, double ab00, double ab01, double ab11,
                     double bx, double bvx, double ba00, double ba01, double ba11, double by, double bvy, double bb00, double bb01, double bb11,
                     double[] out) {
        double lo = 0, hi = 1;
        double phi = (Math.sqrt(5) - 1) / 2;
        double w1 = hi - phi * (hi - lo), w2 = lo + phi * (hi - lo);
        double f1 = trace(w1, aa00, aa01, aa11, ab00, ab01, ab11, ba00, ba01, ba11, bb00, bb01, bb11);
        double f2 = trace(w2, aa00, aa01, aa11, ab00, ab01, ab11, ba00, ba01, ba11, bb00, bb01, bb11);
        for (int k = 0; k < 40; k++) {
            if (f1 < f2) {
                hi = w2; w2 = w1; f2 = f1; w1 = hi - phi * (hi - lo);
                f1 = trace(w1, aa00, aa01, aa11, ab00, ab01, ab11, ba00, ba01, ba11, bb00, bb01, bb11);
            } else {
                lo = w1; w1 = w2; f1 = f2; w2 = lo + phi * (hi - lo);
                f2 = trace(w2, aa00, aa01, aa11, ab00, ab01, ab11, ba00, ba01, ba11, bb00, bb01, bb11);
            }
        }
        double w = (lo + hi) / 2;
        axis(w, ax, avx, aa00, aa01, aa11, bx, bvx, ba00, ba01, ba11, out, 0);
        axis(w, ay, avy, ab00, ab01, ab11, by, bvy, bb00, bb01, bb11, out, 5);
    }

    /** Trace of the fused covariance for weight w: each axis's (w A^-1 + (1 - w) B^-1)^-1, position plus velocity. */
    private static double trace(double w, double aa00, double aa01, double aa11, double ab00, double ab01, double ab11,
                                double ba00, double ba01, double ba11, double bb00, double bb01, double bb11) {
        return axisTrace(w, aa00, aa01, aa11, ba00, ba01, ba11) + axisTrace(w, ab00, ab01, ab11, bb00, bb01, bb11);
    }

    private static double axisTrace(double w, double a00, double a01, double a11, double b00, double b01, double b11) {
        double da = a00 * a11 - a01 * a01, db = b00 * b11 - b01 * b01;
        double i00 = w * a11 / da + (1 - w) * b11 / db, i01 = -w * a01 / da - (1 - w) * b01 / db, i11 = w * a00 / da + (1 - w) * b00 / db;
        // the trace of the inverse of [[i00, i01], [i01, i11]]
        return (i00 + i11) / (i00 * i11 - i01 * i01);
    }

    /** One axis: P = (w A^-1 + (1 - w) B^-1)^-1, x = P (w A^-1 a + (1 - w) B^-1 b). */
    private static void axis(double w, double a0, double a1, double a00, double a01, double a11,
                             double b0, double b1, double b00, double b01, double b11, double[] out, int at) {
        double da = a00 * a11 - a01 * a01, db = b00 * b11 - b01 * b01;
        double ia00 = a11 / da, ia01 = -a01 / da, ia11 = a00 / da;
        double ib00 = b11 / db, ib01 = -b01 / db, ib11 = b00 / db;
        double i00 = w * ia00 + (1 - w) * ib00, i01 = w * ia01 + (1 - w) * ib01, i11 = w * ia11 + (1 - w) * ib11;
        double di = i00 * i11 - i01 * i01;
        double p00 = i11 / di, p01 = -i01 / di, p11 = i00 / di;
        double v0 = w * (ia00 * a0 + ia01 * a1) + (1 - w) * (ib00 * b0 + ib01 * b1);
        double v1 = w * (ia01 * a0 + ia11 * a1) + (1 - w) * (ib01 * b0 + ib11 * b1);
        out[at] = p00 * v0 + p01 * v1;
        out[at + 1] = p01 * v0 + p11 * v1;
        out[at + 2] = p00;
        out[at + 3] = p01;
        out[at + 4] = p11;
    }
}
