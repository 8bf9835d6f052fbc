package org.kizuna.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.Complaint;
import org.kizuna.booking.FacilityReport;
import org.kizuna.booking.Neighbours;
import org.kizuna.booking.NewComplaint;
import org.kizuna.booking.RequestState;
import org.kizuna.booking.Reserved;
import org.kizuna.booking.plan.Horizon;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.registry.Facility;
import org.kizuna.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints, their links to bookings, the monthly report and the noise budgets. A complaint is linked, when it is
 * read, to the bookings at its facilities whose time holds the complaint's with half an hour either side; each reader
 * sees only the links to bookings it may read, decided in the same audited query as the complaint. Whether a facility
 * was reserved then, its booked and noisy hours and its budget are the facility's shared occupancy, shown to every
 * reader of the facility as its reserved times are (docs/label.md, "What a booking refusal and a facility's reserved
 * time show").
 */
@Service
class NeighboursService implements Neighbours {

    /** How far either side of a booking a complaint is still linked to it: activity starts early and ends late. */
    static final Duration MARGIN = Duration.ofMinutes(30);
    /** How far back a complaint may be recorded. */
    static final Duration OLDEST = Duration.ofDays(400);

    private final JdbcComplaints complaints;
    private final JdbcRequests requests;
    private final BookingService bookings;
    private final Registry registry;
    private final ReadPath readPath;
    private final Writes writes;
    private final BookingSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    NeighboursService(JdbcComplaints complaints, JdbcRequests requests, BookingService bookings, Registry registry, ReadPath readPath, Writes writes,
            BookingSettings settings, TransactionTemplate tx, Clock clock) {
        this.complaints = complaints;
        this.requests = requests;
        this.bookings = bookings;
        this.registry = registry;
        this.readPath = readPath;
        this.writes = writes;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Complaint record(NewComplaint c, KizunaUser user) {
        writes.authorize(user, Write.RECORD_COMPLAINT, user.nation());
        Reader reader = user.reader();
        Label label = Label.parse(c.label());
        if (label.banner().length() > JdbcRequests.LABEL_LENGTH) throw new IllegalArgumentException("the label's banner is too long; choose a shorter label");
        if (!readPath.kernel().mayRead(label, reader)) {
            throw new IllegalArgumentException("you may not record a complaint under a label you could not read yourself: " + label.banner());
        }
        Instant now = clock.instant();
        if (c.occurredAt().isAfter(now.plus(Duration.ofHours(1)))) throw new IllegalArgumentException("occurredAt lies in the future: " + c.occurredAt());
        if (c.occurredAt().isBefore(now.minus(OLDEST))) {
            throw new IllegalArgumentException("occurredAt may be at most " + OLDEST.toDays() + " days ago; got " + c.occurredAt());
        }
        List<Facility> near = nearby(c, reader);
        writes.authorize(user, Write.RECORD_COMPLAINT, near.getFirst().hostNation());
        for (Facility f : near) BookingService.covers(readPath.kernel(), label, f.label(), "facility " + f.id());
        String id = "NC-" + UUID.randomUUID().toString().substring(0, 8);
        complaints.insert(id, near.stream().map(Facility::id).toList(), c, label, user.username(), now);
        return find(id, reader).orElseThrow();
    }

    /** The facility named, or the facilities the reader may read within the radius of the place, nearest first. */
    private List<Facility> nearby(NewComplaint c, Reader reader) {
        LocalDate day = today();
        if (c.facility() != null) {
            return List.of(
                    registry.facility(c.facility(), day, reader).orElseThrow(() -> new IllegalArgumentException("unknown facility '" + c.facility() + "'")));
        }
        if (c.latitude() == null || c.longitude() == null) throw new IllegalArgumentException("name the facility, or give latitude and longitude of the place");
        double lat = c.latitude(), lon = c.longitude(), radius = settings.complaintRadiusKm();
        List<Facility> near = registry.facilities(day, reader).stream()
                .filter(f -> f.location().lat() != null && f.location().lon() != null)
                .filter(f -> km(lat, lon, Objects.requireNonNull(f.location().lat()), Objects.requireNonNull(f.location().lon())) <= radius)
                .sorted(Comparator.comparingDouble(f -> km(lat, lon, Objects.requireNonNull(f.location().lat()), Objects.requireNonNull(f.location().lon()))))
                .limit(settings.maxFacilities()).toList();
        if (near.isEmpty())
            throw new IllegalArgumentException("no facility lies within " + (int) radius + " km of " + lat + ", " + lon + "; name the facility");
        return near;
    }

    /** Great-circle distance in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    @Override
    public Optional<Complaint> respond(String id, String action, KizunaUser user) {
        if (action.isBlank() || action.length() > 4000) throw new IllegalArgumentException("action: say what was done, at most 4000 characters");
        Optional<Complaint> found = find(id, user.reader());
        if (found.isEmpty()) return found;
        String host = registry.facility(found.get().facilities().getFirst(), today(), user.reader()).map(Facility::hostNation).orElse("");
        writes.authorize(user, Write.RECORD_COMPLAINT, host);
        complaints.setAction(id, action, user.username(), clock.instant());
        return find(id, user.reader());
    }

    @Override
    public Optional<Complaint> find(String id, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "booking/complaint/" + id)) {
            return q.readable(complaints.find(id), JdbcComplaints.Row::id).map(row -> view(row, q, reader));
        }
    }

    @Override
    public List<Complaint> complaints(@Nullable String facility, @Nullable YearMonth month, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "booking/complaints" + (facility == null ? "" : " facility=" + facility)
                + (month == null ? "" : " month=" + month))) {
            return list(facility, month, q, reader);
        }
    }

    private List<Complaint> list(@Nullable String facility, @Nullable YearMonth month, ReadPath.Query q, Reader reader) {
        // the month is the facility's local month; without a facility, the UTC month
        ZoneId zone = facility == null
                ? ZoneOffset.UTC
                : registry.facility(facility, today(), reader).map(f -> ZoneId.of(f.zone())).orElse(ZoneOffset.UTC);
        Instant from = month == null ? null : month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month == null ? null : month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<JdbcComplaints.Row> rows = complaints.between(from, to).stream().filter(r -> facility == null || r.facilities().contains(facility)).toList();
        return q.readable(rows, JdbcComplaints.Row::id).stream().map(r -> view(r, q, reader)).toList();
    }

    /** The complaint for the query's reader: the links to the bookings it may read, decided in the same query. */
    private Complaint view(JdbcComplaints.Row row, ReadPath.Query q, Reader reader) {
        LocalDate day = today();
        Instant t = row.occurredAt();
        List<BookingRequest> candidates = new ArrayList<>();
        List<Complaint.Occupancy> occupancy = new ArrayList<>();
        boolean quiet = false;
        for (int i = 0; i < row.facilities().size(); i++) {
            String f = row.facilities().get(i);
            Optional<Facility> facility = registry.facility(f, day, reader);
            if (facility.isEmpty()) continue;
            if (i == 0) quiet = Horizon.quiet(t.atZone(ZoneId.of(facility.get().zone())));
            occupancy.add(new Complaint.Occupancy(f, !requests.booked(f, t, t.plusSeconds(1)).isEmpty()));
            for (BookingRequest b : requests.active()) {
                if (b.state() == RequestState.BOOKED && f.equals(b.facility()) && b.start() != null && b.end() != null
                        && !t.isBefore(b.start().minus(MARGIN)) && t.isBefore(b.end().plus(MARGIN)))
                    candidates.add(b);
            }
        }
        List<Complaint.Link> links = new ArrayList<>();
        for (BookingRequest b : q.readable(candidates, BookingRequest::id)) {
            Facility facility = registry.facility(Objects.requireNonNull(b.facility()), day, reader).orElseThrow();
            links.add(new Complaint.Link(b.id(), b.unit(), facility.id(), Objects.requireNonNull(b.start()), Objects.requireNonNull(b.end()), b.noisy(),
                    broken(row, b, facility)));
        }
        return new Complaint(row.id(), row.facilities(), row.latitude(), row.longitude(), t, row.kind(), row.source(), row.description(), row.label(),
                row.recordedBy(), row.recordedAt(), quiet, links, occupancy, row.action(), row.actionBy(), row.actionAt());
    }

    /** The rules the reported activity broke, if the booking was what the neighbours heard. */
    private List<String> broken(JdbcComplaints.Row row, BookingRequest b, Facility facility) {
        List<String> out = new ArrayList<>();
        Instant t = row.occurredAt();
        ZoneId zone = ZoneId.of(facility.zone());
        Instant start = Objects.requireNonNull(b.start()), end = Objects.requireNonNull(b.end());
        if (t.isBefore(start) || !t.isBefore(end)) {
            out.add("activity reported outside the booked time (" + start.atZone(zone).toLocalTime() + " to " + end.atZone(zone).toLocalTime() + ", "
                    + zone + ")");
        }
        boolean audible = row.kind() == Complaint.Kind.NOISE || row.kind() == Complaint.Kind.LOW_FLIGHT || row.kind() == Complaint.Kind.NIGHT_ACTIVITY;
        if (audible && Horizon.quiet(t.atZone(zone))) {
            out.add(b.noisy()
                    ? "noisy activity in quiet hours (22:00-06:00 and Sundays, " + zone + ")"
                    : "booked as quiet activity, reported as " + row.kind().name().toLowerCase().replace('_', ' ')
                            + " in quiet hours (22:00-06:00 and Sundays, "
                            + zone + ")");
        }
        if ("II-4(b)".equals(facility.jointUse()) && "USA".equals(b.nation())
                && requests.agreedPeriods(facility.id()).stream().noneMatch(w -> !t.isBefore(w.start()) && t.isBefore(w.end()))) {
            out.add("US use outside the agreed II-4(b) periods");
        }
        return out;
    }

    @Override
    public Optional<FacilityReport> report(String facility, YearMonth month, Reader reader) {
        try (ReadPath.Query q = readPath.query(reader, "booking/facility/" + facility + "/report month=" + month)) {
            Optional<Facility> found = registry.facility(facility, today(), reader);
            if (found.isEmpty()) return Optional.empty();
            Facility f = found.get();
            ZoneId zone = ZoneId.of(f.zone());
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant(), to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            double reserved = 0;
            for (Reserved r : bookings.reserved(facility, from, to, reader).orElse(List.of())) {
                reserved += Duration.between(r.start(), r.end()).toMinutes() * r.places() / 60.0;
            }
            double noisy = 0;
            for (JdbcRequests.Window w : requests.bookedNoisy(facility, from, to)) noisy += BookingService.overlapMinutes(w.start(), w.end(), from, to) / 60.0;
            Integer budget = requests.noiseBudgets().get(facility);
            List<BookingRequest> held = requests.active().stream()
                    .filter(b -> b.state() == RequestState.BOOKED && facility.equals(b.facility()) && b.start() != null && b.end() != null
                            && b.start().isBefore(to) && b.end().isAfter(from))
                    .sorted(Comparator.comparing(b -> Objects.requireNonNull(b.start()))).toList();
            List<BookingRequest> readable = q.readable(held, BookingRequest::id);
            List<Complaint> about = list(facility, month, q, reader);
            int answered = (int) about.stream().filter(c -> c.action() != null).count();
            return Optional.of(new FacilityReport(f.id(), f.name(), month, f.zone(), reserved, noisy, budget == null ? null : budget / 2.0, readable, about,
                    answered));
        }
    }

    @Override
    public Optional<FacilityReport> setNoiseBudget(String facility, @Nullable Integer hoursPerMonth, YearMonth month, KizunaUser user) {
        Optional<Facility> found = registry.facility(facility, today(), user.reader());
        if (found.isEmpty()) return Optional.empty();
        writes.authorize(user, Write.SET_NOISE_BUDGET, found.get().hostNation());
        if (hoursPerMonth != null && (hoursPerMonth < 0 || hoursPerMonth > 744)) {
            throw new IllegalArgumentException("hoursPerMonth must be 0 to 744 (the hours of a month); got " + hoursPerMonth);
        }
        // the budget and the plan that keeps it commit together
        tx.executeWithoutResult(s -> {
            requests.setNoiseBudget(facility, hoursPerMonth == null ? null : hoursPerMonth * 2);
            bookings.replan();
        });
        return report(facility, month, user.reader());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
