package org.kizuna.booking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.kizuna.booking.plan.Greedy;
import org.kizuna.booking.plan.Options;
import org.kizuna.booking.plan.Plan;
import org.kizuna.booking.plan.PlanSolver;
import org.kizuna.booking.plan.Problem;
import org.kizuna.booking.plan.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./kizuna bench booking}: solves an ABB instance and prints the plan's figures beside first-come-first-served. */
@Command(name = "booking", mixinStandardHelpOptions = true,
        description = "Solve an ABB booking instance; print one JSON object with the plan's figures, FCFS's, time and move rate.")
public final class BookingBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--instance", required = true, description = "ABB instance JSON.")
    Path instance;

    @Option(names = "--seconds", defaultValue = "60", description = "Time for the solver (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--solution-out", description = "Write the plan as JSON: [{request, facility, start}] for every booked request.")
    @Nullable Path solutionOut;

    @Option(names = "--change", description = "Then add one priority-5 request and re-plan; report the time and the share of bookings moved.")
    boolean change;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(instance)) throw new ParameterException(spec.commandLine(), "cannot read " + instance);
        if (seconds < 1) throw new ParameterException(spec.commandLine(), "--seconds must be at least 1");
        long t0 = System.nanoTime();
        Problem p = Problem.readAbb(instance);
        Options o = Options.of(p);
        Plan fcfs = Greedy.firstComeFirstServed(p, o);
        PlanSolver.Result result = PlanSolver.solve(p, o, Greedy.priorityFirst(p, o), Duration.ofSeconds(seconds));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Plan plan = result.plan();
        List<String> violations = Validator.violations(p, plan);
        Plan.Figures f = plan.figures(p);
        StringBuilder json = new StringBuilder();
        json.append("{\"instance\": \"").append(instance.getFileName()).append("\", \"hard_violations\": ").append(violations.size())
                .append(", \"validated\": ").append(violations.isEmpty() ? "true" : "false")
                .append(", \"validation\": \"independent check of every hard rule, not the solver's score\"")
                .append(", \"booked\": ").append(f.booked()).append(", \"unbooked\": ").append(f.unbooked())
                .append(", \"shortfall\": ").append(f.shortfall()).append(", \"soft_penalty\": ").append(f.softPenalty())
                .append(", \"fcfs\": ").append(fcfs.figures(p).json())
                .append(", \"fcfs_hard_violations\": ").append(Validator.violations(p, fcfs).size())
                .append(", \"seconds\": ").append(Math.round(elapsed * 10) / 10.0)
                .append(", \"moves_per_s\": ").append(result.movesPerSecond());
        if (change) {
            PlanSolver.Change c = PlanSolver.addUrgentRequest(p, o, plan);
            json.append(", \"change\": {\"replan_seconds\": ").append(c.seconds()).append(", \"new_request_booked\": ").append(c.booked())
                    .append(", \"moved\": ").append(c.moved()).append(", \"moved_share\": ").append(c.movedShare())
                    .append(", \"hard_violations\": ").append(c.violations()).append("}");
        }
        json.append("}");
        if (solutionOut != null) {
            StringBuilder s = new StringBuilder("[\n");
            for (int r = 0; r < plan.facility().length; r++) {
                if (!plan.booked(r)) continue;
                if (s.length() > 2) s.append(",\n");
                s.append("{\"request\": \"").append(p.requests().get(r).id()).append("\", \"facility\": \"")
                        .append(p.facilities().get(plan.facility()[r]).id()).append("\", \"start\": \"")
                        .append(p.horizon().instantOf(plan.start()[r])).append("\"}");
            }
            Files.writeString(solutionOut, s.append("\n]\n").toString());
        }
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
        if (!violations.isEmpty()) {
            spec.commandLine().getErr().println("hard violations: " + violations.subList(0, Math.min(10, violations.size())));
            return 1;
        }
        return 0;
    }
}
