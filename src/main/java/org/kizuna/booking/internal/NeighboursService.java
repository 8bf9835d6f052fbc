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
import java.util.Locale;
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
import org.kizuna.node.Messages;
import org.kizuna.registry.Facility;
import org.kizuna.registry.Registry;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final Messages messages;

    NeighboursService(JdbcComplaints complaints, JdbcRequests requests, BookingService bookings, Registry registry, ReadPath readPath, Writes writes,
            BookingSettings settings, TransactionTemplate tx, Clock clock, Messages messages) {
        this.complaints = complaints;
        this.requests = requests;
        this.bookings = bookings;
        this.registry = registry;
        this.readPath = readPath;
        this.writes = writes;
        this.settings = settings;
        // a noise budget's change re-plans: it takes the planner lock first, as every planner transaction does
        this.tx = new PlannerTransactions(tx, requests::lockPlanner);
        this.clock = clock;
        this.messages = messages;
    }

    @Override
    public Complaint record(NewComplaint c, KizunaUser user) {
        writes.authorize(user, Write.RECORD_COMPLAINT, user.nation());
        Reader reader = user.reader();
        Label label = Label.parse(c.label());
        if (label.banner().length() > JdbcRequests.LABEL_LENGTH) throw BookingService.refused("booking.complaint.label-long");
        if (!readPath.kernel().mayRead(label, reader)) throw BookingService.refused("booking.complaint.label-unreadable", label.banner());
        Instant now = clock.instant();
        if (c.occurredAt().isAfter(now.plus(Duration.ofHours(1)))) throw BookingService.refused("booking.complaint.future", c.occurredAt().toString());
        if (c.occurredAt().isBefore(now.minus(OLDEST))) {
            throw BookingService.refused("booking.complaint.too-old", String.valueOf(OLDEST.toDays()), c.occurredAt().toString());
        }
        List<Facility> near = nearby(c, reader);
        writes.authorize(user, Write.RECORD_COMPLAINT, near.getFirst().hostNation());
        for (Facility f : near) BookingService.covers(readPath.kernel(), label, f.label(), "facility", f.id());
        String id = "NC-" + UUID.randomUUID().toString().substring(0, 8);
        complaints.insert(id, near.stream().map(Facility::id).toList(), c, label, user.username(), now);
        return find(id, reader).orElseThrow();
    }

    /** The facility named, or the facilities the reader may read within the radius of the place, nearest first. */
    private List<Facility> nearby(NewComplaint c, Reader reader) {
        LocalDate day = today();
        if (c.facility() != null) {
            return List.of(
                    registry.facility(c.facility(), day, reader)
                            .orElseThrow(() -> BookingService.refused("booking.request.unknown-facility", String.valueOf(c.facility()))));
        }
        if (c.latitude() == null || c.longitude() == null) throw BookingService.refused("booking.complaint.no-place");
        double lat = c.latitude(), lon = c.longitude(), radius = settings.complaintRadiusKm();
        List<Facility> near = registry.facilities(day, reader).stream()
                .filter(f -> f.location().lat() != null && f.location().lon() != null)
                .filter(f -> km(lat, lon, Objects.requireNonNull(f.location().lat()), Objects.requireNonNull(f.location().lon())) <= radius)
                .sorted(Comparator.comparingDouble(f -> km(lat, lon, Objects.requireNonNull(f.location().lat()), Objects.requireNonNull(f.location().lon()))))
                .limit(settings.maxFacilities()).toList();
        if (near.isEmpty())
            throw BookingService.refused("booking.complaint.none-near", String.valueOf((int) radius), String.valueOf(lat), String.valueOf(lon));
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
        if (action.isBlank() || action.length() > 4000) throw BookingService.refused("booking.complaint.action");
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

    /** The rules the reported activity broke, if the booking was what the neighbours heard, in the reader's language. */
    private List<String> broken(JdbcComplaints.Row row, BookingRequest b, Facility facility) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> out = new ArrayList<>();
        Instant t = row.occurredAt();
        ZoneId zone = ZoneId.of(facility.zone());
        Instant start = Objects.requireNonNull(b.start()), end = Objects.requireNonNull(b.end());
        if (t.isBefore(start) || !t.isBefore(end)) {
            out.add(messages.text("booking.broken.outside", locale, start.atZone(zone).toLocalTime().toString(), end.atZone(zone).toLocalTime().toString(),
                    zone.getId()));
        }
        boolean audible = row.kind() == Complaint.Kind.NOISE || row.kind() == Complaint.Kind.LOW_FLIGHT || row.kind() == Complaint.Kind.NIGHT_ACTIVITY;
        if (audible && Horizon.quiet(t.atZone(zone))) {
            out.add(b.noisy()
                    ? messages.text("booking.broken.noisy-quiet", locale, zone.getId())
                    : messages.text("booking.broken.quiet", locale, messages.text("booking.complaintKind." + row.kind().name(), locale), zone.getId()));
        }
        if ("II-4(b)".equals(facility.jointUse()) && "USA".equals(b.nation())
                && requests.agreedPeriods(facility.id()).stream().noneMatch(w -> !t.isBefore(w.start()) && t.isBefore(w.end()))) {
            out.add(messages.text("booking.broken.ii-4b", locale));
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
            // the facility's name in the reader's language, as the registry's API gives it
            return Optional.of(new FacilityReport(f.id(), f.in(LocaleContextHolder.getLocale()).name(), month, f.zone(), reserved, noisy,
                    budget == null ? null : budget / 2.0, readable, about,
                    answered));
        }
    }

    @Override
    public Optional<FacilityReport> setNoiseBudget(String facility, @Nullable Integer hoursPerMonth, YearMonth month, KizunaUser user) {
        Optional<Facility> found = registry.facility(facility, today(), user.reader());
        if (found.isEmpty()) return Optional.empty();
        writes.authorize(user, Write.SET_NOISE_BUDGET, found.get().hostNation());
        if (hoursPerMonth != null && (hoursPerMonth < 0 || hoursPerMonth > 744)) {
            throw BookingService.refused("booking.noise-budget.range", String.valueOf(hoursPerMonth));
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
