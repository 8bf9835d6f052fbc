package org.kizuna.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDatabase;

import picocli.CommandLine.Option;

/** {@code --db-url}, {@code --db-user}, {@code --db-password}: the node's PostgreSQL database, instead of the embedded H2 one. */
final class DatabaseOptions {

    @Option(names = "--db-url", description = "JDBC URL of the node's PostgreSQL database; without it, the embedded H2 database under --data is used.")
    @Nullable String url;
    @Option(names = "--db-user", description = "Database user.")
    @Nullable String user;
    @Option(names = "--db-password", description = "Database password.")
    @Nullable String password;

    /** How a database is reached; the embedded one has no password. */
    record Jdbc(String url, String user, @Nullable String password) {

        /** The node's embedded H2 database at {@code url}. */
        static Jdbc embedded(String url) {
            return new Jdbc(url, NodeDatabase.h2User(), null);
        }

        /** As the node's {@code spring.datasource.*} settings. */
        Map<String, Object> springProperties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", user);
            if (password != null) p.put("spring.datasource.password", password);
            return p;
        }
    }

    /** Whether a database was given with {@code --db-url}. */
    boolean given() {
        return url != null;
    }

    /** Whether the database given is a PostgreSQL one. */
    boolean postgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** The database given, or the embedded one at {@code embeddedUrl}. */
    Jdbc jdbc(String embeddedUrl) {
        return url != null ? new Jdbc(url, user != null ? user : "", password) : Jdbc.embedded(embeddedUrl);
    }
}
