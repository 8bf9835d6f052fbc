package org.kizuna.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDirectory;

import picocli.CommandLine.Option;

/** {@code --data} of a benchmark that makes a node database of its own: a temporary directory unless given, kept if given. */
final class ScratchDataOption {

    @Option(names = "--data", description = "Keep the node's data directory here, to look at or verify afterwards (default: a temporary one, deleted at the end).")
    @Nullable Path data;

    /** The directory given, absolute, or null when the run makes a temporary one. */
    @Nullable
    Path kept() {
        return data == null ? null : data.toAbsolutePath().normalize();
    }

    /** The directory given, created if missing, or a new temporary one named {@code prefix...}, deleted when the workspace closes. */
    Workspace open(String prefix) throws IOException {
        Path kept = kept();
        return kept != null ? new Workspace(Files.createDirectories(kept), false) : new Workspace(Files.createTempDirectory(prefix), true);
    }

    /** A run's data directory. */
    record Workspace(Path dir, boolean temporary) implements AutoCloseable {

        /** Deletes a temporary directory; a node's journal still flushing as the node stops may write once more, so it tries again. */
        @Override
        public void close() throws InterruptedException {
            for (int attempt = 0; temporary && attempt < 5 && Files.exists(dir); attempt++) {
                if (attempt > 0) Thread.sleep(500);
                NodeDirectory.delete(dir);
            }
        }
    }
}
