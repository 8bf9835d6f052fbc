package org.kizuna.testing;

import java.nio.file.Path;

import org.kizuna.node.NodeDirectory;

/** Deletes the directories tests make, so that a test run leaves nothing behind. */
public final class TempDirs {

    private TempDirs() {
    }

    /** Deletes {@code dir} and everything under it; what cannot be deleted is left. */
    public static void delete(Path dir) {
        if (dir != null) NodeDirectory.delete(dir);
    }
}
