package org.kizuna.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.kizuna.node.Messages;
import org.springframework.context.MessageSourceResolvable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ./kizuna} command line: runs a node, checks markings, runs benchmarks and administers a
 * node. Verbs that need no running node start no Spring context, so they answer in well under a second.
 * The launcher script runs this class (the jar's main class). Messages are in the language of the environment
 * ({@code LC_ALL}, then {@code LC_MESSAGES}, then {@code LANG}: Japanese for {@code ja_JP.UTF-8}, English otherwise),
 * from the node's catalogues ({@code cli.*}); the usage help written by picocli stays in English.
 */
@Command(name = "kizuna", versionProvider = Kizuna.Version.class, description = "Kizuna: alliance coordination platform. One node per nation; nodes federate through a guard.", subcommands = {
        StartCommand.class,
        DemoCommand.class,
        ClusterCommand.class,
        BenchCommand.class,
        AuditCommand.class,
        SimCommand.class,
        CertsCommand.class,
        LabelCommand.class,
})
public final class Kizuna extends VerbGroup {

    /** The language the verbs speak. */
    final Locale language;

    Kizuna(Locale language) {
        this.language = language;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || (!StartCommand.isServing() && !DemoCommand.isServing() && !ClusterCommand.isServing())) {
            System.exit(code);
        }
    }

    /** The command line with every verb, in the language of this process's environment, as tests drive it. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with every verb, in the language of the environment {@code env} ({@link #language(Map)}). */
    public static CommandLine commandLine(Map<String, String> env) {
        Locale language = language(env);
        CommandLine cli = new CommandLine(new Kizuna(language));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("kizuna: " + (ex instanceof MessageSourceResolvable r ? Messages.shared().text(r, language) : ex.getMessage()));
            return 2;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            PrintWriter err = line.getErr();
            err.println(line.getColorScheme().errorText(message(ex, language)).toString());
            if (!UnmatchedArgumentException.printSuggestions(ex, err)) line.usage(err, line.getColorScheme());
            err.flush();
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    /**
     * The language of the messages for an environment: the first of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG}
     * that is set and not empty decides; Japanese when it starts with {@code ja} ({@code ja_JP.UTF-8}), otherwise English.
     */
    public static Locale language(Map<String, String> env) {
        for (String name : new String[]{"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip().toLowerCase(Locale.ROOT).startsWith("ja") ? Locale.JAPANESE : Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** What was wrong with the command line, in {@code language}: a verb's own refusal as it is, picocli's own translated. */
    static String message(ParameterException ex, Locale language) {
        Messages texts = Messages.shared();
        if (ex instanceof Verb.Refusal || language.equals(Locale.ENGLISH)) return String.valueOf(ex.getMessage());
        if (ex instanceof MissingParameterException missing) {
            return texts.text("cli.parse.missing", language, String.join(", ", missing.getMissing().stream().map(Kizuna::name).toList()));
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return texts.text("cli.parse.unmatched", language, String.join(" ", unmatched.getUnmatched()));
        }
        return texts.text("cli.parse.invalid", language, String.valueOf(ex.getMessage()));
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) return "'" + o.longestName() + "'";
        if (arg instanceof PositionalParamSpec p) return "'" + p.paramLabel() + "'";
        return String.valueOf(arg);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Kizuna.class.getPackage().getImplementationVersion();
            return new String[]{"kizuna " + (v == null ? "development build" : v)};
        }
    }
}
