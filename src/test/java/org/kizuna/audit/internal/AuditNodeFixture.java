package org.kizuna.audit.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.kizuna.audit.AuditRecord;
import org.kizuna.cli.Kizuna;
import org.kizuna.label.Label;
import org.kizuna.node.NodeDatabase;

/** A node's data directory in a temp folder: the real H2 file database with the real migrations, and its audit log. */
final class AuditNodeFixture implements AutoCloseable {

    final Path dataDir;
    final JdbcConnectionPool pool;
    JdbcAuditLog log;

    AuditNodeFixture(Path dataDir, JdbcAuditLog.Settings settings) {
        this.dataDir = dataDir;
        String url = NodeDatabase.h2Url(dataDir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.log = open(settings);
    }

    AuditNodeFixture(Path dataDir) {
        this(dataDir, new JdbcAuditLog.Settings(64, Duration.ofMillis(20), Duration.ofMillis(50), 1024));
    }

    /** The log on this node's database; these tests read entries through the node's API only (see AuditTrailTests). */
    JdbcAuditLog open(JdbcAuditLog.Settings settings) {
        return open(pool, settings);
    }

    /** The log on this node's database reached through {@code dataSource} (one that fails on purpose, say). */
    JdbcAuditLog open(javax.sql.DataSource dataSource, JdbcAuditLog.Settings settings) {
        return JdbcAuditLog.open(dataSource, dataDir, settings);
    }

    /** Read decisions alternating between an UNCLASSIFIED denial and a SECRET release, so labels differ. */
    static AuditRecord record(int n) {
        Instant at = Instant.parse("2026-04-01T00:00:00Z").plusSeconds(n);
        return n % 3 == 0
                ? new AuditRecord(AuditRecord.Kind.READ_DECISION, "JPN/SECRET/jpn.officer", "intel/report/" + n, "deny", "", Label.UNCLASSIFIED, at)
                : new AuditRecord(AuditRecord.Kind.RELEASE, "usa.officer", "intel/report/" + n, "to GBR released [p1]", "withheld []",
                        Label.parse("SECRET//REL TO USA, GBR"), at);
    }

    /** Appends records {@code from..to-1}, flushing every {@code flushEvery}, so that several tree heads are signed. */
    void append(int from, int to, int flushEvery) {
        for (int n = from; n < to; n++) {
            log.append(record(n));
            if ((n + 1) % flushEvery == 0) {
                log.flush();
            }
        }
        log.flush();
    }

    /** Stops the node: the log writes what is queued and signs its last tree head; the database closes. */
    @Override
    public void close() {
        log.close();
        pool.dispose();
    }

    /** Restarts the log on the same database, as a node restart does. */
    void restart(JdbcAuditLog.Settings settings) {
        log.close();
        log = open(settings);
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(NodeDatabase.h2Url(dataDir), "sa", "");
    }

    /** Runs {@code kizuna audit verify} as the command line does; returns the exit code and what it printed. */
    static Result verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Kizuna.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 2];
        full[0] = "audit";
        full[1] = "verify";
        System.arraycopy(args, 0, full, 2, args.length);
        int code = cli.execute(full);
        return new Result(code, out.toString().strip(), err.toString().strip());
    }

    record Result(int exitCode, String out, String err) {
    }
}
