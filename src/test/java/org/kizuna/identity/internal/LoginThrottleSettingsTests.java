package org.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code kizuna.login.*} and {@code kizuna.writes.*} bind to validated records; a bad value stops the node, naming it. */
class LoginThrottleSettingsTests {

    @EnableConfigurationProperties({LoginThrottle.Settings.class, WriteMatrix.Settings.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaults() {
        runner.run(context -> {
            assertThat(context.getBean(LoginThrottle.Settings.class))
                    .isEqualTo(new LoginThrottle.Settings(5, 20, Duration.ofMinutes(5), Duration.ofMinutes(15), 10_000));
            assertThat(context.getBean(WriteMatrix.Settings.class).sensorClearance()).isEqualTo("SECRET");
        });
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        runner.withPropertyValues("kizuna.login.max-user-failures=0", "kizuna.login.lockout=-1m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("kizuna.login")
                    .hasMessageContaining("maxUserFailures").hasMessageContaining("lockout").hasMessageContaining("must not be negative");
        });
        runner.withPropertyValues("kizuna.writes.sensor-clearance= ").run(context -> assertThat(context).hasFailed());
    }
}
