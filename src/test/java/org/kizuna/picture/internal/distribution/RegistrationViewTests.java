package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.SensorRegistration;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.picture.internal.tracking.SensorRole;
import org.kizuna.testing.Readers;

/**
 * How one audience's registration estimates become the picture's answer: the engine reports each sensor index
 * it has had reports from (here called as an engine calls its sink), and the answer keeps the registered
 * sensors the reader may see by the sensor list's rule (real label decisions), never a units' self-reports
 * pseudo-sensor, in sensor-id order, with the picture's seconds as instants.
 */
class RegistrationViewTests {

    static final LabelKernel KERNEL = LabelKernel.standard().forNode("USA", "TOP SECRET");
    /** The picture's second 0. */
    static final long EPOCH_MS = Instant.parse("2026-12-07T09:00:00Z").toEpochMilli();

    static Sensor demo(String id) {
        return JdbcSensors.demo().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The tracking's indices as the picture gives them out: 0 SADO, 1 KYOGA (NOFORN), 2 USA's self-reports, 3 MUSTIN. */
    static final List<Sensor> INDICES = new ArrayList<>(Arrays.asList(demo("JPN-FPS5-SADO"), demo("USA-TPY2-KYOGA"), null, demo("USA-DDG-MUSTIN")));

    static RegistrationView view(Reader reader) {
        return new RegistrationView(i -> i >= 0 && i < INDICES.size() ? INDICES.get(i) : null,
                s -> KERNEL.mayRead(Label.parse(s.defaultLabel()), reader), EPOCH_MS);
    }

    /** What an engine of an audience that has had reports of every index says (in index order, as it does). */
    static List<SensorRegistration> estimates(Reader reader) {
        RegistrationView v = view(reader);
        v.sensor(0, SensorRole.SURVEYED, 0, 0, 0, 0, 0, Double.NaN);
        v.sensor(1, SensorRole.SURVEYED, 0, 0, 0, 0, 0, Double.NaN);
        v.sensor(2, SensorRole.SELF_REPORTS, 0, 0, 0, 0, 0, Double.NaN);
        v.sensor(3, SensorRole.ESTIMATED, 312.4, -145.2, 41.0, 38.5, 57, 12.25);
        v.sensor(7, SensorRole.ESTIMATED, 1, 1, 1, 1, 1, Double.NaN); // an index the picture never gave out
        return v.list();
    }

    @Test
    void aReaderIsGivenTheEstimatesOfTheRegisteredSensorsItMaySeeInIdOrder() {
        assertThat(estimates(Readers.usa())).containsExactly(
                new SensorRegistration("JPN-FPS5-SADO", "surveyed", 0, 0, 0, 0, 0, null),
                new SensorRegistration("USA-DDG-MUSTIN", "estimated", 312.4, -145.2, 41.0, 38.5, 57, Instant.parse("2026-12-07T09:00:12.250Z")),
                new SensorRegistration("USA-TPY2-KYOGA", "surveyed", 0, 0, 0, 0, 0, null));
    }

    @Test
    void aSensorTheReaderMayNotSeeAndTheSelfReportsPseudoSensorAreNeverListed() {
        // KYOGA's default label is SECRET//NOFORN: a JPN reader is not listed it, whatever its audience's engine holds
        assertThat(estimates(Readers.jpn())).extracting(SensorRegistration::sensor).containsExactly("JPN-FPS5-SADO", "USA-DDG-MUSTIN");
        // a CONFIDENTIAL reader may read none of the three sensors' default labels
        assertThat(estimates(Readers.usa(Readers.CONFIDENTIAL))).isEmpty();
    }
}
