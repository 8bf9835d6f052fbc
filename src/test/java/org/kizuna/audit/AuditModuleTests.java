package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Readers.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.LoginLockedOut;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.testing.ModuleOnH2;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The audit module, started with only the modules it uses (label, identity, node) on a real H2 database and
 * a data directory of its own: what happens elsewhere on the node (a reader's query on the read path, a
 * login lockout in identity) becomes a signed audit record, readable only by auditors who could read what
 * it names.
 */
// the log reaches the label module's read path through an ObjectProvider, which Modulith does not count as a
// dependency: it is included by name; ModularityTests verifies the modules
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"label", "node"}, verifyAutomatically = false)
@ModuleOnH2
class AuditModuleTests {

    record Report(String id, Label label) implements Labelled {
    }

    final AuditLog log;
    final ReadPath readPath;

    AuditModuleTests(AuditLog log, ReadPath readPath) {
        this.log = log;
        this.readPath = readPath;
    }

    /** The durable records about {@code subject} that {@code auditor} may read. */
    List<AuditRecord> records(Reader auditor, String subject) {
        log.flush();
        return log.entries(0, 1000, auditor).stream().map(AuditEntry::record).filter(r -> r.subject().equals(subject)).toList();
    }

    @Test
    void aReadersQueryBecomesOneRecordOfWhatTheReaderWasGiven(Scenario scenario) {
        List<Report> reports = List.of(
                new Report("spec/report/shared", Label.parse("SECRET//REL TO USA, JPN")),
                new Report("spec/report/us-only", Label.parse("SECRET//NOFORN")));

        scenario.stimulate(() -> readPath.readable(reports, jpn(), Report::id, "spec/reports"))
                .andWaitForStateChange(() -> records(usa(TOP_SECRET), "spec/reports"), found -> !found.isEmpty())
                .andVerify((found, given) -> {
                    assertThat(given).extracting(Report::id).containsExactly("spec/report/shared");
                    assertThat(found).hasSize(1);
                    AuditRecord read = found.getFirst();
                    assertThat(read.kind()).isEqualTo(AuditRecord.Kind.READ);
                    assertThat(read.actor()).isEqualTo("JPN/SECRET");
                    assertThat(read.outcome()).isEqualTo("returned 1");
                    assertThat(read.reason()).contains("spec/report/shared").doesNotContain("us-only");
                });

        // who read what is for the auditors who could read what the reader could: the node's and the reader's nation
        assertThat(records(jpn(), "spec/reports")).hasSize(1);
        assertThat(records(kor(TOP_SECRET), "spec/reports")).isEmpty();
    }

    @Test
    void aLoginLockoutBecomesARecordForTheNodesOwnAuditorsOnly(Scenario scenario) {
        Instant at = Instant.parse("2026-05-01T09:00:00Z");
        LoginLockedOut lockout = new LoginLockedOut(LoginLockedOut.Scope.USER, "spec.guessed", 5, Duration.ofMinutes(5),
                at.plus(Duration.ofMinutes(15)), at);

        scenario.publish(lockout)
                .andWaitForStateChange(() -> records(usa(TOP_SECRET), "login").stream().filter(r -> r.actor().equals("user spec.guessed")).toList(),
                        found -> !found.isEmpty())
                .andVerify(found -> {
                    assertThat(found).hasSize(1);
                    AuditRecord record = found.getFirst();
                    assertThat(record.kind()).isEqualTo(AuditRecord.Kind.AUTHENTICATION);
                    assertThat(record.outcome()).isEqualTo("locked until 2026-05-01T09:15:00Z");
                    assertThat(record.reason()).isEqualTo("5 failed logins within PT5M");
                    assertThat(record.at()).isEqualTo(at);
                });

        // who is being guessed at is the node's business, not its partners'
        assertThat(records(jpn(TOP_SECRET), "login")).noneMatch(r -> r.actor().equals("user spec.guessed"));
    }
}
