package org.kizuna.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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

    final PlatformTransactionManager transactions;

    AuthorityModuleTests(Authority authority, UserDirectory users, AuditLog audit, PlatformTransactionManager transactions) {
        this.authority = authority;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
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
        // appended once each setting committed (the listener runs after the commit, perhaps on another thread)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(levelRecords("japan"))
                .containsExactlyInAnyOrder("set gray-zone by jpn.officer at " + first + ": armed group landed on a remote island",
                        "set armed-attack by jpn.officer at " + second + ": cabinet decision"));
    }

    @Test
    void aSettingWhoseTransactionRollsBackLeavesNoAuditRecordAndACommittedOneExactlyOne() {
        KizunaUser setter = users.find("jpn.officer").orElseThrow();
        // the setting joins a transaction that then rolls back: as if its commit had failed
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            authority.setLevel(new NewLevel("surrounding-areas", "survival-threatening", "rolled back"), setter);
            status.setRollbackOnly();
        });
        assertThat(authority.history("surrounding-areas", Readers.jpn())).extracting(LevelSetting::note).doesNotContain("rolled back");
        authority.setLevel(new NewLevel("surrounding-areas", "gray-zone", "committed"), setter);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(levelRecords("surrounding-areas")).anyMatch(r -> r.endsWith(": committed")));
        // the committed setting's record arrived; the rolled-back one's never will (its event was never stored)
        assertThat(levelRecords("surrounding-areas")).filteredOn(r -> r.endsWith(": committed")).hasSize(1);
        assertThat(levelRecords("surrounding-areas")).noneMatch(r -> r.contains("survival-threatening") || r.endsWith(": rolled back"));
    }

    /** The audit records of level settings in a region, durable and signed: "set LEVEL by USER at INSTANT: NOTE". */
    private List<String> levelRecords(String region) {
        audit.flush();
        return audit.entries(0, 1000, Readers.usa()).stream().map(AuditEntry::record).filter(r -> r.subject().equals("authority/level/" + region))
                .map(r -> r.outcome() + " by " + r.actor() + " at " + r.at() + ": " + r.reason()).toList();
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
