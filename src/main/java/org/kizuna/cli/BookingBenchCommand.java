package org.kizuna.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.kizuna.booking.bench.BookingBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench booking}: solves an ABB instance and prints the plan's figures beside first-come-first-served. */
@Command(name = "booking", description = "Solve an ABB booking instance; print one JSON object with the plan's figures, FCFS's, time and move rate.")
final class BookingBenchCommand extends Verb {

    @Option(names = "--instance", required = true, description = "ABB instance JSON.") Path instance;
    @Option(names = "--seconds", defaultValue = "60", description = "Time for the solver (default: ${DEFAULT-VALUE}).") long seconds;
    @Option(names = "--solution-out", description = "Write the plan as JSON: [{request, facility, start}] for every booked request.")
    @Nullable Path solutionOut;
    @Option(names = "--late-acceptance", defaultValue = ""
            + BookingBench.DEFAULT_LATE_ACCEPTANCE, description = "The solver's late-acceptance size (default: ${DEFAULT-VALUE}).") int lateAcceptance;
    @Option(names = "--change", description = "Then add one priority-5 request and re-plan; report the time and the share of bookings moved.") boolean change;

    @Override
    public Integer call() throws Exception {
        readable(instance);
        if (seconds < 1) throw refuse("--seconds must be at least 1");
        if (lateAcceptance < 1) throw refuse("--late-acceptance must be at least 1");
        BookingBench.Report report = BookingBench.run(new BookingBench.Settings(instance, seconds, solutionOut, change, lateAcceptance));
        print(report.json());
        if (report.violations().isEmpty()) return 0;
        err().println("hard violations: " + report.violations().subList(0, Math.min(10, report.violations().size())));
        return 1;
    }
}
