package org.kizuna.picture.internal.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kizuna.testing.PostgresAvailable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@ExtendWith(PostgresAvailable.class)
class TrackJournalOnPostgresTests extends TrackJournalContract {

    private String schema;

    @Override
    DataSource database() throws Exception {
        schema = "kizuna_journal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, "")) {
            c.createStatement().execute("create schema " + schema);
        }
        return new DriverManagerDataSource(PostgresAvailable.URL + "?currentSchema=" + schema, PostgresAvailable.USER, "");
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, "")) {
            c.createStatement().execute("drop schema " + schema + " cascade");
        }
    }
}
