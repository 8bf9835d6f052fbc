package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.audit.AuditUnavailableException;

/**
 * The writer on a real H2 file database reached through a data source that fails on purpose: it survives
 * an Error in a batch write and loses nothing; while the database refuses writes, appends and flushes are
 * refused after a bounded time instead of hanging, and everything accepted is written once it recovers.
 * (The timeouts only stop a hung run; nothing here measures time.)
 */
class AuditWriterFailureTests {

    @TempDir Path dir;

    /** The node's database, except that it throws an Error on the next connections or refuses every write while told to. */
    static final class FailingDataSource implements DataSource {
        private final DataSource database;
        final AtomicInteger errors = new AtomicInteger();
        volatile boolean refuse;

        FailingDataSource(DataSource database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (errors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StackOverflowError("simulated: an Error inside the batch write");
            }
            if (refuse) {
                throw new SQLException("simulated: the database refuses writes");
            }
            return database.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    static final JdbcAuditLog.Settings SETTINGS = new JdbcAuditLog.Settings(64, Duration.ofMillis(20), Duration.ofMillis(50), 1024,
            Duration.ofMillis(500));

    static long stored(AuditNodeFixture node) throws SQLException {
        try (Connection c = node.sql(); var rs = c.createStatement().executeQuery("select count(*), max(idx) from audit_entry")) {
            rs.next();
            assertThat(rs.getLong(2)).as("no gaps").isEqualTo(rs.getLong(1) - 1);
            return rs.getLong(1);
        }
    }

    /** Appends the next record: nothing when the log accepted it (counted in {@code accepted}), the refusal when it did not. */
    static Optional<AuditUnavailableException> appendOrRefusal(AuditNodeFixture node, AtomicLong accepted) {
        try {
            node.log.append(AuditNodeFixture.record((int) accepted.get()));
            accepted.incrementAndGet();
            return Optional.empty();
        } catch (AuditUnavailableException e) {
            return Optional.of(e);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theWriterSurvivesAnErrorInABatchWriteAndLosesNothing() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.log.close();
            FailingDataSource db = new FailingDataSource(node.pool);
            node.log = node.open(db, SETTINGS);
            for (int n = 0; n < 100; n++) {
                node.log.append(AuditNodeFixture.record(n));
            }
            node.log.flush();
            db.errors.set(1);
            for (int n = 100; n < 300; n++) {
                node.log.append(AuditNodeFixture.record(n));
            }
            node.log.flush();
            assertThat(db.errors.get()).as("the Error was thrown").isZero();
            db.errors.set(2);
            node.log.append(AuditNodeFixture.record(300));
            node.log.flush();
            assertThat(node.log.latestTreeHead().orElseThrow().size()).isEqualTo(301);
            assertThat(stored(node)).isEqualTo(301);
        }
        var verified = AuditNodeFixture.verify("--data", dir.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void whileTheDatabaseRefusesWritesAppendsAreRefusedInsteadOfHangingAndNothingAcceptedIsLost() throws Exception {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.log.close();
            FailingDataSource db = new FailingDataSource(node.pool);
            node.log = node.open(db, SETTINGS);
            node.append(0, 50, 1000);
            db.refuse = true;
            AtomicLong accepted = new AtomicLong(50);
            // appends go on, one a millisecond, until the log has seen the database refuse writes for its bounded time
            AuditUnavailableException refused = await("appends are refused while the database refuses writes").atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> appendOrRefusal(node, accepted), Optional::isPresent).orElseThrow();
            assertThat(refused.getMessage()).isEqualTo("the audit log cannot record reads right now; labelled reads are refused until it can");
            assertThat(accepted.get()).isGreaterThan(50);
            assertThatThrownBy(node.log::flush).isInstanceOf(AuditUnavailableException.class);
            db.refuse = false;
            await("appends are accepted again once the database takes writes").atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> appendOrRefusal(node, accepted), Optional::isEmpty);
            node.log.flush();
            assertThat(node.log.latestTreeHead().orElseThrow().size()).isEqualTo(accepted.get());
            assertThat(stored(node)).isEqualTo(accepted.get());
        }
        var verified = AuditNodeFixture.verify("--data", dir.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void whenTheRingIsFullAndTheDatabaseRefusesWritesAnAppendIsRefusedAfterABoundedWait() throws Exception {
        JdbcAuditLog.Settings small = new JdbcAuditLog.Settings(8, Duration.ofMillis(20), Duration.ofMillis(50), 16, Duration.ofMillis(500));
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.log.close();
            FailingDataSource db = new FailingDataSource(node.pool);
            node.log = node.open(db, small);
            db.refuse = true;
            long accepted = 0;
            AuditUnavailableException refused = null;
            while (refused == null && accepted < 1000) {
                try {
                    node.log.append(AuditNodeFixture.record((int) accepted));
                    accepted++;
                } catch (AuditUnavailableException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            assertThat(accepted).isBetween(1L, 32L);
            db.refuse = false;
            await("a flush succeeds once the database takes writes").atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .ignoreException(AuditUnavailableException.class)
                    .untilAsserted(node.log::flush);
            assertThat(node.log.latestTreeHead().orElseThrow().size()).isEqualTo(accepted);
            assertThat(stored(node)).isEqualTo(accepted);
        }
    }
}
