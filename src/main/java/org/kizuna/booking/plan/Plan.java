package org.kizuna.booking.plan;

import java.util.Arrays;

/** A plan: for every request its facility and start grain, or -1 when it is not booked. */
public record Plan(int[] facility, int[] start) {

    public static Plan empty(int requests) {
        int[] f = new int[requests], s = new int[requests];
        Arrays.fill(f, -1);
        Arrays.fill(s, -1);
        return new Plan(f, s);
    }

    public boolean booked(int r) {
        return facility[r] >= 0;
    }

    public Plan copy() {
        return new Plan(facility.clone(), start.clone());
    }

    /** The figures of a plan: booked, unbooked, shortfall (sum of unbooked priorities), soft penalty in grains. */
    public record Figures(int booked, int unbooked, int shortfall, long softPenalty) {
        public String json() {
            return "{\"booked\": " + booked + ", \"unbooked\": " + unbooked + ", \"shortfall\": " + shortfall + ", \"soft_penalty\": " + softPenalty + "}";
        }
    }

    public Figures figures(Problem p) {
        int booked = 0, shortfall = 0;
        long soft = 0;
        for (int r = 0; r < facility.length; r++) {
            Problem.Request q = p.requests().get(r);
            if (booked(r)) {
                booked++;
                soft += Math.abs(start[r] - q.preferred());
                for (int g = start[r]; g < start[r] + q.duration(); g++) {
                    if (!Horizon.onDuty(p.horizon().instantOf(g).atZone(q.requesterZone()))) soft += Options.OFF_DUTY_WEIGHT;
                }
            } else {
                shortfall += q.priority();
            }
        }
        return new Figures(booked, facility.length - booked, shortfall, soft);
    }
}
