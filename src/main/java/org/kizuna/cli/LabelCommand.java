package org.kizuna.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Adatp4774;
import org.kizuna.label.Decision;
import org.kizuna.label.GuardResult;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Portion;
import org.kizuna.label.Reader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./kizuna label}: checks markings without a running node. {@code decide} exits 0 for allow, 1 for
 * deny and 2 for an invalid marking or reader; every verb prints what was wrong on stderr.
 */
@Command(name = "label", description = "Check markings: read decisions, banner roll-up, the outbound guard, ADatP-4774 XML.", subcommands = {
        LabelCommand.Decide.class,
        LabelCommand.RollUp.class,
        LabelCommand.Guard.class,
        LabelCommand.To4774.class,
        LabelCommand.From4774.class,
})
final class LabelCommand extends VerbGroup {

    static final int ALLOW = 0;
    static final int DENY = 1;
    static final int INVALID = 2;

    static int invalid(CommandLine.Model.CommandSpec spec, RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Verb.text(spec, "cli.label.invalid", e instanceof InvalidMarkingException m ? m.reason() : String.valueOf(e.getMessage())));
        err.flush();
        return INVALID;
    }

    /** What a verb prints for valid input; it throws {@link InvalidMarkingException} for invalid input before printing. */
    @FunctionalInterface
    interface Answer {
        void printTo(PrintWriter out);
    }

    /** Prints a verb's answer and exits 0, or says on stderr what was invalid and exits 2. */
    static int answer(CommandLine.Model.CommandSpec spec, Answer answer) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            answer.printTo(out);
        } catch (InvalidMarkingException e) {
            return invalid(spec, e);
        }
        out.flush();
        return 0;
    }

    static Set<String> list(@Nullable String csv) {
        Set<String> out = new LinkedHashSet<>();
        if (csv == null || csv.isEmpty()) return out;
        for (String s : csv.split(",", -1)) {
            if (s.isEmpty()) {
                throw InvalidMarkingException.of("cli.label.empty-entry", csv);
            }
            out.add(s);
        }
        return out;
    }

    @Command(name = "decide", description = "Prints 'allow' (exit 0) or 'deny: <reason>' (exit 1) for a reader and an item; exit 2 for an invalid marking or reader.")
    static final class Decide extends Verb {
        @Option(names = "--item", required = true, description = "The item's banner or portion mark, e.g. 'SECRET//REL TO USA, JPN'.") String item;
        @Option(names = "--reader", required = true, description = "NATION/LEVEL in that nation's policy, e.g. JPN/SECRET.") String reader;
        @Option(names = "--accesses", description = "Restrictive controls and permissive values the reader holds, comma-separated, e.g. SI,TK.") String accesses;
        @Option(names = "--communities", description = "Communities the reader has need-to-know for, comma-separated.") String communities;
        @Option(names = "--node", description = "Decide on a node: NATION/MAX-LEVEL it is accredited to, e.g. USA/SECRET (rule 5).") String node;

        @Override
        public Integer call() {
            Label label;
            Reader r;
            LabelKernel kernel = LabelKernel.standard();
            try {
                label = Label.parse(item);
                Reader base = Reader.parse(reader);
                r = new Reader(base.nation(), base.level(), list(accesses), list(communities));
                if (node != null) {
                    Reader n = Reader.parse(node);
                    kernel = kernel.forNode(n.nation(), n.level());
                }
            } catch (InvalidMarkingException e) {
                return invalid(spec, e);
            }
            Decision d = kernel.decide(label, r);
            PrintWriter out = spec.commandLine().getOut();
            out.println(d.allowed() ? t("cli.label.allow") : t("cli.label.deny", d.why()));
            out.flush();
            return d.allowed() ? ALLOW : DENY;
        }
    }

    @Command(name = "rollup", description = "Prints the banner rolled up from portion marks (or banners).")
    static final class RollUp extends Verb {
        @Parameters(arity = "1..*", paramLabel = "MARKING", description = "Portion marks such as '(S//REL TO USA, JPN)' '(C//NF)'.") List<String> markings;

        @Override
        public Integer call() {
            return answer(spec, out -> {
                List<Label> parts = new ArrayList<>();
                for (String m : markings) parts.add(Label.parse(m));
                out.println(LabelKernel.standard().rollUp(parts).banner());
            });
        }
    }

    @Command(name = "guard", description = "Prints which portions may leave on the link to a nation. Exit 0 when all may leave, 1 when some or all are withheld, 2 for invalid input.")
    static final class Guard extends Verb {
        @Option(names = "--item", required = true, description = "The item's declared banner.") String item;
        @Option(names = "--portion", required = true, description = "A portion mark, in order; repeat for each portion.") List<String> portions;
        @Option(names = "--to", required = true, description = "The partner nation of the link, e.g. JPN.") String to;
        @Option(names = "--link-max", description = "The link's accredited maximum level in the partner's policy (default: its highest).") String linkMax;

        @Override
        public Integer call() {
            GuardResult result;
            try {
                Label banner = Label.parse(item);
                List<Portion> ps = new ArrayList<>();
                for (int i = 0; i < portions.size(); i++) {
                    ps.add(new Portion(String.valueOf(i + 1), Label.parse(portions.get(i))));
                }
                LabelKernel k = LabelKernel.standard();
                result = linkMax == null ? k.guard(banner, ps, to) : k.guard(banner, ps, to, linkMax);
            } catch (InvalidMarkingException e) {
                return invalid(spec, e);
            }
            PrintWriter out = spec.commandLine().getOut();
            int w = 0;
            for (int i = 0; i < portions.size(); i++) {
                String id = String.valueOf(i + 1);
                if (w < result.withheld().size() && result.withheld().get(w).portionId().equals(id)) {
                    out.println(t("cli.label.withhold", id, portions.get(i), result.withheld().get(w).why()));
                    w++;
                } else {
                    out.println(t("cli.label.release", id, portions.get(i)));
                }
            }
            if (!result.nothingReleased()) {
                out.println(t("cli.label.released-banner", LabelKernel.standard().rollUp(result.released().stream().map(Portion::label).toList()).banner()));
            } else {
                out.println(t("cli.label.nothing", to));
            }
            out.flush();
            return result.allReleased() ? 0 : 1;
        }
    }

    @Command(name = "to-4774", description = "Prints the ADatP-4774 originator confidentiality label XML of a marking.")
    static final class To4774 extends Verb {
        @Parameters(index = "0", paramLabel = "MARKING") String marking;
        @Option(names = "--owner", description = "The originating nation when it is not the policy's own (e.g. JPN for JPN information in US syntax).") String owner;

        @Override
        public Integer call() {
            return answer(spec, out -> {
                Label l = Label.parse(marking);
                out.print(Adatp4774.toXml(owner == null ? l : l.withOwner(owner)));
            });
        }
    }

    @Command(name = "from-4774", description = "Reads ADatP-4774 XML from a file ('-' for standard input) and prints its banner.")
    static final class From4774 extends Verb {
        @Parameters(index = "0", paramLabel = "FILE") String file;

        @Override
        public Integer call() {
            return answer(spec, out -> out.println(Adatp4774.fromXml(new String(xml(), StandardCharsets.UTF_8)).banner()));
        }

        private byte[] xml() {
            try {
                return file.equals("-") ? System.in.readNBytes(Adatp4774.MAX_BYTES + 1) : readLimited(Path.of(file));
            } catch (IOException e) {
                throw InvalidMarkingException.of("cli.label.cannot-read", file, String.valueOf(e.getMessage()));
            }
        }

        private static byte[] readLimited(Path p) throws IOException {
            if (Files.size(p) > Adatp4774.MAX_BYTES) {
                throw InvalidMarkingException.of("cli.label.too-large", p.toString(), String.valueOf(Adatp4774.MAX_BYTES));
            }
            return Files.readAllBytes(p);
        }
    }
}
