package org.kizuna.booking;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A neighbour's complaint as a reader sees it: the facilities near where it happened, and the bookings at them at that
 * time that the reader may read ({@code links}), each with the rules the reported activity broke; whether each nearby
 * facility was reserved then (its shared occupancy, as {@code reserved} times show it to every reader of the facility);
 * and what was done about it.
 *
 * @param quietHours whether the complaint fell in the quiet hours (22:00-06:00 and Sundays) local to its first facility
 */
public record Complaint(String id, List<String> facilities, @Nullable Double latitude, @Nullable Double longitude, Instant occurredAt,
        Kind kind, String source, String description, Label label, String recordedBy, Instant recordedAt, boolean quietHours,
        List<Link> links, List<Occupancy> occupancy, @Nullable String action, @Nullable String actionBy, @Nullable Instant actionAt)
        implements Labelled {

    public Complaint {
        facilities = List.copyOf(facilities);
        links = List.copyOf(links);
        occupancy = List.copyOf(occupancy);
    }

    /** What the neighbours reported. */
    public enum Kind {
        NOISE,
        LOW_FLIGHT,
        NIGHT_ACTIVITY,
        INCIDENT,
        OTHER
    }

    /**
     * A booking at a nearby facility whose time (with half an hour either side) holds the complaint's.
     *
     * @param broken the rules the reported activity broke, in words: noisy activity in quiet hours, activity booked as
     *               quiet reported in quiet hours, US use of a II-4(b) facility outside its agreed periods, activity
     *               outside the booked time; empty where none
     */
    public record Link(String request, String unit, String facility, Instant start, Instant end, boolean noisy, List<String> broken) {

        public Link {
            broken = List.copyOf(broken);
        }
    }

    /** Whether a nearby facility's places were held by bookings when the complaint's activity happened, whoever held them. */
    public record Occupancy(String facility, boolean reserved) {
    }
}
