package org.kizuna.cli;

import java.util.regex.Pattern;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --nation}: the nation of the node a verb runs, an ISO 3166 alpha-3 code. */
final class NationOption {

    private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

    @Option(names = "--nation", defaultValue = "USA", description = "ISO 3166 alpha-3 code of the node's nation (default: ${DEFAULT-VALUE}).") String nation;

    /** The nation given, refused unless it is an alpha-3 code in capitals. */
    String code(CommandSpec spec) {
        return checked(spec, "--nation", nation);
    }

    /** {@code code}, the value of {@code option}, refused unless it is an ISO 3166 alpha-3 code in capitals. */
    static String checked(CommandSpec spec, String option, String code) {
        if (!ALPHA_3.matcher(code).matches()) {
            throw new Verb.Refusal(spec.commandLine(), Verb.text(spec, "cli.nation", option, code));
        }
        return code;
    }
}
