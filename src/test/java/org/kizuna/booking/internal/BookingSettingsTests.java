package org.kizuna.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code kizuna.booking.*} binds to one validated record: the documented defaults, and a value out of range stops the node. */
class BookingSettingsTests {

    @EnableConfigurationProperties(BookingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaults() {
        runner.run(context -> {
            BookingSettings s = context.getBean(BookingSettings.class);
            assertThat(s).isEqualTo(new BookingSettings(365, 1, 10, 10_000_000, 800, 50, 10));
            assertThat(s.planningTime()).isEqualTo(Duration.ofMillis(800));
        });
    }

    @Test
    void valuesAsConfigured() {
        runner.withPropertyValues("kizuna.booking.horizon-days=30", "kizuna.booking.past-days=0", "kizuna.booking.max-facilities=15",
                "kizuna.booking.max-plan-cells=100000", "kizuna.booking.planning-millis=50", "kizuna.booking.late-acceptance=20")
                .run(context -> assertThat(context.getBean(BookingSettings.class)).isEqualTo(new BookingSettings(30, 0, 15, 100_000, 50, 20, 10)));
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheProperty() {
        runner.withPropertyValues("kizuna.booking.horizon-days=0", "kizuna.booking.max-facilities=16").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("kizuna.booking")
                    .hasMessageContaining("horizonDays").hasMessageContaining("must be 1 to 3660")
                    .hasMessageContaining("maxFacilities").hasMessageContaining("must be 1 to 15");
        });
    }
}
