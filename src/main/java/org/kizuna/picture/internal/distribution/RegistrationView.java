package org.kizuna.picture.internal.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.internal.tracking.RegistrationSink;
import org.kizuna.picture.internal.tracking.SensorRole;

/**
 * One audience's registration estimates as the picture's API gives them ({@link SensorRegistration}): the
 * audience's engine reports each sensor index it has had reports from; kept are the registered sensors the
 * reader may see (a units' self-reports pseudo-sensor is no registered sensor and is never listed), in
 * sensor-id order, with the picture's seconds turned into instants as track times are. Filled on the picture's
 * thread, once per question.
 */
final class RegistrationView implements RegistrationSink {

    private final IntFunction<@Nullable Sensor> sensorOfIndex;
    private final Predicate<Sensor> visible;
    private final long epochMs;
    private final List<SensorRegistration> estimates = new ArrayList<>();

    /**
     * @param sensorOfIndex the registered sensor of a tracking index, null for a pseudo-sensor or an index not given out
     * @param visible       whether the reader may see the sensor (its default label, as the sensor list decides)
     * @param epochMs       the instant (ms since the Unix epoch) of the picture's second 0
     */
    RegistrationView(IntFunction<@Nullable Sensor> sensorOfIndex, Predicate<Sensor> visible, long epochMs) {
        this.sensorOfIndex = sensorOfIndex;
        this.visible = visible;
        this.epochMs = epochMs;
    }

    @Override
    public void sensor(int sensor, SensorRole role, double biasX, double biasY, double sigmaX, double sigmaY, long reportsUsed, double jumpedAt) {
        Sensor s = sensorOfIndex.apply(sensor);
        if (s == null || role == SensorRole.SELF_REPORTS || !visible.test(s)) return;
        Instant jumped = Double.isFinite(jumpedAt) ? Instant.ofEpochMilli(epochMs + Math.round(jumpedAt * 1000)) : null;
        estimates.add(new SensorRegistration(s.id(), role.name().toLowerCase(Locale.ROOT), biasX, biasY, sigmaX, sigmaY, reportsUsed, jumped));
    }

    /** The estimates kept, in sensor-id order. */
    List<SensorRegistration> list() {
        estimates.sort(Comparator.comparing(SensorRegistration::sensor));
        return List.copyOf(estimates);
    }
}
