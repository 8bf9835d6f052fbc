package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line speaks the environment's language: {@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}
 * ({@code ja_JP.UTF-8} is Japanese, anything else English), for its own messages, the label module's reasons and
 * picocli's errors on bad input; bad input still exits 2 with a message.
 */
class CommandLineLanguageTests {

    private static final Map<String, String> JAPANESE = Map.of("LANG", "ja_JP.UTF-8");

    record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        CommandLine cli = Kizuna.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @Test
    void theLanguageComesFromLcAllThenLcMessagesThenLang() {
        assertThat(Kizuna.language(Map.of())).isEqualTo(Locale.ENGLISH);
        assertThat(Kizuna.language(JAPANESE)).isEqualTo(Locale.JAPANESE);
        assertThat(Kizuna.language(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "ja_JP.UTF-8"))).isEqualTo(Locale.JAPANESE);
        assertThat(Kizuna.language(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", "C"))).isEqualTo(Locale.ENGLISH);
        assertThat(Kizuna.language(Map.of("LANG", "ja_JP.UTF-8", "LC_ALL", ""))).isEqualTo(Locale.JAPANESE);
    }

    @Test
    void aBadNationIsRefusedInJapaneseUnderAJapaneseLang(@TempDir Path data) {
        Run ja = run(JAPANESE, "certs", "issue-client", "jpn-ops", "--nation", "jpn", "--data", data.toString(), "--out", data.resolve("o").toString());
        assertThat(ja.exit()).isEqualTo(2);
        assertThat(ja.err()).startsWith("--nation は USA や JPN のような大文字の ISO 3166 alpha-3 コードでなければなりません（'jpn' でした）");
        Run en = run(Map.of("LANG", "C.UTF-8"), "certs", "issue-client", "jpn-ops", "--nation", "jpn", "--data", data.toString(), "--out",
                data.resolve("o").toString());
        assertThat(en.exit()).isEqualTo(2);
        assertThat(en.err()).startsWith("--nation must be an ISO 3166 alpha-3 code in capitals, such as USA or JPN; got 'jpn'");
    }

    @Test
    void picocliErrorsOnBadInputAreInJapanese(@TempDir Path data) {
        Run missing = run(JAPANESE, "certs", "issue-client", "jpn-ops", "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("必須のオプションまたは引数がありません: ").contains("'--nation'").contains("'--out'");
        Run unknown = run(JAPANESE, "certs", "revoke", "jpn-ops", "--colour", "red");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("不明なオプションまたは引数です: --colour");
        Run revoke = run(JAPANESE, "certs", "revoke", "jpn-ops", "--data", data.toString());
        assertThat(revoke.exit()).isEqualTo(2);
        assertThat(revoke.err()).contains("にノードの CA がありません（--data でノードのデータディレクトリを指定してください）");
    }

    @Test
    void labelVerbsTellDecisionsAndInvalidMarkingsInJapanese() {
        Run deny = run(JAPANESE, "label", "decide", "--item", "SECRET//NOFORN", "--reader", "JPN/SECRET");
        assertThat(deny.exit()).isEqualTo(1);
        assertThat(deny.out()).startsWith("拒否: 規則2: JPN は項目の開示範囲");
        assertThat(run(JAPANESE, "label", "decide", "--item", "SECRET//REL TO USA, JPN", "--reader", "JPN/SECRET").out()).isEqualTo("許可");
        Run invalid = run(JAPANESE, "label", "rollup", "(S//REL TO USA, JAP)");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("無効: ").contains("不明な国コード 'JAP'");
        Run english = run(Map.of(), "label", "rollup", "(S//REL TO USA, JAP)");
        assertThat(english.err()).startsWith("invalid: unknown country code 'JAP'");
    }

    @Test
    void theDemosBannerIsInTheEnvironmentsLanguage() {
        java.util.List<DemoCommand.Listening> nodes = java.util.List.of(new DemoCommand.Listening("USA", "http://localhost:8080/", Path.of("/d/USA"), 9101),
                new DemoCommand.Listening("JPN", "http://localhost:8081/", Path.of("/d/JPN"), 9102));
        String ja = DemoCommand.banner(Kizuna.language(JAPANESE), nodes);
        assertThat(ja).startsWith("Kizuna デモ：2か国のノード。")
                .contains("  USA ノード: http://localhost:8080/   （データ /d/USA、連携 127.0.0.1:9101）")
                .contains("  JPN ノード: http://localhost:8081/   （データ /d/JPN、連携 127.0.0.1:9102）")
                .contains("どちらのノードでもログインできます（パスワード 'demo'）: usa.officer").contains("Ctrl-C で両方のノードを停止します。");
        String en = DemoCommand.banner(Kizuna.language(Map.of("LANG", "en_US.UTF-8")), nodes);
        assertThat(en).startsWith("Kizuna demo: two nations' nodes")
                .contains("  USA node: http://localhost:8080/   (data /d/USA, federation 127.0.0.1:9101)")
                .contains("Logins on either node (password 'demo'): usa.officer").contains("Stop both nodes with Ctrl-C.");
    }
}
