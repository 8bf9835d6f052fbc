package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CoT flags of {@code ./kizuna start} become the node's {@code kizuna.cot.*} settings; without them the node's defaults apply. */
class StartCommandCotFlagsTests {

    static java.util.Map<String, Object> properties(String... args) {
        StartCommand start = new StartCommand();
        new CommandLine(start).parseArgs(args);
        return start.properties(Path.of("/tmp/kizuna-flags"));
    }

    @Test
    void theCotFlagsSetThePlainPort() {
        var p = properties("--production", "--cot-plain", "--cot-plain-bind", "0.0.0.0", "--cot-plain-reader", "usa.ops");
        assertThat(p).containsEntry("kizuna.cot.plain-enabled", true).containsEntry("kizuna.cot.tcp-bind-address", "0.0.0.0")
                .containsEntry("kizuna.cot.plain-reader", "usa.ops").containsEntry("kizuna.mode", "production");
        assertThat(properties("--no-cot-plain")).containsEntry("kizuna.cot.plain-enabled", false);
        assertThat(properties()).doesNotContainKeys("kizuna.cot.plain-enabled", "kizuna.cot.tcp-bind-address", "kizuna.cot.plain-reader");
    }
}
