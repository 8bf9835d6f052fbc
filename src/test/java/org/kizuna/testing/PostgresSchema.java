package org.kizuna.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own on the local PostgreSQL ({@link PostgresAvailable}) for one test, made by {@link #create} and dropped
 * with everything in it by {@link #close}.
 *
 * @param name the schema's name
 * @param url  a JDBC URL whose connections work in the schema
 */
public record PostgresSchema(String name, String url) implements AutoCloseable {

    /** A new, empty schema named {@code prefix} and a random suffix. */
    public static PostgresSchema create(String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, "")) {
            c.createStatement().execute("create schema " + name);
        }
        return new PostgresSchema(name, PostgresAvailable.URL + "?currentSchema=" + name);
    }

    /** This schema with the node's tables, as a node's start makes them. */
    public PostgresSchema migrated() {
        Flyway.configure().dataSource(url, PostgresAvailable.USER, "").schemas(name).locations("classpath:db/migration").load().migrate();
        return this;
    }

    /** Connections to the schema. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(PostgresAvailable.USER);
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, "")) {
            c.createStatement().execute("drop schema " + name + " cascade");
        }
    }
}
