package org.kizuna.picture.internal.tracking;

/** Receives the tracks of one view; arrays are valid only during the call. */
public interface TrackSink {

    void track(long id, double t, double x, double y, double vx, double vy,
            double positionVariance, int[] labelKeys, int labelKeyCount, int[] sensors, int sensorCount);
}
