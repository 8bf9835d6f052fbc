package org.kizuna.exercises;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Candidate times for a planning conference of an exercise: slots in which every participant is within working hours
 * in their own zone, or, when there is none, a plain statement saying so and the least bad slot.
 *
 * @param found        whether any slot lies inside every participant's working hours
 * @param statement    the answer in words, naming the participants outside their hours where none fits
 * @param slots        the slots inside everyone's working hours, earliest first (at most the node's limit)
 * @param leastBad     where none fits: the slot with the fewest minutes outside working hours, summed over participants
 * @param participants who was considered, with the zone each is in
 * @param left         participants whose zone is not known to the node, left out of the search
 */
public record ConferenceTimes(String exercise, LocalDate date, int days, int hours, String workingHours, boolean found, String statement,
        List<Slot> slots, @Nullable Slot leastBad, List<Participant> participants, List<String> left) {

    public ConferenceTimes {
        slots = List.copyOf(slots);
        participants = List.copyOf(participants);
        left = List.copyOf(left);
    }

    /**
     * Who takes part in a conference from where.
     *
     * @param id   a participating nation (its national staff, in its capital's zone) or unit (in its own zone)
     * @param city the place the zone is named for here (Washington for America/New_York)
     */
    public record Participant(String id, String name, String zone, String city) {
    }

    /** A slot in UTC, with every participant's local time and how far it falls outside working hours. */
    public record Slot(Instant start, Instant end, int minutesOutside, List<Local> local) {

        public Slot {
            local = List.copyOf(local);
        }
    }

    /** A participant's local start and end of a slot, and the minutes of it outside their working hours. */
    public record Local(String participant, String city, String zone, LocalDateTime start, LocalDateTime end, String weekday, int minutesOutside) {
    }
}
