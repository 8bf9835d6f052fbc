package org.kizuna.picture.internal.tracking;

/**
 * The local plane the fusion engine works on: metres east ({@code x}) and north ({@code y}) of a fixed
 * origin (30N 135E, the middle of the seas around Japan), equirectangular. Good to a fraction of a
 * percent over the few hundred kilometres a track crosses between scans; the same formula both ways.
 */
public final class Plane {

    public static final double ORIGIN_LAT = 30.0, ORIGIN_LON = 135.0;
    private static final double R = 6_371_008.8;
    private static final double K = Math.cos(Math.toRadians(ORIGIN_LAT));

    private Plane() {
    }

    public static double x(double lon) {
        return Math.toRadians(lon - ORIGIN_LON) * R * K;
    }

    public static double y(double lat) {
        return Math.toRadians(lat - ORIGIN_LAT) * R;
    }

    public static double lon(double x) {
        return ORIGIN_LON + Math.toDegrees(x / (R * K));
    }

    public static double lat(double y) {
        return ORIGIN_LAT + Math.toDegrees(y / R);
    }

    /** Speed in m/s of a plane velocity. */
    public static double speed(double vx, double vy) {
        return Math.hypot(vx, vy);
    }

    /** Course in degrees true (0 north, 90 east) of a plane velocity. */
    public static double course(double vx, double vy) {
        double c = Math.toDegrees(Math.atan2(vx, vy));
        return c < 0 ? c + 360 : c;
    }
}
