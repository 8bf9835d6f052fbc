package org.kizuna.picture.internal.tracking;

/** Receives an engine's registration estimate of each sensor it has had reports from. */
public interface RegistrationSink {

    /**
     * The estimate of one sensor.
     *
     * @param sensor      the sensor's index (as given with its reports)
     * @param role        what the sensor is to the engine
     * @param biasX       estimated offset of its reports east (m): a report is corrected by subtracting it
     * @param biasY       estimated offset north (m)
     * @param sigmaX      one-sigma uncertainty of {@code biasX} (m)
     * @param sigmaY      one-sigma uncertainty of {@code biasY} (m)
     * @param reportsUsed reports of this sensor the estimate rests on (those matched to a track a reference also supports)
     * @param jumpedAt    time (s) at which the sensor's bias was last seen to jump, NaN when it never has
     */
    void sensor(int sensor, SensorRole role, double biasX, double biasY, double sigmaX, double sigmaY, long reportsUsed, double jumpedAt);
}
