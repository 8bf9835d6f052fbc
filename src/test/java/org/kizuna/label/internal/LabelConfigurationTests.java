package org.kizuna.label.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Readers.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodeSettings;
import org.kizuna.testing.TestClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The node's kernel bean follows {@code kizuna.nation}, the accredited level (rule 5) and the node's clock. */
class LabelConfigurationTests {

    /** The node's own settings, which the node module binds in a whole node. */
    @EnableConfigurationProperties(NodeSettings.class)
    static class Node {
    }

    /** The node's clock: just before AUS and NZL count as FVEY members in the shipped tables (1956-01-01). */
    private final TestClock clock = TestClock.at(Instant.parse("1955-12-31T23:59:00Z"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Node.class, LabelConfiguration.class)
            .withBean(Clock.class, () -> clock);

    @Test
    void aUsNodeByDefault() {
        runner.run(context -> {
            LabelKernel kernel = context.getBean(LabelKernel.class);
            assertThat(kernel.mayRead(Label.parse("TOP SECRET//NOFORN"), usa(TOP_SECRET))).isTrue();
            assertThat(kernel.decide(Label.parse("SECRET//REL TO USA, GBR"), gbr()).allowed()).isTrue();
        });
    }

    @Test
    void aJapaneseNodeCannotHoldWhatIsNotReleasableToJapan() {
        runner.withPropertyValues("kizuna.nation=JPN", "kizuna.label.accredited-level=SECRET").run(context -> {
            LabelKernel kernel = context.getBean(LabelKernel.class);
            assertThat(kernel.decide(Label.parse("SECRET//REL TO USA, GBR"), usa()).reason()).contains("rule 5");
            assertThat(kernel.decide(Label.parse("TOP SECRET//REL TO USA, JPN"), jpn(TOP_SECRET)).reason()).contains("accredited to SECRET");
            assertThat(kernel.mayRead(Label.parse("SECRET//REL TO USA, JPN"), jpn())).isTrue();
        });
    }

    @Test
    void tetragraphMembershipFollowsTheNodesClock() {
        runner.run(context -> {
            LabelKernel kernel = context.getBean(LabelKernel.class);
            assertThat(kernel.members("FVEY")).containsExactlyInAnyOrder("USA", "GBR", "CAN");
            clock.advance(Duration.ofMinutes(2));
            assertThat(kernel.members("FVEY")).containsExactlyInAnyOrder("USA", "GBR", "CAN", "AUS", "NZL");
        });
    }

    @Test
    void aNationWithoutAPolicyCannotRunANode() {
        runner.withPropertyValues("kizuna.nation=PHL").run(context -> assertThat(context).hasFailed());
    }
}
