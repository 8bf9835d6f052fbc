package org.kizuna.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/** {@code --data}: the data directory of the node a verb runs or reads, {@code ./data/<nation>} unless given. */
final class NodeDataOption {

    @Option(names = "--data", description = "The node's data directory (default: ./data/<the node's nation>).")
    @Nullable Path data;

    /** The directory given, or {@code ./data/<nation>}; absolute. */
    Path dir(String nation) {
        return (data != null ? data : Path.of("data", nation)).toAbsolutePath().normalize();
    }
}
