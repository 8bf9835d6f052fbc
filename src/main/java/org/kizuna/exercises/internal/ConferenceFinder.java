package org.kizuna.exercises.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kizuna.exercises.ConferenceTimes;
import org.kizuna.exercises.ConferenceTimes.Local;
import org.kizuna.exercises.ConferenceTimes.Participant;
import org.kizuna.exercises.ConferenceTimes.Slot;

/**
 * Finds planning conference slots inside every participant's working hours: slot starts every 30 minutes from the
 * date's 00:00 in the given zone (UTC, or the reader's own) for the given days, each checked in 15-minute steps against every participant's local working
 * hours (Monday to Friday, {@code workdayStart} to {@code workdayEnd} local, as java.time computes the zone's offset
 * that day, daylight saving time included). Where no slot fits, the least bad one is the one with the fewest minutes
 * outside working hours summed over participants, then the fewest participants outside, then the one nearest to working hours
 * ({@link #depth}), then the earliest.
 */
final class ConferenceFinder {

    private static final int STEP_MINUTES = 15, START_EVERY_MINUTES = 30;

    /** The place each zone is named for here: a nation's capital where the zone is the capital's. */
    private static final Map<String, String> CITIES = Map.of("America/New_York", "Washington", "Australia/Sydney", "Canberra",
            "Australia/Canberra", "Canberra", "Pacific/Honolulu", "Honolulu", "Asia/Tokyo", "Tokyo", "Asia/Seoul", "Seoul", "Europe/London", "London",
            "Asia/Manila", "Manila");

    private ConferenceFinder() {
    }

    static String city(String zone) {
        String c = CITIES.get(zone);
        return c != null ? c : zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /** Slots from the date's 00:00 UTC. */
    static ConferenceTimes find(String exercise, List<Participant> participants, List<String> left, LocalDate date, int days, int hours,
            int workdayStart, int workdayEnd, int maxSlots) {
        return find(exercise, participants, left, date, ZoneOffset.UTC, days, hours, workdayStart, workdayEnd, maxSlots);
    }

    static ConferenceTimes find(String exercise, List<Participant> participants, List<String> left, LocalDate date, ZoneId zone, int days,
            int hours, int workdayStart, int workdayEnd, int maxSlots) {
        String working = "%02d:00-%02d:00 local, Monday to Friday".formatted(workdayStart, workdayEnd);
        Instant first = date.atStartOfDay(zone).toInstant();
        String calendar = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        Duration length = Duration.ofHours(hours);
        List<Slot> fitting = new ArrayList<>();
        long fittingCount = 0;
        Slot leastBad = null;
        int leastBadOutside = 0;
        long leastBadDepth = 0;
        for (int m = 0; m < days * 24 * 60; m += START_EVERY_MINUTES) {
            Instant start = first.plus(Duration.ofMinutes(m));
            Slot slot = slot(start, start.plus(length), participants, workdayStart, workdayEnd);
            if (slot.minutesOutside() == 0) {
                fittingCount++;
                if (fitting.size() < maxSlots) fitting.add(slot);
            } else {
                int outside = (int) slot.local().stream().filter(l -> l.minutesOutside() > 0).count();
                int c = leastBad == null ? -1 : Integer.compare(slot.minutesOutside(), leastBad.minutesOutside());
                if (c == 0) c = Integer.compare(outside, leastBadOutside);
                long depth = c == 0 ? depth(slot, workdayStart, workdayEnd) : 0;
                if (c == 0) c = Long.compare(depth, leastBadDepth);
                if (c < 0) {
                    leastBad = slot;
                    leastBadOutside = outside;
                    leastBadDepth = depth(slot, workdayStart, workdayEnd);
                }
            }
        }
        String who = participants.stream().map(p -> p.city() + " (" + p.zone() + ")").distinct().collect(Collectors.joining(", "));
        String span = days == 1 ? "starting on " + date + " (" + calendar + ")" : "starting on " + days + " days from " + date + " (" + calendar + ")";
        String unknown = left.isEmpty() ? "" : " Left out, their zone unknown to this node: " + String.join(", ", left) + ".";
        if (participants.isEmpty()) {
            return new ConferenceTimes(exercise, date, days, hours, working, false,
                    "No participant of this exercise has a zone known to this node, so no conference time can be proposed." + unknown, List.of(), null,
                    participants, left);
        }
        if (fittingCount > 0) {
            String statement = fittingCount + " slot" + (fittingCount == 1 ? "" : "s") + " of " + hours + " h " + span
                    + " lie inside the working hours (" + working + ") of every participant: " + who + "." + unknown;
            return new ConferenceTimes(exercise, date, days, hours, working, true, statement, fitting, null, participants, left);
        }
        Slot worst = java.util.Objects.requireNonNull(leastBad, "a day has slots");
        String outside = worst.local().stream().filter(l -> l.minutesOutside() > 0).map(ConferenceFinder::describe).distinct()
                .collect(Collectors.joining("; "));
        String statement = "No " + hours + "-hour slot " + span + " lies inside the working hours (" + working + ") of every participant: " + who
                + ". The least bad is " + worst.start() + " to " + worst.end() + ", outside working hours for " + outside + "." + unknown;
        return new ConferenceTimes(exercise, date, days, hours, working, false, statement, List.of(), worst, participants, left);
    }

    private static String describe(Local l) {
        return l.participant() + " in " + l.city() + " (" + l.weekday() + " " + l.start().toLocalTime() + "-" + l.end().toLocalTime() + ", "
                + l.minutesOutside() + " min outside)";
    }

    static Slot slot(Instant start, Instant end, List<Participant> participants, int workdayStart, int workdayEnd) {
        List<Local> local = new ArrayList<>();
        int total = 0;
        Map<String, Integer> byZone = new LinkedHashMap<>();
        for (Participant p : participants) {
            ZoneId zone = ZoneId.of(p.zone());
            int outside = byZone.computeIfAbsent(p.zone(), z -> minutesOutside(start, end, zone, workdayStart, workdayEnd));
            total += outside;
            ZonedDateTime s = start.atZone(zone), e = end.atZone(zone);
            local.add(new Local(p.name(), p.city(), p.zone(), s.toLocalDateTime(), e.toLocalDateTime(),
                    s.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), outside));
        }
        return new Slot(start, end, total, local);
    }

    /**
     * How far outside working hours a slot lies: for every 15 minutes outside, the minutes to the nearer of the day's start and end of
     * working hours, summed (18:00-20:00 is nearer to working hours than 19:00-21:00).
     */
    static long depth(Slot slot, int workdayStart, int workdayEnd) {
        long depth = 0;
        for (Local l : slot.local()) {
            if (l.minutesOutside() == 0) continue;
            for (java.time.LocalDateTime t = l.start(); t.isBefore(l.end()); t = t.plusMinutes(STEP_MINUTES)) {
                int m = t.getHour() * 60 + t.getMinute(), from = workdayStart * 60, to = workdayEnd * 60;
                if (m >= from && m < to) continue;
                depth += m < from ? Math.min(from - m, m + 24 * 60 - to) : Math.min(m - to, from + 24 * 60 - m);
            }
        }
        return depth;
    }

    static int minutesOutside(Instant start, Instant end, ZoneId zone, int workdayStart, int workdayEnd) {
        int outside = 0;
        LocalTime from = LocalTime.of(workdayStart, 0);
        @Nullable LocalTime to = workdayEnd == 24 ? null : LocalTime.of(workdayEnd, 0);
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(STEP_MINUTES))) {
            ZonedDateTime z = t.atZone(zone);
            DayOfWeek d = z.getDayOfWeek();
            LocalTime time = z.toLocalTime();
            boolean working = d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !time.isBefore(from) && (to == null || time.isBefore(to));
            if (!working) outside += STEP_MINUTES;
        }
        return outside;
    }

    /** Participants in a stable order: by zone offset at the given instant (east first), then by name. */
    static List<Participant> ordered(List<Participant> participants, Instant at) {
        return participants.stream().sorted(Comparator.<Participant>comparingInt(p -> -ZoneId.of(p.zone()).getRules().getOffset(at).getTotalSeconds())
                .thenComparing(Participant::name)).toList();
    }
}
