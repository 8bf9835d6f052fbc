package org.kizuna.node;

import java.nio.file.Path;

/** Where a node keeps its embedded database when no PostgreSQL is configured. */
public final class NodeDatabase {

    private NodeDatabase() {
    }

    /** The H2 file database of a node, in PostgreSQL mode so that one set of migrations serves both. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("kizuna").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0";
    }

    /** The embedded database's user; tools that open a node's files (such as {@code audit verify}) use it too. */
    public static String h2User() {
        return "sa";
    }
}
