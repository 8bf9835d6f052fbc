package org.kizuna.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kizuna.node.Messages;
import org.springframework.context.MessageSourceResolvable;
import picocli.CommandLine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A verb that does one thing and answers its exit code: 0 done, 2 for options it refuses (before
 * anything is done), other codes as the verb says. Every verb has {@code --help} and {@code --version}.
 */
@Command(mixinStandardHelpOptions = true)
abstract class Verb implements Callable<Integer> {

    @Spec CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Refuses the options given: the verb exits with 2 and {@code message} (already in the user's language). */
    ParameterException refuse(String message) {
        return new Refusal(spec.commandLine(), message);
    }

    /** Refuses the options given with the message {@code key} of the {@code cli} catalogue in the user's language. */
    ParameterException refuseWith(String key, Object... args) {
        return refuse(text(spec, key, args));
    }

    /** The message {@code key} with {@code args} in the user's language ({@link Kizuna#language}). */
    String t(String key, Object... args) {
        return text(spec, key, args);
    }

    /** The language the command line speaks: the environment's, as {@link Kizuna#commandLine(java.util.Map)} read it. */
    static Locale language(CommandSpec spec) {
        return spec.root().userObject() instanceof Kizuna k ? k.language : Locale.ENGLISH;
    }

    /** The message {@code key} with {@code args} in the command line's language. */
    static String text(CommandSpec spec, String key, Object... args) {
        return Messages.shared().text(key, language(spec), args);
    }

    /** A message (a marking's {@code InvalidMarkingException}, a reason) in the command line's language. */
    static String text(CommandSpec spec, MessageSourceResolvable message) {
        return Messages.shared().text(message, language(spec));
    }

    /** What an exception says, in the user's language where it is told by a message code. */
    String message(RuntimeException e) {
        return e instanceof MessageSourceResolvable r ? text(spec, r) : String.valueOf(e.getMessage());
    }

    /** A verb's own refusal of its options: its message is already in the user's language. */
    static final class Refusal extends ParameterException {

        private static final long serialVersionUID = 1L;

        Refusal(CommandLine line, String message) {
            super(line, message);
        }
    }

    /** Prints {@code report} as one line on standard output; answers exit code 0. */
    int print(Object report) {
        out().println(report);
        out().flush();
        return 0;
    }

    /** {@code file}, refused unless it can be read. */
    Path readable(Path file) {
        if (!Files.isReadable(file)) throw refuseWith("cli.cannot-read", file);
        return file;
    }
}
