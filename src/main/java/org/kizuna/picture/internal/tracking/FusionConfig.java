package org.kizuna.picture.internal.tracking;

/**
 * Settings of the tracker, each with a reason rather than a tuned number: the process noise of the
 * motion model, the gate (chi-square, two degrees of freedom), the fastest target the picture expects,
 * and how long tracks and unexplained reports live without support.
 *
 * @param processNoise        white-acceleration intensity q of the constant-velocity model (m^2/s^3)
 * @param gate                Mahalanobis gate on the squared distance: 20 keeps 99.995% of true reports
 *                            (chi-square, 2 degrees of freedom). A true report outside its track's gate
 *                            starts a duplicate track, so at tens of thousands of reports per scenario
 *                            16 (99.97%, several lost reports per run) is too tight
 * @param maxSpeed            fastest target expected (m/s); bounds two-point initiation
 * @param confirmHits         reports a tentative track needs before it is shown
 * @param tentativeTimeout    a tentative track without a report for this long (s) is dropped
 * @param confirmedTimeout    a confirmed track without a report for this long (s) is deleted
 * @param seedLifetime        how long an unexplained report may still start a track (s)
 * @param mergeDistance       two confirmed tracks closer than this many standard deviations in position...
 * @param mergeSpeed          ...and this close in velocity (m/s) are one target: the younger is dropped
 */
public record FusionConfig(double processNoise, double gate, double maxSpeed, int confirmHits, double tentativeTimeout,
        double confirmedTimeout, double seedLifetime, double mergeDistance, double mergeSpeed) {

    /**
     * Timeouts are set from the sensors' revisit: the defaults suit sensors that report every 2-10 s
     * (AP-1). A picture fed by slower sensors lets tracks and seeds wait about 2.5 revisits.
     */
    public static FusionConfig forRevisit(double slowestRevisitSeconds) {
        FusionConfig d = defaults();
        double r = slowestRevisitSeconds;
        return new FusionConfig(d.processNoise(), d.gate(), d.maxSpeed(), d.confirmHits(), Math.max(d.tentativeTimeout(), 2.5 * r),
                Math.max(d.confirmedTimeout(), 3 * r), Math.max(d.seedLifetime(), 2.5 * r), d.mergeDistance(), d.mergeSpeed());
    }

    public static FusionConfig defaults() {
        return new FusionConfig(0.5, 20.0, 400.0, 4, 5.0, 8.0, 12.0, 3.0, 25.0);
    }
}
