package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./kizuna label ...} through the real command line: output and exit codes 0, 1 and 2. */
class LabelCommandTests {

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @Test
    void decideAllowsAReleasableItem() {
        Run r = run("label", "decide", "--item", "SECRET//REL TO USA, JPN", "--reader", "JPN/SECRET");
        assertThat(r).isEqualTo(new Run(0, "allow", ""));
    }

    @Test
    void decideDeniesNofornToAPartner() {
        Run r = run("label", "decide", "--item", "SECRET//NOFORN", "--reader", "JPN/SECRET");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("deny: rule 2").contains("NOFORN");
    }

    @Test
    void decideDeniesARelToListWithoutTheReader() {
        assertThat(run("label", "decide", "--item", "SECRET//REL TO USA, GBR", "--reader", "JPN/SECRET").exit()).isEqualTo(1);
        assertThat(run("label", "decide", "--item", "SECRET//REL TO USA, GBR", "--reader", "GBR/SECRET").exit()).isEqualTo(0);
    }

    @Test
    void decideExpandsFvey() {
        assertThat(run("label", "decide", "--item", "SECRET//REL TO USA, FVEY", "--reader", "AUS/SECRET").out()).isEqualTo("allow");
        assertThat(run("label", "decide", "--item", "SECRET//REL TO USA, FVEY", "--reader", "JPN/SECRET").exit()).isEqualTo(1);
    }

    @Test
    void decideDeniesMissingClearanceAndMissingAccesses() {
        Run low = run("label", "decide", "--item", "SECRET//REL TO USA, JPN", "--reader", "JPN/CONFIDENTIAL");
        assertThat(low.exit()).isEqualTo(1);
        assertThat(low.out()).contains("rule 1").contains("below SECRET");
        Run noSi = run("label", "decide", "--item", "TOP SECRET//SI//NOFORN", "--reader", "USA/TOP SECRET", "--accesses", "TK");
        assertThat(noSi.exit()).isEqualTo(1);
        assertThat(noSi.out()).contains("rule 3").contains("SI");
        assertThat(run("label", "decide", "--item", "TOP SECRET//SI//NOFORN", "--reader", "USA/TOP SECRET", "--accesses", "SI,TK").exit()).isEqualTo(0);
        assertThat(run("label", "decide", "--item", "SECRET//REL TO USA, JPN", "--reader", "USA/SECRET", "--node", "USA/CONFIDENTIAL").out())
                .contains("rule 5");
    }

    @Test
    void decideRejectsInvalidMarkingsAndReadersWithExitTwo() {
        for (String[] args : new String[][]{
                {"--item", "secret//rel to usa, jpn", "--reader", "JPN/SECRET"},
                {"--item", "SECRET//REL TO USA, JP", "--reader", "JPN/SECRET"},
                {"--item", "SECRET//REL TO USA, JPN,", "--reader", "JPN/SECRET"},
                {"--item", "SECRET//REL TO USA, JPN", "--reader", "JAP/SECRET"},
                {"--item", "SECRET//REL TO USA, JPN", "--reader", "JPN/GOKUHI"},
                {"--item", "SECRET//REL TO USA, JPN", "--reader", "JPN/SECRET", "--accesses", "SI,"},
        }) {
            String[] full = new String[args.length + 2];
            full[0] = "label";
            full[1] = "decide";
            System.arraycopy(args, 0, full, 2, args.length);
            Run r = run(full);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("invalid: ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("label", "decide", "--item", "SECRET").exit()).isEqualTo(2);
    }

    @Test
    void rollupPrintsTheBanner() {
        assertThat(run("label", "rollup", "(S//REL TO USA, JPN)", "(C//NF)")).isEqualTo(new Run(0, "SECRET//NOFORN", ""));
        assertThat(run("label", "rollup", "(S//REL TO USA, JPN)", "(C//REL TO USA, GBR, JPN)").out()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(run("label", "rollup", "(S//REL TO USA, JP)").exit()).isEqualTo(2);
        // a list narrowed to the owner alone says so; unmarked parts stay unmarked
        assertThat(run("label", "rollup", "(C//REL TO USA, GBR)", "(S//REL TO USA, JPN)")).isEqualTo(new Run(0, "SECRET//NOFORN", ""));
        assertThat(run("label", "rollup", "(S)", "(C//REL TO USA, JPN)")).isEqualTo(new Run(0, "SECRET//NOFORN", ""));
        assertThat(run("label", "rollup", "(S)", "(S)")).isEqualTo(new Run(0, "SECRET", ""));
    }

    @Test
    void guardPrintsWhichPortionsMayLeave() {
        Run r = run("label", "guard", "--item", "SECRET//NOFORN", "--portion", "(S//REL TO USA, JPN)", "--portion", "(C//NF)", "--to", "JPN");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("portion 1 (S//REL TO USA, JPN): release")
                .contains("portion 2 (C//NF): withhold (not releasable to JPN")
                .contains("released banner: SECRET//REL TO USA, JPN");
        Run all = run("label", "guard", "--item", "SECRET//REL TO USA, JPN", "--portion", "(S//REL TO USA, JPN)", "--portion", "(U)", "--to", "JPN");
        assertThat(all.exit()).isEqualTo(0);
        Run lying = run("label", "guard", "--item", "SECRET//REL TO USA, JPN", "--portion", "(S//REL TO USA, JPN)", "--portion", "(C//NF)", "--to", "JPN");
        assertThat(lying.out()).contains("differs from the roll-up").contains("nothing may leave for JPN");
    }

    @Test
    void convertsTo4774AndBack() throws Exception {
        Run xml = run("label", "to-4774", "SECRET//REL TO USA, JPN", "--owner", "JPN");
        assertThat(xml.exit()).isEqualTo(0);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("label", ".xml");
        try {
            java.nio.file.Files.writeString(file, xml.out());
            assertThat(run("label", "from-4774", file.toString()).out()).isEqualTo("SECRET//FGI JPN//REL TO USA, JPN");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
