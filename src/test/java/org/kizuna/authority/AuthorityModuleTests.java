package org.kizuna.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.UserDirectory;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.Readers;
import org.kizuna.testing.TestClock;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.ErrorResponseException;

/**
 * The authority module with the modules it uses (label, identity, audit, console, node) on a real H2 database and a
 * node clock the test moves: the designated user sets levels, each time-stamped by the node's clock, audited and
 * published; a support request is checked against the level in force.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
class AuthorityModuleTests {

    static final TestClock CLOCK = TestClock.at(Instant.parse("2026-11-02T01:00:00Z"));

    @TestBean Clock nodeClock;

    static Clock nodeClock() {
        return CLOCK;
    }

    final Authority authority;
    final UserDirectory users;
    final AuditLog audit;

    AuthorityModuleTests(Authority authority, UserDirectory users, AuditLog audit) {
        this.authority = authority;
        this.users = users;
        this.audit = audit;
    }

    @Test
    void levelsAreTimeStampedByTheNodeClockKeptInOrderAuditedAndPublished(Scenario scenario) {
        KizunaUser setter = users.find("jpn.officer").orElseThrow();
        Instant first = CLOCK.instant();
        authority.setLevel(new NewLevel("japan", "gray-zone", "armed group landed on a remote island"), setter);
        CLOCK.advance(Duration.ofHours(3));
        Instant second = CLOCK.instant();
        scenario.stimulate(() -> authority.setLevel(new NewLevel("japan", "armed-attack", "cabinet decision"), setter))
                .andWaitForEventOfType(SituationLevelSet.class)
                .matching(e -> e.level().equals("armed-attack"))
                .toArriveAndVerify(e -> assertThat(e.at()).isEqualTo(second));

        assertThat(authority.history("japan", Readers.usa())).extracting(LevelSetting::level, LevelSetting::setAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gray-zone", first), org.assertj.core.groups.Tuple.tuple("armed-attack", second));
        LevelInForce japan = authority.levelsInForce(Readers.aus()).stream().filter(l -> l.region().equals("japan")).findFirst().orElseThrow();
        assertThat(japan.level()).isEqualTo("armed-attack");
        assertThat(japan.since()).isEqualTo(second);
        assertThat(authority.levelsInForce(Readers.aus())).filteredOn(l -> l.region().equals("global")).extracting(LevelInForce::level)
                .containsExactly("peacetime");
        audit.flush();
        assertThat(audit.entries(0, 1000, Readers.usa()).stream().map(AuditEntry::record)
                .filter(r -> r.subject().equals("authority/level/japan")))
                .extracting(r -> r.outcome() + " by " + r.actor() + " at " + r.at())
                .containsExactly("set gray-zone by jpn.officer at " + first, "set armed-attack by jpn.officer at " + second);
    }

    @Test
    void aPlannerOfJapanWhoIsNotDesignatedMayNotSetALevel() {
        KizunaUser liaison = new KizunaUser("jpn.liaison", "JPN", "SECRET", Set.of(), Set.of(Role.PLANNER), ZoneId.of("Asia/Tokyo"));
        int before = authority.history("southwest-islands", Readers.jpn()).size();
        assertThat(authority.maySetLevels(liaison)).isFalse();
        assertThatThrownBy(() -> authority.setLevel(new NewLevel("southwest-islands", "armed-attack", null), liaison))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(403);
                    assertThat(e.getBody().getDetail()).contains("kizuna.authority.level-setters");
                });
        assertThat(authority.history("southwest-islands", Readers.jpn())).hasSize(before);
    }

    @Test
    void supportByJapanFollowsTheLevelInForceAndSupportByAnotherNationGoesToThatNation() {
        KizunaUser setter = users.find("jpn.officer").orElseThrow();
        KizunaUser usa = users.find("usa.officer").orElseThrow();
        LocalDate day = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plusDays(10);
        NewSupportRequest sar = new NewSupportRequest("USA", "JPN", "search-and-rescue", "southwest-islands", day.toString(), day.toString(),
                "UNCLASSIFIED", "search for a downed aircrew");
        authority.setLevel(new NewLevel("southwest-islands", "peacetime", null), setter);
        SupportRequest refused = authority.request(sar, usa);
        assertThat(refused.outcome()).isEqualTo(SupportRequest.Outcome.REFUSED);
        assertThat(refused.reason()).contains("Important Influence Situations Act");
        authority.setLevel(new NewLevel("southwest-islands", "important-influence", null), setter);
        assertThat(authority.request(sar, usa).outcome()).isEqualTo(SupportRequest.Outcome.ALLOWED);

        KizunaUser jpn = setter;
        SupportRequest toUsa = authority.request(new NewSupportRequest("JPN", "USA", "supplies-services", "southwest-islands", day.toString(),
                day.toString(), "UNCLASSIFIED", "fuel"), jpn);
        assertThat(toUsa.outcome()).isEqualTo(SupportRequest.Outcome.PENDING_DECISION);
        assertThat(toUsa.reason()).contains("USA decides");
    }
}
