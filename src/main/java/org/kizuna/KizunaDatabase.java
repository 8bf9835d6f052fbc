package org.kizuna;

import java.nio.file.Path;

/** Where a node keeps its embedded database when no PostgreSQL is configured. */
public final class KizunaDatabase {

    private KizunaDatabase() {
    }

    /** The H2 file database of a node, in PostgreSQL mode so that one set of migrations serves both. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("kizuna").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
    }
}
