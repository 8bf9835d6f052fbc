package org.kizuna.node;

import java.nio.file.Path;

/** Where a node keeps its embedded database when no PostgreSQL is configured. */
public final class NodeDatabase {

    private NodeDatabase() {
    }

    /**
     * The H2 file database of a node, in PostgreSQL mode so that one set of migrations serves both. Every
     * commit is written to the file before it returns ({@code WRITE_DELAY=0}), so an acknowledged write
     * survives {@code kill -9}; the database is closed by the node when its connection pool closes, after
     * the audit log has written its last entries, not by H2's own shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}).
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("kizuna").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The embedded database's user; tools that open a node's files (such as {@code audit verify}) use it too. */
    public static String h2User() {
        return "sa";
    }
}
