package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Cli.run;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli.Run;

/** The command line refuses bad options with a message and a non-zero exit, before anything starts. */
class StartCommandTests {

    @Test
    void aLowerCaseNationIsRefused() {
        Run r = run("start", "--nation", "usa");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--nation").contains("alpha-3");
    }

    @Test
    void aNonPostgresDatabaseUrlIsRefused() {
        Run r = run("start", "--db-url", "jdbc:mysql://localhost/kizuna");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("PostgreSQL JDBC URL");
    }

    @Test
    void anHttpsPortOutOfRangeIsRefused() {
        Run r = run("start", "--https-port", "70000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--https-port");
    }

    @Test
    void helpListsTheVerbs() {
        Run r = run("help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("start").contains("bench");
        Run startHelp = run("start", "--help");
        assertThat(startHelp.out()).contains("--nation").contains("--db-url").contains("--production").contains("--https-port");
    }
}
