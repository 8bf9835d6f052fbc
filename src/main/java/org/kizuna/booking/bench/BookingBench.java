package org.kizuna.booking.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.booking.plan.Greedy;
import org.kizuna.booking.plan.Options;
import org.kizuna.booking.plan.Plan;
import org.kizuna.booking.plan.PlanSolver;
import org.kizuna.booking.plan.Problem;
import org.kizuna.booking.plan.Validator;

/**
 * The booking benchmark behind {@code ./kizuna bench booking}: solves an ABB instance and answers the
 * plan's figures beside first-come-first-served's, the time and the move rate, as one JSON object.
 */
public final class BookingBench {

    /** The solver's late-acceptance size unless told otherwise (the node's default too). */
    public static final int DEFAULT_LATE_ACCEPTANCE = PlanSolver.DEFAULT_LATE_ACCEPTANCE;

    /**
     * The instance, the solver's time, where to write the plan too (or nowhere), whether to add one
     * priority-5 request afterwards and re-plan, and the solver's late-acceptance size.
     */
    public record Settings(Path instance, long seconds, @Nullable Path solutionOut, boolean change, int lateAcceptance) {
    }

    /** The figures as one JSON object, and the hard rules the plan breaks (none, unless the solver is wrong). */
    public record Report(String json, List<String> violations) {
    }

    private BookingBench() {
    }

    public static Report run(Settings s) throws IOException {
        long t0 = System.nanoTime();
        Problem p = Problem.readAbb(s.instance());
        Options o = Options.of(p);
        Plan fcfs = Greedy.firstComeFirstServed(p, o);
        PlanSolver.Result result = PlanSolver.solve(p, o, Greedy.priorityFirst(p, o), Duration.ofSeconds(s.seconds()), s.lateAcceptance());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Plan plan = result.plan();
        List<String> violations = Validator.violations(p, plan);
        Plan.Figures f = plan.figures(p);
        StringBuilder json = new StringBuilder();
        json.append("{\"instance\": \"").append(s.instance().getFileName()).append("\", \"hard_violations\": ").append(violations.size())
                .append(", \"validated\": ").append(violations.isEmpty() ? "true" : "false")
                .append(", \"validation\": \"independent check of every hard rule, not the solver's score\"")
                .append(", \"booked\": ").append(f.booked()).append(", \"unbooked\": ").append(f.unbooked())
                .append(", \"shortfall\": ").append(f.shortfall()).append(", \"soft_penalty\": ").append(f.softPenalty())
                .append(", \"fcfs\": ").append(fcfs.figures(p).json())
                .append(", \"fcfs_hard_violations\": ").append(Validator.violations(p, fcfs).size())
                .append(", \"seconds\": ").append(Math.round(elapsed * 10) / 10.0)
                .append(", \"moves_per_s\": ").append(result.movesPerSecond());
        if (s.change()) {
            PlanSolver.Change c = PlanSolver.addUrgentRequest(p, o, plan);
            json.append(", \"change\": {\"replan_seconds\": ").append(c.seconds()).append(", \"new_request_booked\": ").append(c.booked())
                    .append(", \"moved\": ").append(c.moved()).append(", \"moved_share\": ").append(c.movedShare())
                    .append(", \"hard_violations\": ").append(c.violations()).append("}");
        }
        json.append("}");
        if (s.solutionOut() != null) writeSolution(p, plan, s.solutionOut());
        return new Report(json.toString(), violations);
    }

    /** The plan as JSON: [{request, facility, start}] for every booked request. */
    private static void writeSolution(Problem p, Plan plan, Path file) throws IOException {
        StringBuilder s = new StringBuilder("[\n");
        for (int r = 0; r < plan.facility().length; r++) {
            if (!plan.booked(r)) continue;
            if (s.length() > 2) s.append(",\n");
            s.append("{\"request\": \"").append(p.requests().get(r).id()).append("\", \"facility\": \"")
                    .append(p.facilities().get(plan.facility()[r]).id()).append("\", \"start\": \"")
                    .append(p.horizon().instantOf(plan.start()[r])).append("\"}");
        }
        Files.writeString(file, s.append("\n]\n").toString());
    }
}
