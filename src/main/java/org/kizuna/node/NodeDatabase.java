package org.kizuna.node;

import java.nio.file.Path;

/** Where a node keeps its embedded database when no PostgreSQL is configured. */
public final class NodeDatabase {

    private NodeDatabase() {
    }

    /**
     * The H2 file database of a node, in PostgreSQL mode so that one set of migrations serves both. H2 does
     * not close it from its own shutdown hook: the node closes it last, after the audit log has written its
     * final records and signed tree head on the way out.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("kizuna").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The embedded database's user; tools that open a node's files (such as {@code audit verify}) use it too. */
    public static String h2User() {
        return "sa";
    }
}
