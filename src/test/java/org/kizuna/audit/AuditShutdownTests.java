package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.cli.Kizuna;
import org.kizuna.testing.Api;
import org.kizuna.testing.NodeProcess;

/**
 * A node process stopped with SIGTERM writes its last audit records and signs its last tree head on the
 * way out, before its embedded database closes: {@code audit verify} passes without
 * {@code --allow-unsigned-tail}. (The deadlines only stop a broken run; nothing here measures time.)
 */
class AuditShutdownTests {

    @TempDir Path work;

    @Test
    void aNodeStoppedWithSigtermLeavesALogThatVerifiesWithoutAnUnsignedTail() throws Exception {
        Path data = work.resolve("data");
        try (NodeProcess node = NodeProcess.start(data)) {
            for (int i = 0; i < 30; i++) {
                assertThat(Api.on(node.port()).as("jpn.officer", "demo").get("/api/v1/registry/facilities").status()).isEqualTo(200);
            }
            node.terminate(); // SIGTERM
            assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as("the node stopped; it said:%n%s", node.output()).isTrue();
        }
        StringWriter printed = new StringWriter();
        var cli = Kizuna.commandLine();
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        int exit = cli.execute("audit", "verify", "--data", data.toString());
        assertThat(exit).as(printed.toString()).isZero();
        assertThat(printed.toString()).startsWith("ok: ");
        long entries = Long.parseLong(printed.toString().substring(4, printed.toString().indexOf(' ', 4)));
        assertThat(entries).as("the 30 reads are all in the log").isGreaterThanOrEqualTo(30);
    }
}
