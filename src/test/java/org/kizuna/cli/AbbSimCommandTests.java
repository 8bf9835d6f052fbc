package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kizuna.booking.plan.Problem;
import picocli.CommandLine;

/** {@code ./kizuna sim abb} writes an instance the benchmark reads, and refuses a bad size without writing anything. */
class AbbSimCommandTests {

    @Test
    void writesAReadableInstanceAndRefusesABadSize() throws Exception {
        Path dir = Files.createTempDirectory("abb");
        Path file = dir.resolve("n500.json");
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute("sim", "abb", "--requests", "500", "--seed", "4", "--out", file.toString())).as(out.toString()).isZero();
        Problem p = Problem.readAbb(file);
        assertThat(p.requests()).hasSize(500);
        assertThat(p.facilities()).hasSize(6);

        Path bad = dir.resolve("none.json");
        StringWriter err = new StringWriter();
        cli = Kizuna.commandLine();
        cli.setOut(new PrintWriter(err));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("sim", "abb", "--requests", "0", "--out", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--requests must be between 1 and 200,000; got 0");
        assertThat(bad).doesNotExist();
    }
}
