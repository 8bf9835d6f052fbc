package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli;
import picocli.CommandLine;

/**
 * Every {@code ./kizuna ...} command the README and the docs show still works as written: its verb
 * answers {@code --help}, and a command written out in full (no {@code [optional]} or {@code <placeholder>}
 * parts) parses with the options it names.
 */
class DocumentedVerbsTests {

    /** Verbs the launcher script answers itself, before Java starts. */
    private static final Set<String> SCRIPT_VERBS = Set.of("jdk", "test", "build");

    /** A command as a doc shows it; {@code inCodeBlock}: in a fenced block, to be typed as it stands, rather than named in prose. */
    record Documented(String source, String command, boolean inCodeBlock) {
    }

    static List<Documented> documentedCommands() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Documented> found = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            for (int at = text.indexOf("./kizuna"); at >= 0; at = text.indexOf("./kizuna", at + 1)) {
                int end = at + "./kizuna".length();
                while (end < text.length() && "\n`|".indexOf(text.charAt(end)) < 0 && !text.startsWith(" #", end)) end++;
                boolean inCodeBlock = fences(text.substring(0, at)) % 2 == 1;
                found.add(new Documented(file.toString(), text.substring(at + "./kizuna".length(), end).strip(), inCodeBlock));
            }
        }
        return found;
    }

    private static int fences(String text) {
        int n = 0;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) n++;
        }
        return n;
    }

    /** The words of a command line as a shell splits them: single and double quotes keep spaces. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                if (word == null) word = new StringBuilder();
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        return words;
    }

    /** The verbs at the start of {@code words}, such as [bench, fusion]. */
    static List<String> verbPath(CommandLine kizuna, List<String> words) {
        List<String> path = new ArrayList<>();
        CommandLine at = kizuna;
        for (String w : words) {
            CommandLine sub = at.getSubcommands().get(w);
            if (sub == null) break;
            path.add(w);
            at = sub;
        }
        return path;
    }

    static boolean placeholders(List<String> words) {
        return words.stream().anyMatch(w -> w.contains("[") || w.contains("<") || w.contains("..."));
    }

    @Test
    void everyDocumentedVerbAnswersHelp() throws IOException {
        List<Documented> documented = documentedCommands();
        Set<List<String>> paths = new LinkedHashSet<>();
        CommandLine kizuna = Kizuna.commandLine();
        for (Documented d : documented) {
            List<String> words = words(d.command());
            if (!words.isEmpty() && (SCRIPT_VERBS.contains(words.get(0)) || words.get(0).startsWith("<"))) continue;
            List<String> path = verbPath(kizuna, words);
            assertThat(path.isEmpty() && !words.isEmpty() && !words.get(0).startsWith("-"))
                    .as("'./kizuna %s' in %s names a verb", d.command(), d.source()).isFalse();
            paths.add(path);
        }
        assertThat(paths).as("verbs the docs show").hasSizeGreaterThanOrEqualTo(15)
                .contains(List.of("start"), List.of("bench", "fusion"), List.of("bench", "fanout"), List.of("bench", "metrics"),
                        List.of("bench", "booking"), List.of("bench", "audit"), List.of("bench", "abuse"), List.of("sim", "ap"),
                        List.of("sim", "abb"), List.of("audit", "verify"), List.of("certs", "issue-client"), List.of("certs", "revoke"),
                        List.of("label", "decide"), List.of("label", "rollup"), List.of("label", "guard"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            if (!path.equals(List.of("help"))) args.add("--help");
            Cli.Run r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as("kizuna %s: %s", args, r.err()).isZero();
            String usage = path.equals(List.of("help")) ? "Usage: kizuna " : "Usage: kizuna " + String.join(" ", path);
            assertThat(r.out()).as("kizuna %s", args).startsWith(usage.strip());
        }
    }

    @Test
    void everyDocumentedCommandWrittenInFullParses() throws IOException {
        int parsed = 0;
        CommandLine kizuna = Kizuna.commandLine(); // parsing again resets every option to its default
        for (Documented d : documentedCommands()) {
            List<String> words = words(d.command());
            if (words.isEmpty() || SCRIPT_VERBS.contains(words.get(0)) || placeholders(words)) continue;
            try {
                kizuna.parseArgs(words.toArray(String[]::new));
                parsed++;
            } catch (CommandLine.MissingParameterException mentioned) {
                // prose may name a verb without the options it needs; a command to type may not
                assertThat(d.inCodeBlock()).as("'./kizuna %s' in %s: %s", d.command(), d.source(), mentioned.getMessage()).isFalse();
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("'./kizuna " + d.command() + "' in " + d.source() + ": " + e.getMessage(), e);
            }
        }
        assertThat(parsed).as("commands written in full").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aDocumentedOptionThatNoLongerExistsWouldBeCaught() {
        assertThatCode(() -> Kizuna.commandLine().parseArgs("bench", "fusion", "--detections", "d.csv", "--truth", "t.csv"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Kizuna.commandLine().parseArgs("bench", "fusion", "--detections", "d.csv", "--truth", "t.csv", "--no-such-option"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
