package org.kizuna.booking.plan;

/** One feasible place and time for a request: facility, grains [start, end), and its soft cost. */
public record Choice(int facility, int start, int end, int soft) {
}
