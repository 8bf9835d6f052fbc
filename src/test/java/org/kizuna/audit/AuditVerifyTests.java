package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kizuna.KizunaApplication;
import org.kizuna.cli.Kizuna;
import org.kizuna.label.Label;
import org.kizuna.node.NodeDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** {@code ./kizuna audit verify} passes an intact log and names the first bad entry of a tampered one. */
class AuditVerifyTests {

    static Path node;
    /**
     * The index of the first of the test's records: a node's start may audit reads of its own (the reference data it
     * checks against the registry), so the test's entries and tree heads are counted from there.
     */
    static long base;

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void aNodeThatAuditedTwoHundredRecords() throws Exception {
        node = Files.createTempDirectory("kizuna-audit");
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        try (ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + NodeDatabase.h2Url(node), "--spring.datasource.username=sa",
                "--kizuna.data-dir=" + node, "--kizuna.mode=production", "--server.port=0")) {
            AuditLog log = ctx.getBean(AuditLog.class);
            log.flush();
            for (int i = 0; i < 200; i++) {
                AuditRecord r = new AuditRecord(AuditRecord.Kind.RELEASE, "USA/SECRET", "intel/report/" + i, "released to JPN", "",
                        i % 3 == 0 ? Label.parse("SECRET//REL TO USA, JPN") : Label.UNCLASSIFIED, Instant.ofEpochMilli(1_780_000_000_000L + i));
                if (i == 0) base = log.appendAndWait(r);
                else log.append(r);
                if (i % 50 == 49) log.flush();
            }
        }
    }

    static Path copyOfNode() throws Exception {
        Path copy = Files.createTempDirectory("kizuna-audit-copy");
        try (var files = Files.walk(node)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(node.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return copy;
    }

    static Run verify(Path dir) {
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int exit = cli.execute("audit", "verify", "--data", dir.toString());
        return new Run(exit, out.toString());
    }

    static void sql(Path dir, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(NodeDatabase.h2Url(dir), NodeDatabase.h2User(), "")) {
            assertThat(c.createStatement().executeUpdate(statement)).isPositive();
        }
    }

    /** Runs the statements on a copy of the node and verifies it: the verdict must be "tampered" (exit 1); returns what it printed. */
    static String tampered(String... statements) throws Exception {
        Path dir = copyOfNode();
        for (String statement : statements) {
            sql(dir, statement);
        }
        Run r = verify(dir);
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        return r.out();
    }

    @Test
    void anIntactLogVerifies() throws Exception {
        Run r = verify(copyOfNode());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("ok: " + (base + 200) + " entries");
    }

    @Test
    void anAlteredEntryIsNamed() throws Exception {
        String other = java.util.Base64.getEncoder().encodeToString(org.kizuna.audit.internal.RecordCodec.encode(base + 57,
                new AuditRecord(AuditRecord.Kind.RELEASE, "USA/SECRET", "intel/report/57", "withheld", "", Label.UNCLASSIFIED, Instant.EPOCH)));
        assertThat(tampered("update audit_entry set record = '" + other + "' where idx = " + (base + 57)))
                .contains("tampered: entry " + (base + 57) + ": altered");
    }

    @Test
    void anAlteredAndRehashedEntryIsCaughtByTheSignedTreeHead() throws Exception {
        byte[] forged = org.kizuna.audit.internal.RecordCodec.encode(base + 57,
                new AuditRecord(AuditRecord.Kind.RELEASE, "USA/SECRET", "intel/report/57", "withheld", "", Label.UNCLASSIFIED, Instant.EPOCH));
        String out = tampered("update audit_entry set record = '" + java.util.Base64.getEncoder().encodeToString(forged) + "', leaf_hash = '"
                + java.util.HexFormat.of().formatHex(org.kizuna.audit.internal.Merkle.leafHash(forged)) + "', label = 'UNCLASSIFIED' where idx = "
                + (base + 57));
        assertThat(out).contains("tampered: tree head at size " + (base + 100)).contains("root does not match");
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        assertThat(tampered("delete from audit_entry where idx = " + (base + 120))).contains("tampered: entry " + (base + 120) + ": missing");
    }

    @Test
    void reorderedEntriesAreNamed() throws Exception {
        long a = base + 10, b = base + 11;
        assertThat(tampered("update audit_entry set idx = -1 where idx = " + a, "update audit_entry set idx = " + a + " where idx = " + b,
                "update audit_entry set idx = " + b + " where idx = -1")).contains("tampered: entry " + a + ": out of order");
    }

    @Test
    void aForgedTreeHeadIsNamed() throws Exception {
        assertThat(tampered("update audit_tree_head set signed_at = signed_at + 1 where tree_size = " + (base + 150)))
                .contains("tampered: tree head at size " + (base + 150) + ": the signature does not verify");
    }

    @Test
    void aMissingDatabaseIsExitTwoWithAMessage() throws Exception {
        Run r = verify(Files.createTempDirectory("kizuna-empty"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("audit verify:");
    }
}
