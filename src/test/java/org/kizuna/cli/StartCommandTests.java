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
    void anUnknownPictureRoleOrABrokerListThatIsNotHostsAndPortsIsRefused() {
        Run role = run("start", "--picture-bus", "127.0.0.1:9092", "--picture-role", "fuser");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("--picture-role must be replica or worker; got fuser");
        Run bus = run("start", "--picture-bus", "127.0.0.1");
        assertThat(bus.exit()).isEqualTo(2);
        assertThat(bus.err()).contains("--picture-bus must be brokers as host:port");
    }

    @Test
    void helpListsTheVerbs() {
        Run r = run("help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("start").contains("bench").contains("cluster");
        Run startHelp = run("start", "--help");
        assertThat(startHelp.out()).contains("--nation").contains("--db-url").contains("--production").contains("--https-port");
    }
}
