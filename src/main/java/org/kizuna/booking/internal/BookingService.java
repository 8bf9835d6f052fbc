package org.kizuna.booking.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.BookingRequestStateChanged;
import org.kizuna.booking.Bookings;
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.booking.Reserved;
import org.kizuna.booking.plan.Horizon;
import org.kizuna.booking.plan.NoiseBudgets;
import org.kizuna.booking.plan.Options;
import org.kizuna.booking.plan.Plan;
import org.kizuna.booking.plan.PlanSolver;
import org.kizuna.booking.plan.Problem;
import org.kizuna.federation.Federation;
import org.kizuna.federation.Offers;
import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestSent;
import org.kizuna.federation.RecordIds;
import org.kizuna.federation.Replicas;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Label;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Transactions;
import org.kizuna.node.Validation;
import org.kizuna.registry.AccessAgreement;
import org.kizuna.registry.Facility;
import org.kizuna.registry.Organization;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Requests and the plan that answers them. Every submission, change and cancellation re-plans the
 * open requests with the Timefold planner; confirmed bookings are pinned. A refusal names the rules
 * that block the request, never another unit's booking: a time held by bookings is "reserved", whoever
 * holds it. Every write is authorized by {@link Writes}, after the target is found among what the user
 * may read. A submitted request meets the constraints of {@link NewRequest} (which the API checks before it
 * calls here, and this service checks again for every other caller) and lies within the bounds of
 * {@link BookingSettings}; a submission the planner cannot handle is refused and leaves no row behind.
 * "Now" is the node's {@link Clock}; the registry is asked about the clock's UTC day (facilities and units valid that
 * day), as its own API's default; rules about local days (quiet hours, access agreements) use the facility's zone.
 * Every change of a request filed on this node is shared with the partners' nodes ({@link ShareableChanged}); a
 * partner's booking arrives as a read-only replica that holds its place in this node's plan like a confirmed booking.
 */
@Service
@EnableConfigurationProperties(BookingSettings.class)
class BookingService implements Bookings {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BookingService.class);

    static final int GRAIN_MINUTES = 30;

    private final JdbcRequests store;
    private final Registry registry;
    private final ReadPath readPath;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Reader node;
    private final Duration planningTime;
    private final Writes writes;
    private final BookingSettings limits;
    private final Validator validator;
    private final Clock clock;
    private final String nation;
    private final TransactionTemplate requiresNew;
    private final Federation federation;

    BookingService(JdbcRequests store, Registry registry, ReadPath readPath, ApplicationEventPublisher events, TransactionTemplate tx,
            Writes writes, BookingSettings settings, NodeSettings node, Validator validator, Clock clock, Federation federation) {
        this.clock = clock;
        this.federation = federation;
        this.writes = writes;
        this.limits = settings;
        this.validator = validator;
        this.store = store;
        this.registry = registry;
        this.readPath = readPath;
        this.events = events;
        // every write takes the planner lock first: replicas of the node on one database plan one after another
        this.tx = new PlannerTransactions(tx, store::lockPlanner);
        // the planner sees every facility the node holds, as the node itself
        this.nation = node.nation();
        this.node = Reader.highestOf(nation);
        this.requiresNew = new PlannerTransactions(Transactions.requiresNew(tx), store::lockPlanner);
        this.planningTime = settings.planningTime();
    }

    @Override
    public synchronized BookingRequest submit(NewRequest r, KizunaUser requester) {
        // the role first (it depends on nothing else); the nation once the unit is found among what the user may read
        writes.authorize(requester, Write.FILE_BOOKING_REQUEST, requester.nation());
        Checked c = check(r, requester.reader(), unit -> writes.authorize(requester, Write.FILE_BOOKING_REQUEST, unit.nation()));
        String id = RecordIds.next("BR", nation);
        Organization o = c.unit();
        String host = hostNode(c.facilities());
        // the row and the plan that answers it commit together: a request the planner cannot handle leaves nothing behind
        return Objects.requireNonNull(tx.execute(status -> {
            if (host != null) {
                // the host's node plans it with its own requests; the booking comes back as its replica
                store.insert(id, r, c.label(), o.nation(), o.zone(), requester.username(), host);
                store.setOutcome(id, RequestState.PENDING, Reason.of("booking.forwarded", host), null, null, null);
                events.publishEvent(new PeerRequestSent(BookingShares.request(id, r, c.label(), requester.username(), host)));
                return store.find(id).orElseThrow();
            }
            store.insert(id, r, c.label(), o.nation(), o.zone(), requester.username());
            try {
                replan();
            } catch (ErrorResponseException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("the planner failed on request {}; nothing was filed", id, e);
                throw new PlanningRefused("booking.plan.failed");
            }
            return store.find(id).orElseThrow();
        }));
    }

    /** A request's unit, facilities and label, once it passed every check. */
    private record Checked(Organization unit, List<Facility> facilities, Label label) {
    }

    /**
     * Checks a request as {@code reader} (a user, or the requesting nation for a peer's request): its constraints, the
     * node's bounds, the registry and the labels; {@code authorizeUnit} is told the unit once it is found. Throws a coded
     * 400 (or 422) naming what is wrong.
     */
    private Checked check(NewRequest r, Reader reader, java.util.function.Consumer<Organization> authorizeUnit) {
        LocalDate today = today();
        Validation.check(validator, r, BookingService::violation);
        if (r.facilities().size() > limits.maxFacilities()) {
            throw refused("booking.request.too-many-facilities", String.valueOf(limits.maxFacilities()), String.valueOf(r.facilities().size()));
        }
        Set<String> distinct = new java.util.HashSet<>();
        for (String f : r.facilities()) {
            if (!distinct.add(f)) throw refused("booking.request.facility-twice", f);
        }
        OrganizationView unit = registry.organization(r.unit(), today, reader)
                .orElseThrow(() -> refused("booking.request.unknown-unit", r.unit()));
        authorizeUnit.accept(unit.organization());
        List<Facility> named = new ArrayList<>();
        for (String f : r.facilities()) {
            named.add(registry.facility(f, today, reader).orElseThrow(() -> refused("booking.request.unknown-facility", f)));
        }
        if (r.durationMinutes() % GRAIN_MINUTES != 0) {
            throw refused("booking.request.duration", String.valueOf(r.durationMinutes()));
        }
        if (r.latestStart().isBefore(r.earliestStart()) || r.preferredStart().isBefore(r.earliestStart()) || r.preferredStart().isAfter(r.latestStart())) {
            throw refused("booking.request.window");
        }
        if (Duration.between(r.earliestStart(), r.latestStart()).toDays() > 60) {
            throw refused("booking.request.window-span");
        }
        Instant now = clock.instant();
        Instant first = now.minus(Duration.ofDays(limits.pastDays())), last = now.plus(Duration.ofDays(limits.horizonDays()));
        if (r.earliestStart().isBefore(first)) {
            throw refused("booking.request.past", String.valueOf(limits.pastDays()), first.truncatedTo(ChronoUnit.MINUTES).toString(),
                    r.earliestStart().toString());
        }
        if (r.latestStart().isAfter(last)) {
            throw refused("booking.request.horizon", String.valueOf(limits.horizonDays()), last.truncatedTo(ChronoUnit.MINUTES).toString(),
                    r.latestStart().toString());
        }
        for (Instant i : List.of(r.earliestStart(), r.latestStart(), r.preferredStart())) {
            if (i.getEpochSecond() % (GRAIN_MINUTES * 60) != 0) throw refused("booking.request.half-hour", i.toString());
        }
        Label label = Label.parse(r.label());
        if (label.banner().length() > JdbcRequests.LABEL_LENGTH) {
            throw refused("booking.request.label-long", String.valueOf(JdbcRequests.LABEL_LENGTH));
        }
        if (!readPath.kernel().mayRead(label, reader)) {
            throw refused("booking.request.label-unreadable", label.banner());
        }
        // whoever may read the request sees the unit and facilities it names, so the label must cover theirs
        covers(label, unit.organization().label(), "unit", unit.organization().id());
        for (Facility f : named) covers(label, f.label(), "facility", f.id());
        // on the request alone (its facilities' places are configuration, not anyone's booking): what it could add to a plan
        long places = r.facilities().stream().mapToLong(store::capacity).sum(), most = limits.maxPlanCells() / maxPlanGrains();
        if (places > most) {
            throw new PlanningRefused("booking.plan.too-large", String.valueOf(places), String.valueOf(most));
        }
        return new Checked(unit.organization(), named, label);
    }

    /**
     * The nation whose node plans a request for these facilities: their host, when one other nation hosts them all and
     * its node is an approved peer of this one; else null (this node plans it, as it plans its own facilities').
     */
    private @Nullable String hostNode(List<Facility> named) {
        Set<String> hosts = new java.util.HashSet<>(named.stream().map(Facility::hostNation).toList());
        if (hosts.size() != 1) return null;
        String host = hosts.iterator().next();
        return !host.equals(nation) && federation.approvedPeer(host) ? host : null;
    }

    private static String violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        return (path.startsWith("facilities") ? "facilities" : path) + ": " + v.getMessage();
    }

    /** The request if the user may read it, after the write matrix allows the write on it (else 403); empty like an unknown id. */
    private Optional<BookingRequest> findFor(String id, KizunaUser user, Write write) {
        Optional<BookingRequest> b = find(id, user.reader());
        b.ifPresent(x -> {
            writes.authorize(user, write, write == Write.CONFIRM_BOOKING ? hostNation(x) : x.nation());
            if (x.originator() != null) {
                throw Problems.told(HttpStatus.FORBIDDEN, "Read-only replica", "booking.problem.read-only", id, x.originator());
            }
            String host = store.hostNode(id).orElse(null);
            if (host != null) throw Problems.told(HttpStatus.CONFLICT, "Conflict", "booking.problem.at-host", id, host);
        });
        return b;
    }

    /** The host nation of the facility the request is booked at, or of its first acceptable facility when it is not booked. */
    private String hostNation(BookingRequest b) {
        String f = b.facility() != null ? b.facility() : b.facilities().getFirst();
        return registry.facility(f, today(), node).map(Facility::hostNation).orElse("");
    }

    private void covers(Label request, Label named, String kind, String id) {
        covers(readPath.kernel(), request, named, kind, id);
    }

    /**
     * Refuses a record whose label does not cover the label of what it names (whoever may read it must be able to read that);
     * {@code kind} is {@code unit} or {@code facility}.
     */
    static void covers(org.kizuna.label.LabelKernel kernel, Label request, Label named, String kind, String id) {
        boolean unrestricted = named.level().rank() == 0 && named.controls().isEmpty() && !named.isNoforn() && !named.hasReleasabilityList()
                && named.permissiveTags().isEmpty() && named.communities().isEmpty();
        if (!unrestricted && !named.equals(request) && !kernel.dominates(request, named)) {
            throw refused("booking.label.covers." + kind, request.banner(), id, named.banner());
        }
    }

    /** A refused request or change, told in the reader's language: the message {@code code} of the booking catalogue with its arguments. */
    static ErrorResponseException refused(String code, Object... args) {
        return Problems.coded(HttpStatus.BAD_REQUEST, code, args);
    }

    @Override
    public Optional<BookingRequest> find(String id, Reader reader) {
        return readPath.readable(store.find(id), reader, b -> "booking/request/" + b.id(), "booking/request/" + id);
    }

    @Override
    public List<BookingRequest> requests(@Nullable String unit, @Nullable String facility, Reader reader) {
        List<BookingRequest> all = store.all().stream()
                .filter(b -> unit == null || b.unit().equals(unit))
                .filter(b -> facility == null || facility.equals(b.facility()) || (b.facility() == null && b.facilities().contains(facility)))
                .toList();
        return readPath.readable(all, reader, b -> "booking/request/" + b.id(),
                "booking/requests" + (unit == null ? "" : " unit=" + unit) + (facility == null ? "" : " facility=" + facility));
    }

    /**
     * A booking on the user's desk: the request, its facility where the user may read it (else null, and only its id is
     * shown), the facility's zone where the user may read the facility (else null), and the local day (in that zone,
     * else in UTC) the booking is on the desk for.
     */
    record DeskBooking(BookingRequest booking, @Nullable Facility facility, String facilityId, @Nullable String zone, LocalDate day, boolean today) {
    }

    /**
     * The bookings at facilities the user's nation hosts or requested by the user's nation's units that take place today
     * or tomorrow in the facility's local day (by the node's clock), as the user may read them, by start: one query,
     * for the desk. The facility of each is decided for the user in the same query; a facility the user may not read
     * tells nothing: its booking is on the desk only when one of the user's nation's units requested it, with the
     * facility's id alone and its day in UTC (neither the facility's host nor its zone).
     */
    List<DeskBooking> todayAndTomorrow(KizunaUser user) {
        Instant now = clock.instant();
        Map<String, Facility> facilities = new HashMap<>();
        for (Facility f : registry.facilities(today(), node)) facilities.put(f.id(), f);
        // the candidates as the node sees them; what the user may not read of them is taken out after the decision
        List<BookingRequest> candidates = new ArrayList<>();
        for (BookingRequest b : store.all()) {
            Facility f = b.facility() == null ? null : facilities.get(b.facility());
            Instant start = b.start(), end = b.end();
            if (b.state() != RequestState.BOOKED || f == null || start == null || end == null) continue;
            if (!f.hostNation().equals(user.nation()) && !b.nation().equals(user.nation())) continue;
            if (onDesk(start, end, ZoneId.of(f.zone()), now)) candidates.add(b);
        }
        candidates.sort(java.util.Comparator.comparing(b -> Objects.requireNonNull(b.start())));
        try (ReadPath.Query q = readPath.query(user.reader(), "booking/requests today-and-tomorrow nation=" + user.nation())) {
            List<BookingRequest> readable = q.readable(candidates, b -> "booking/request/" + b.id());
            Set<String> named = new java.util.LinkedHashSet<>();
            readable.forEach(b -> named.add(Objects.requireNonNull(b.facility())));
            Map<String, Facility> readableFacilities = new HashMap<>();
            q.readable(named.stream().map(facilities::get).filter(Objects::nonNull).toList(), f -> "registry/facility/" + f.id())
                    .forEach(f -> readableFacilities.put(f.id(), f));
            List<DeskBooking> out = new ArrayList<>();
            for (BookingRequest b : readable) {
                String id = Objects.requireNonNull(b.facility());
                Facility f = readableFacilities.get(id);
                if (f == null && !b.nation().equals(user.nation())) continue;
                if (f != null && !f.hostNation().equals(user.nation()) && !b.nation().equals(user.nation())) continue;
                ZoneId zone = f == null ? ZoneOffset.UTC : ZoneId.of(f.zone());
                Instant start = Objects.requireNonNull(b.start());
                if (!onDesk(start, Objects.requireNonNull(b.end()), zone, now)) continue;
                LocalDate today = LocalDate.ofInstant(now, zone);
                boolean onToday = !LocalDate.ofInstant(start, zone).isAfter(today);
                out.add(new DeskBooking(b, f, id, f == null ? null : f.zone(), onToday ? today : today.plusDays(1), onToday));
            }
            return out;
        }
    }

    /** Whether a booking takes place today or tomorrow in the zone's local days. */
    private static boolean onDesk(Instant start, Instant end, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return start.isBefore(today.plusDays(2).atStartOfDay(zone).toInstant()) && end.isAfter(today.atStartOfDay(zone).toInstant());
    }

    @Override
    public synchronized Optional<BookingRequest> cancel(String id, KizunaUser user) {
        Optional<BookingRequest> sent = find(id, user.reader());
        String host = sent.isPresent() ? store.hostNode(id).orElse(null) : null;
        if (sent.isPresent() && host != null && (sent.get().originator() == null || host.equals(sent.get().originator()))) {
            return cancelAtHost(sent.get(), host, user);
        }
        Optional<BookingRequest> b = findFor(id, user, Write.CANCEL_BOOKING_REQUEST);
        b.ifPresent(x -> {
            // the change and the plan that follows commit together, or neither does
            tx.executeWithoutResult(s -> {
                store.setOutcome(id, RequestState.CANCELLED, Reason.of("booking.refused.cancelled"), null, null, null);
                store.setConfirmed(id, false);
                replan();
                share(id);
            });
            publish(x, RequestState.CANCELLED, "cancelled by the requester", null, null);
        });
        return b.flatMap(x -> store.find(id));
    }

    /**
     * A request this node sent to its host's node, waiting for the host's answer or back as the host's booking: the
     * cancellation is asked of the host's node, which plans it (docs/booking.md, "Requests to the host's node"). The
     * request shows as cancelled when the host's change arrives; it stays as it is until then.
     */
    private Optional<BookingRequest> cancelAtHost(BookingRequest b, String host, KizunaUser user) {
        writes.authorize(user, Write.CANCEL_BOOKING_REQUEST, b.nation());
        if (b.state() == RequestState.CANCELLED) return Optional.of(b);
        if (!federation.approvedPeer(host)) throw Problems.told(HttpStatus.CONFLICT, "Conflict", "booking.problem.host-not-peer", b.id(), host);
        tx.executeWithoutResult(
                s -> events.publishEvent(new PeerRequestSent(BookingShares.cancellation(RecordIds.next("BX", nation), b, host, user.username()))));
        log.info("booking: {} asked {}'s node to cancel request {}", user.username(), host, b.id());
        return Optional.of(b);
    }

    @Override
    public synchronized Optional<BookingRequest> propose(String id, Instant preferredStart, KizunaUser user) {
        Optional<BookingRequest> b = findFor(id, user, Write.PROPOSE_BOOKING_START);
        if (b.isEmpty()) return b;
        BookingRequest x = b.get();
        if (preferredStart.isBefore(x.earliestStart()) || preferredStart.isAfter(x.latestStart())) {
            throw refused("booking.proposal.outside", preferredStart.toString(), x.earliestStart().toString(), x.latestStart().toString());
        }
        tx.executeWithoutResult(s -> {
            store.setPreferred(id, preferredStart.truncatedTo(ChronoUnit.MINUTES));
            store.setConfirmed(id, false);
            replan();
            share(id);
        });
        return store.find(id);
    }

    @Override
    public synchronized Optional<BookingRequest> confirm(String id, boolean confirmed, KizunaUser user) {
        Optional<BookingRequest> b = findFor(id, user, Write.CONFIRM_BOOKING);
        if (b.isEmpty()) return b;
        if (confirmed && b.get().state() != RequestState.BOOKED) {
            throw refused("booking.confirm.not-booked", id, b.get().state().name());
        }
        tx.executeWithoutResult(s -> {
            store.setConfirmed(id, confirmed);
            if (!confirmed) replan();
            share(id);
        });
        return store.find(id);
    }

    /** Re-plans every open request; confirmed bookings stay where they are. Runs in a planner transaction (the lock held). */
    synchronized void replan() {
        Instant now = clock.instant();
        // what is over or beyond the horizon is not re-planned: the planning period stays bounded whatever the table holds
        // a partner's booking (a replica) holds its place as a confirmed booking does, unless a booking of this node that
        // precedes it holds that place (the partner's node then moves its own); its other states are not planned here
        // a request sent to its host's node is planned there (its booking comes back as the host's replica)
        List<BookingRequest> active = store.active();
        Set<String> atHost = store.awaitingHost();
        List<BookingRequest> open = active.stream().filter(b -> plannable(b, now)).filter(b -> !atHost.contains(b.id()))
                .filter(b -> b.originator() == null || (b.state() == RequestState.BOOKED && !outranked(b, active))).toList();
        if (open.isEmpty()) return;
        Instant from = open.stream().map(BookingRequest::earliestStart).min(Instant::compareTo).orElseThrow();
        Instant to = open.stream().map(b -> b.latestStart().plus(Duration.ofMinutes(b.durationMinutes()))).max(Instant::compareTo).orElseThrow();
        Horizon h = new Horizon(from, to, GRAIN_MINUTES);
        long places = open.stream().flatMap(b -> b.facilities().stream()).distinct().mapToLong(store::capacity).sum();
        if (places * h.grains() > limits.maxPlanCells()) {
            // a safety net for capacities configured beyond the limit: says nothing of the other requests that make up the plan
            log.error("re-planning refused: {} places over {} half-hours exceed kizuna.booking.max-plan-cells", places, h.grains());
            throw new PlanningRefused("booking.plan.change-too-large");
        }
        // a facility that holds c bookings at a time is c lanes; a request accepts every lane of its facilities
        List<String> facilityIds = open.stream().flatMap(b -> b.facilities().stream()).distinct().toList();
        Map<String, Facility> facilities = new LinkedHashMap<>();
        Map<String, List<Integer>> lanesOf = new HashMap<>();
        List<String> laneFacility = new ArrayList<>();
        LocalDate today = today();
        List<Problem.Facility> pf = new ArrayList<>();
        for (String f : facilityIds) {
            Facility fac = registry.facility(f, today, node).orElse(null);
            boolean[] closed = new boolean[h.grains()];
            if (fac == null) java.util.Arrays.fill(closed, true);
            else for (JdbcRequests.Window w : store.closures(f)) h.mark(closed, w.start(), w.end(), true);
            facilities.put(f, fac);
            int capacity = store.capacity(f);
            for (int lane = 0; lane < capacity; lane++) {
                lanesOf.computeIfAbsent(f, k -> new ArrayList<>()).add(pf.size());
                laneFacility.add(f);
                pf.add(new Problem.Facility(capacity == 1 ? f : f + "#" + (lane + 1), fac == null ? ZoneId.of("UTC") : ZoneId.of(fac.zone()), closed));
            }
        }
        Map<String, boolean[]> restricted = new HashMap<>();
        boolean[][] laneBusy = new boolean[pf.size()][h.grains()];
        List<Problem.Request> pr = new ArrayList<>();
        boolean[] pinned = new boolean[open.size()];
        Plan current = Plan.empty(open.size());
        for (int i = 0; i < open.size(); i++) {
            BookingRequest b = open.get(i);
            int[] fi = b.facilities().stream().flatMap(f -> Objects.requireNonNull(lanesOf.get(f), "every facility has a lane").stream())
                    .mapToInt(Integer::intValue).toArray();
            boolean[][] closedFor = new boolean[fi.length][];
            for (int k = 0; k < fi.length; k++) {
                String f = laneFacility.get(fi[k]);
                closedFor[k] = restricted.computeIfAbsent(f + "/" + b.nation(), key -> requesterClosures(h, facilities.get(f), f, b.nation()));
            }
            pr.add(new Problem.Request(b.id(), b.nation(), ZoneId.of(b.requesterZone()), fi, b.durationMinutes() / GRAIN_MINUTES,
                    h.grainOf(b.earliestStart()), h.grainOf(b.latestStart()), h.grainOf(b.preferredStart()), b.priority(), b.noisy(), closedFor));
            if (b.state() == RequestState.BOOKED && b.facility() != null && b.start() != null) {
                int s0 = h.grainOf(b.start()), s1 = Math.min(h.grains(), s0 + b.durationMinutes() / GRAIN_MINUTES);
                int lane = Objects.requireNonNull(lanesOf.get(b.facility()), "every facility has a lane").stream().filter(l -> {
                    for (int g = Math.max(0, s0); g < s1; g++) if (laneBusy[l][g]) return false;
                    return true;
                }).findFirst().orElse(lanesOf.get(b.facility()).get(0));
                for (int g = Math.max(0, s0); g < s1; g++) laneBusy[lane][g] = true;
                current.facility()[i] = lane;
                current.start()[i] = s0;
                pinned[i] = b.confirmed() || b.originator() != null;
            }
        }
        Problem problem = new Problem(h, pf, pr, noiseBudgets(h, laneFacility, pf, open));
        Options options = Options.of(problem);
        Plan plan = PlanSolver
                .solve(problem, options, org.kizuna.booking.plan.Greedy.priorityFirst(problem, options, current, pinned), planningTime, pinned,
                        limits.lateAcceptance())
                .plan();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < open.size(); i++) {
                BookingRequest b = open.get(i);
                if (b.originator() != null) continue; // the partner's node plans it
                if (plan.booked(i)) {
                    String f = laneFacility.get(plan.facility()[i]);
                    Instant start = h.instantOf(plan.start()[i]);
                    Instant end = start.plus(Duration.ofMinutes(b.durationMinutes()));
                    if (b.state() != RequestState.BOOKED || !f.equals(b.facility()) || !start.equals(b.start())) {
                        store.setOutcome(b.id(), RequestState.BOOKED, (Reason) null, f, start, end);
                        publish(b, RequestState.BOOKED, null, f, start);
                        share(b.id());
                    }
                } else {
                    Reason why = why(problem, options, i, facilities);
                    String reason = JdbcRequests.fitReason(why.english());
                    if (b.state() != RequestState.REFUSED || !Objects.equals(reason, b.reason())) {
                        store.setOutcome(b.id(), RequestState.REFUSED, why, null, null, null);
                        store.setConfirmed(b.id(), false);
                        publish(b, RequestState.REFUSED, reason, null, null);
                        share(b.id());
                    }
                }
            }
        });
    }

    /**
     * The noise budgets of the facilities in the plan: what each budget still holds once the noisy bookings that are not
     * re-planned (over, or confirmed outside the plan's period) have spent their share of the month.
     */
    private NoiseBudgets noiseBudgets(Horizon h, List<String> laneFacility, List<Problem.Facility> lanes, List<BookingRequest> open) {
        Map<String, Integer> budgets = store.noiseBudgets();
        if (budgets.isEmpty()) return NoiseBudgets.none();
        Set<String> planned = new java.util.HashSet<>(open.stream().map(BookingRequest::id).toList());
        return NoiseBudgets.of(h, laneFacility, lanes.stream().map(Problem.Facility::zone).toList(), budgets, (facility, month) -> {
            ZoneId zone = lanes.get(laneFacility.indexOf(facility)).zone();
            Instant from = month.atDay(1).atStartOfDay(zone).toInstant(), to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            long minutes = 0;
            for (BookingRequest b : store.active()) {
                if (planned.contains(b.id()) || !b.noisy() || b.state() != RequestState.BOOKED || !facility.equals(b.facility()) || b.start() == null
                        || b.end() == null)
                    continue;
                minutes += overlapMinutes(b.start(), b.end(), from, to);
            }
            return (int) (minutes / GRAIN_MINUTES);
        });
    }

    /** Minutes [a0, a1) and [b0, b1) share. */
    static long overlapMinutes(Instant a0, Instant a1, Instant b0, Instant b1) {
        Instant s = a0.isAfter(b0) ? a0 : b0, e = a1.isBefore(b1) ? a1 : b1;
        return e.isAfter(s) ? Duration.between(s, e).toMinutes() : 0;
    }

    /** Grains a facility is closed to forces of {@code nation}: outside agreed II-4(b) periods for US forces, before an access agreement is in force. */
    private boolean[] requesterClosures(Horizon h, @Nullable Facility fac, String facilityId, String nation) {
        boolean[] closed = new boolean[h.grains()];
        if (fac == null) return closed;
        if ("II-4(b)".equals(fac.jointUse()) && "USA".equals(nation)) {
            java.util.Arrays.fill(closed, true);
            for (JdbcRequests.Window w : store.agreedPeriods(facilityId)) h.mark(closed, w.start(), w.end(), false);
        }
        if (closed.length == 0 || nation.equals(fac.hostNation())) return closed;
        ZoneId zone = ZoneId.of(fac.zone());
        // the agreements in force by the horizon's last day, read once: each day checks their entry into force
        List<AccessAgreement> agreements = registry.agreements(h.instantOf(closed.length - 1).atZone(zone).toLocalDate(), node);
        Map<LocalDate, Boolean> allowed = new HashMap<>();
        for (int g = 0; g < closed.length; g++) {
            LocalDate day = h.instantOf(g).atZone(zone).toLocalDate();
            if (!allowed.computeIfAbsent(day, d -> AccessAgreement.mayUse(agreements, nation, fac.hostNation(), d))) closed[g] = true;
        }
        return closed;
    }

    /** Why request i got no booking, by the rules that block it; other units' bookings are not named. */
    static String explain(Problem p, Options o, int i, Map<String, Facility> facilities) {
        return why(p, o, i, facilities).english();
    }

    /**
     * Why request {@code i} is refused, as a reason ({@code booking.refused.*}) told in the reader's language when read;
     * its English text is {@link #explain}. It names only the rules and the count of possible times, whoever holds them.
     */
    static Reason why(Problem p, Options o, int i, Map<String, Facility> facilities) {
        Problem.Request q = p.requests().get(i);
        if (o.count(i) > 0) {
            // the same words whoever holds those times, and whatever their priority: the reader sees them as reserved times
            boolean budgeted = q.noisy() && java.util.Arrays.stream(q.facilities()).anyMatch(f -> p.noise().applies(f));
            return Reason.of(budgeted ? "booking.refused.reserved-or-noise" : "booking.refused.reserved", String.valueOf(o.count(i)));
        }
        Horizon h = p.horizon();
        List<Reason> parts = new ArrayList<>();
        for (int k = 0; k < q.facilities().length; k++) {
            Problem.Facility f = p.facilities().get(q.facilities()[k]);
            Facility registered = facilities.get(f.id());
            int closure = 0, quiet = 0, requester = 0, starts = 0;
            for (int s = q.earliest(); s <= q.latest(); s++) {
                starts++;
                boolean c = false, qu = false, rq = false;
                for (int g = s; g < s + q.duration(); g++) {
                    if (g < 0 || g >= h.grains() || f.closed()[g]) c = true;
                    else if (q.closedToRequester(k, g)) rq = true;
                    else if (q.noisy() && Horizon.quiet(h.instantOf(g).atZone(f.zone()))) qu = true;
                }
                if (c) closure++;
                else if (rq) requester++;
                else if (qu) quiet++;
            }
            List<Reason> why = new ArrayList<>();
            if (closure > 0) why.add(Reason.of("booking.refused.closure", String.valueOf(closure)));
            if (requester > 0) {
                boolean jointUse = registered != null && "II-4(b)".equals(registered.jointUse()) && "USA".equals(q.nation());
                why.add(jointUse
                        ? Reason.of("booking.refused.joint-use", String.valueOf(requester))
                        : Reason.of("booking.refused.no-access", String.valueOf(requester), q.nation()));
            }
            if (quiet > 0) why.add(Reason.of("booking.refused.quiet", String.valueOf(quiet), String.valueOf(f.zone())));
            parts.add(Reason.of("booking.refused.facility", f.id(), String.valueOf(starts), Reason.list(why)));
        }
        return Reason.of("booking.refused.no-start", Reason.sentences(parts));
    }

    /** The day the registry is asked about: the node clock's date in UTC, as the registry's own API defaults to. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The longest planning period in half-hours: the past allowance, the horizon, a start window and a duration. */
    private long maxPlanGrains() {
        return (limits.pastDays() + limits.horizonDays() + 60L + 15L) * 24 * 60 / GRAIN_MINUTES;
    }

    /** Whether a stored request is re-planned: its window ends after the past limit and starts within the horizon, with bounded duration and window. */
    private boolean plannable(BookingRequest b, Instant now) {
        Instant end = b.latestStart().plus(Duration.ofMinutes(b.durationMinutes()));
        return end.isAfter(now.minus(Duration.ofDays(limits.pastDays())))
                && !b.earliestStart().isAfter(now.plus(Duration.ofDays(limits.horizonDays())))
                && b.durationMinutes() <= 14 * 24 * 60 && Duration.between(b.earliestStart(), b.latestStart()).toDays() <= 60
                && b.facilities().size() <= limits.maxFacilities();
    }

    @Override
    public Optional<List<Reserved>> reserved(String facility, Instant from, Instant to, Reader reader) {
        if (registry.facility(facility, today(), reader).isEmpty()) return Optional.empty();
        // every booking holds its place whoever may read it; only the times and the number of places held are shown
        List<long[]> changes = new ArrayList<>();
        for (JdbcRequests.Window w : store.booked(facility, from, to)) {
            changes.add(new long[]{Math.max(w.start().getEpochSecond(), from.getEpochSecond()), 1});
            changes.add(new long[]{Math.min(w.end().getEpochSecond(), to.getEpochSecond()), -1});
        }
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int capacity = store.capacity(facility);
        List<Reserved> out = new ArrayList<>();
        int held = 0, level = 0, k = 0;
        long since = 0;
        while (k < changes.size()) {
            long t = changes.get(k)[0];
            if (level > 0 && t > since) {
                Reserved last = out.isEmpty() ? null : out.getLast();
                if (last != null && last.end().getEpochSecond() == since && last.places() == level) {
                    out.set(out.size() - 1, new Reserved(last.start(), Instant.ofEpochSecond(t), level));
                } else {
                    out.add(new Reserved(Instant.ofEpochSecond(since), Instant.ofEpochSecond(t), level));
                }
            }
            while (k < changes.size() && changes.get(k)[0] == t) held += (int) changes.get(k++)[1];
            level = Math.min(held, capacity);
            since = t;
        }
        return Optional.of(out);
    }

    /** A submission the planner cannot handle: answered 422, and its row is rolled back. */
    static final class PlanningRefused extends Problems.Coded {
        PlanningRefused(String code, Object... args) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "Request not planned", code, args.clone());
        }

        @Override
        public String getTitleMessageCode() {
            return "booking.plan.title";
        }
    }

    // ---- federation

    /**
     * Offers a newly admitted peer every request filed on this node, at its share version now (not raised), for that peer
     * only: federation guards each for the peer and queues what it was not sent at that version ({@link Offers}).
     */
    void offerTo(String peer) {
        int n = Offers.offer(requiresNew, events, peer, store::ownSharedIds,
                id -> store.find(id).filter(b -> b.originator() == null).map(b -> BookingShares.shareable(b, nation, store.shareVersion(id))));
        log.info("booking: offered {} request(s) to the newly admitted peer {}", n, peer);
    }

    /** Publishes a request filed on this node for the partners' nodes, in the caller's transaction (replicas are never shared again). */
    private void share(String id) {
        store.find(id).filter(b -> b.originator() == null)
                .ifPresent(b -> events.publishEvent(new ShareableChanged(BookingShares.shareable(b, nation, store.bumpShareVersion(id)))));
    }

    /**
     * Keeps a replica of a partner node's request: replaced whole by a newer version, removed when withdrawn; then, when
     * its booking took or left a place, re-plans this node's requests around it (a request of this node that is not
     * confirmed moves off its place). A request of this node, or another node's replica, with the same id is left alone.
     * The replicas of one arrival ({@link org.kizuna.federation.ShareableReceived}) are kept all in one transaction of its
     * own, committed before the lock is released, or each in its own where one of them cannot be kept
     * ({@link Replicas#applyAll}).
     */
    synchronized void applyReplicas(List<Shareable> items, String from) {
        Replicas.applyAll(requiresNew, items, item -> applyReplica(item, from));
    }

    /** One replica, in the transaction of {@link #applyReplicas} (joined). */
    private void applyReplica(Shareable item, String from) {
        Boolean replan = tx.execute(t -> {
            BookingRequest held = store.find(item.id()).orElse(null);
            // a request this node sent to its host's node comes back as that node's: its replica replaces the request
            boolean sentThere = held != null && held.originator() == null && from.equals(store.hostNode(held.id()).orElse(null));
            if (held != null && !from.equals(held.originator()) && !sentThere) {
                log.warn("federation: {}'s booking request {} has the id of a request this node holds; not kept", from, item.id());
                return false;
            }
            if (held != null && store.shareVersion(item.id()) >= item.version()) return false;
            BookingRequest r = null;
            if (!item.parts().isEmpty()) {
                try {
                    r = BookingShares.replica(item, from);
                } catch (RuntimeException e) {
                    log.warn("federation: {}'s booking request {} (version {}) is not well formed; not kept: {}", from, item.id(), item.version(),
                            e.getMessage());
                    return false;
                }
            }
            if (r == null) {
                if (held != null && !sentThere) store.delete(item.id());
                if (sentThere) return false; // withdrawn before it came: the request stays as it was
            } else {
                String host = held == null ? null : store.hostNode(item.id()).orElse(null);
                store.storeReplica(r, from, item.version(), held != null);
                if (host != null) store.setHostNode(item.id(), host); // still the request this node sent there
                publish(r, r.state(), r.reason(), r.facility(), r.start());
            }
            List<BookingRequest> active = store.active();
            // re-plan only for what changes this node's plan: a partner's booking that takes the place of one of this node's
            // it precedes, or a place freed that a refused request of this node asked for
            BookingRequest arrived = r;
            boolean takes = arrived != null && arrived.state() == RequestState.BOOKED
                    && active.stream().anyMatch(b -> b.originator() == null && clash(arrived, b) && precedes(arrived, b));
            boolean frees = held != null && held.state() == RequestState.BOOKED && held.facility() != null
                    && (r == null || r.state() != RequestState.BOOKED || !Objects.equals(r.facility(), held.facility())
                            || !Objects.equals(r.start(), held.start()))
                    && active.stream().anyMatch(b -> b.originator() == null && b.state() == RequestState.REFUSED && b.facilities().contains(held.facility()));
            return takes || frees;
        });
        if (Boolean.TRUE.equals(replan)) replanSoon();
    }

    // ---- requests between nodes: a booking request for facilities another node's nation hosts

    /**
     * A partner node's request for facilities this node's nation hosts (docs/booking.md, "Requests to the host's node"):
     * checked as a request of that nation (its unit that nation's, every facility hosted by this node's nation, the
     * label one that nation may read), filed here under the same id and planned with this node's own requests, and
     * answered in the same transaction: accepted when booked, else refused with the planner's reason, which names only
     * the rules and the count of possible times, whoever holds them. The request is then this node's: its booking, and
     * every later change, reach the partners' nodes as any change (the requesting node's replica replaces its request).
     */
    synchronized void requestFrom(PeerRequest r, String from) {
        requiresNew.executeWithoutResult(t -> {
            Reason refusal;
            BookingShares.Asked asked;
            Checked c;
            try {
                asked = BookingShares.asked(r);
                c = check(asked.request(), Reader.highestOf(from), unit -> {
                    if (!unit.nation().equals(from)) throw refused("booking.answer.not-their-unit", unit.id(), from);
                });
                for (Facility f : c.facilities()) {
                    if (!f.hostNation().equals(nation)) throw refused("booking.answer.not-hosted", f.id(), nation);
                }
                // an id of the asking node's space can only be one of its own requests (RecordIds): naming it reveals nothing
                if (!RecordIds.madeOn(r.id(), from)) throw refused("booking.answer.id-not-theirs", r.id(), from);
                if (store.find(r.id()).isPresent()) throw refused("booking.answer.id-taken", r.id());
                refusal = null;
            } catch (Problems.Coded e) {
                Object[] args = java.util.Arrays.stream(e.getDetailMessageArguments()).map(a -> a instanceof Reason x ? x : (Object) String.valueOf(a))
                        .toArray();
                refusal = e.getDetailMessageCode().startsWith("booking.answer.")
                        ? Reason.of(e.getDetailMessageCode(), args)
                        : Reason.of("booking.answer.invalid", Reason.of(e.getDetailMessageCode(), args));
                asked = null;
                c = null;
            } catch (RuntimeException e) {
                refusal = Reason.of("booking.answer.malformed", String.valueOf(e.getMessage()));
                asked = null;
                c = null;
            }
            if (refusal != null || asked == null || c == null) {
                log.info("federation: {}'s booking request {} refused: {}", from, r.id(), refusal == null ? "" : refusal.english());
                events.publishEvent(PeerRequestAnswered.of(r.id(), from, false, Objects.requireNonNull(refusal)));
                return;
            }
            store.insert(r.id(), asked.request(), c.label(), from, c.unit().zone(), asked.requestedBy());
            replan();
            BookingRequest planned = store.find(r.id()).orElseThrow();
            if (planned.state() == RequestState.BOOKED) {
                events.publishEvent(PeerRequestAnswered.of(r.id(), from, true,
                        Reason.of("booking.answer.booked", String.valueOf(planned.facility()), String.valueOf(planned.start()))));
            } else {
                Reason why = Reason.fromStored(planned.reasonCode());
                events.publishEvent(PeerRequestAnswered.of(r.id(), from, false,
                        Reason.of("booking.answer.refused", why != null ? why : String.valueOf(planned.reason()))));
            }
        });
    }

    /**
     * A partner node's cancellation of a request it filed here (its id one made on that node): cancelled and re-planned as
     * a cancellation by its requester is, and answered in the same transaction; the change reaches the partners' nodes as
     * any change. The same words for an id this node does not hold and for one that is not that node's request.
     */
    synchronized void cancelFrom(PeerRequest r, String from) {
        requiresNew.executeWithoutResult(t -> {
            String target = r.header().getOrDefault("request", "");
            BookingRequest b = RecordIds.madeOn(target, from)
                    ? store.find(target).filter(x -> x.originator() == null && x.nation().equals(from)).orElse(null)
                    : null;
            if (b == null) {
                events.publishEvent(PeerRequestAnswered.of(r.id(), from, false, Reason.of("booking.answer.no-such-request", target, from)));
                return;
            }
            if (b.state() != RequestState.CANCELLED) {
                store.setOutcome(b.id(), RequestState.CANCELLED, Reason.of("booking.refused.cancelled"), null, null, null);
                store.setConfirmed(b.id(), false);
                replan();
                share(b.id());
                publish(b, RequestState.CANCELLED, "cancelled by the requester", null, null);
            }
            log.info("federation: {}'s node cancelled its booking request {}", from, b.id());
            events.publishEvent(PeerRequestAnswered.of(r.id(), from, true, Reason.of("booking.answer.cancelled", b.id())));
        });
    }

    /**
     * Where a request this node sent to its host's node came to rest before its booking came back: refused there (kept
     * with the host's reason), or not sent at all (the host's node is no longer an approved peer, or the guard withheld
     * it): this node then plans it, as it plans requests for hosts whose node is not a peer. An accepted request waits
     * for its booking, which the host's node shares as any change.
     */
    synchronized void answered(PeerAnswerReceived a) {
        Boolean replan = requiresNew.execute(t -> {
            BookingRequest b = store.find(a.requestId()).orElse(null);
            String host = store.hostNode(a.requestId()).orElse(null);
            // once the host's replica came back, it says where the request stands
            if (b == null || b.originator() != null || host == null || b.state() != RequestState.PENDING) return false;
            if (a.state().equals("not-sent")) {
                log.info("federation: booking request {} was not sent to {}'s node ({}); planned here", b.id(), host, a.reason());
                store.setHostNode(b.id(), null);
                store.setOutcome(b.id(), RequestState.PENDING, (Reason) null, null, null, null);
                return true;
            }
            if (a.state().equals("refused")) {
                Reason told = Reason.fromStored(a.reasonCode());
                Reason why = Reason.of("booking.refused.by-host", host, told != null ? told : String.valueOf(a.reason()));
                store.setOutcome(b.id(), RequestState.REFUSED, why, null, null, null);
                publish(b, RequestState.REFUSED, JdbcRequests.fitReason(why.english()), null, null);
            }
            return false;
        });
        if (Boolean.TRUE.equals(replan)) tx.executeWithoutResult(t -> replan());
    }

    /**
     * Which of two bookings holding the same place keeps it, decided alike on both nodes: a confirmed one, then the higher
     * priority, then the smaller id. The other's node moves its own, so two nodes never both move off one place.
     */
    static boolean precedes(BookingRequest a, BookingRequest b) {
        if (a.confirmed() != b.confirmed()) return a.confirmed();
        if (a.priority() != b.priority()) return a.priority() > b.priority();
        return a.id().compareTo(b.id()) < 0;
    }

    /** Whether two booked requests hold the same one-place facility at overlapping times. */
    private boolean clash(BookingRequest a, BookingRequest b) {
        return !a.id().equals(b.id()) && a.state() == RequestState.BOOKED && b.state() == RequestState.BOOKED && a.facility() != null
                && a.facility().equals(b.facility()) && a.start() != null && a.end() != null && b.start() != null && b.end() != null
                && a.start().isBefore(b.end()) && b.start().isBefore(a.end()) && store.capacity(a.facility()) == 1;
    }

    /** Whether a partner's booking clashes with a booking of this node that precedes it (it is then left out of this node's plan). */
    private boolean outranked(BookingRequest replica, List<BookingRequest> active) {
        return active.stream().anyMatch(b -> b.originator() == null && clash(replica, b) && precedes(b, replica));
    }

    private final java.util.concurrent.atomic.AtomicBoolean replanPending = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Re-plans shortly, once for a burst of arrivals (each re-plan searches for {@code planning-millis}): the first
     * arrival starts a virtual thread that waits a moment and re-plans with whatever has arrived by then.
     */
    private void replanSoon() {
        if (!replanPending.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("booking-replan").start(() -> {
            try {
                Thread.sleep(REPLAN_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            replanPending.set(false);
            try {
                synchronized (this) {
                    tx.executeWithoutResult(t -> replan());
                }
            } catch (RuntimeException e) {
                log.warn("federation: re-planning around partners' bookings failed; the next change re-plans: {}", e.getMessage());
            }
        });
    }

    private static final Duration REPLAN_DELAY = Duration.ofMillis(300);

    private void publish(BookingRequest b, RequestState state, @Nullable String reason, @Nullable String facility, @Nullable Instant start) {
        events.publishEvent(new BookingRequestStateChanged(b.id(), b.unit(), state, reason, facility, start, b.label(), clock.instant()));
    }
}
