package org.kizuna.picture;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The tracker's estimate of one sensor's registration error, as one reader's audience has it: the constant
 * offset its reports carry (a radar's alignment, a ship's navigation), which the tracker takes out of its
 * reports. Estimated online against the references: surveyed sensors ({@link Sensor#surveyed()}) and
 * friendly units' own GPS positions. An audience's estimate rests only on the reports that audience may read,
 * so two readers may see different estimates of the same sensor, and a reader none of whose reports of it
 * may be read has none.
 *
 * @param sensor      the sensor's id
 * @param role        {@code estimated} (its bias is estimated) or {@code surveyed} (a reference, taken as it comes: bias 0)
 * @param biasEast    the offset of its reports east (m): a report is corrected by subtracting it
 * @param biasNorth   the offset north (m)
 * @param sigmaEast   one-sigma uncertainty of {@code biasEast} (m)
 * @param sigmaNorth  one-sigma uncertainty of {@code biasNorth} (m)
 * @param reportsUsed the sensor's reports the estimate rests on
 * @param jumpedAt    when the sensor's bias was last seen to jump (the estimate then started again), null when never
 */
public record SensorRegistration(String sensor, String role, double biasEast, double biasNorth, double sigmaEast, double sigmaNorth,
        long reportsUsed, @Nullable Instant jumpedAt) {
}
