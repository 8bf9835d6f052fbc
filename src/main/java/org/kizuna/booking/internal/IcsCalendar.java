package org.kizuna.booking.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.kizuna.booking.BookingRequest;

/**
 * iCalendar (RFC 5545) export of bookings: each event in its facility's own zone, with a VTIMEZONE
 * per zone built from the zone's rules around the events (so daylight-saving changes are exact),
 * lines folded at 75 octets and text escaped.
 */
final class IcsCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    record Event(BookingRequest booking, ZoneId zone) {
    }

    static String of(String name, List<Event> events, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Kizuna//Shared facility bookings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(name));
        TreeSet<String> zones = new TreeSet<>();
        events.forEach(e -> zones.add(e.zone().getId()));
        for (String z : zones) {
            Instant from = events.stream().filter(e -> e.zone().getId().equals(z)).map(e -> e.booking().start()).min(Instant::compareTo).orElse(stamp);
            Instant to = events.stream().filter(e -> e.zone().getId().equals(z)).map(e -> e.booking().end()).max(Instant::compareTo).orElse(stamp);
            timezone(out, ZoneId.of(z), from.minusSeconds(366L * 86400), to.plusSeconds(366L * 86400));
        }
        for (Event e : events) {
            BookingRequest b = e.booking();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + b.id() + "@kizuna");
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART;TZID=" + e.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.start(), e.zone())));
            line(out, "DTEND;TZID=" + e.zone().getId() + ":" + LOCAL.format(LocalDateTime.ofInstant(b.end(), e.zone())));
            line(out, "SUMMARY:" + text("(" + b.label().portionMark().replace("(", "").replace(")", "") + ") " + b.unit() + " at " + b.facility()
                    + (b.noisy() ? " (noisy)" : "")));
            line(out, "LOCATION:" + text(Objects.requireNonNull(b.facility(), "a booked request has its facility")));
            line(out, "DESCRIPTION:" + text("Classification: " + b.label().banner() + "\nRequest " + b.id() + ", priority " + b.priority()
                    + (b.confirmed() ? ", confirmed" : ", planned")));
            line(out, "STATUS:" + (b.confirmed() ? "CONFIRMED" : "TENTATIVE"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void timezone(StringBuilder out, ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        ZoneOffset initial = rules.getOffset(from);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:" + LOCAL.format(LocalDateTime.ofInstant(from, initial)));
        line(out, "TZOFFSETFROM:" + offset(initial));
        line(out, "TZOFFSETTO:" + offset(initial));
        line(out, "END:STANDARD");
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(to)) {
            boolean daylight = rules.isDaylightSavings(t.getInstant());
            String kind = daylight ? "DAYLIGHT" : "STANDARD";
            line(out, "BEGIN:" + kind);
            line(out, "DTSTART:" + LOCAL.format(t.getDateTimeBefore()));
            line(out, "TZOFFSETFROM:" + offset(t.getOffsetBefore()));
            line(out, "TZOFFSETTO:" + offset(t.getOffsetAfter()));
            line(out, "END:" + kind);
            t = rules.nextTransition(t.getInstant());
        }
        line(out, "END:VTIMEZONE");
    }

    private static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        char sign = s < 0 ? '-' : '+';
        s = Math.abs(s);
        return String.format("%c%02d%02d", sign, s / 3600, (s / 60) % 60);
    }

    private static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (RFC 5545 section 3.1) with CRLF. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            out.append(content).append("\r\n");
            return;
        }
        int count = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (count + len > 75) {
                out.append(current).append("\r\n ");
                current.setLength(0);
                count = 1;
            }
            current.appendCodePoint(cp);
            count += len;
            i += Character.charCount(cp);
        }
        out.append(current).append("\r\n");
    }
}
