package org.kizuna.booking.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.BookingRequestStateChanged;
import org.kizuna.booking.Bookings;
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.booking.Reserved;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.registry.Registry;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The booking API: requests, their state, confirmation, calendars as iCalendar, and a stream of state changes. */
@RestController
@RequestMapping("/api/v1/booking")
class BookingController {

    private final Bookings bookings;
    private final CurrentUser user;
    private final Registry registry;
    private final ReadPath readPath;
    private final UserDirectory users;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** At most this many event streams are open at once; a further one is a 503 problem. */
    static final int MAX_STREAMS = 1000;

    private record Subscriber(SseEmitter emitter, ReadPath.Subscription subscription, String username) {
    }

    BookingController(Bookings bookings, CurrentUser user, Registry registry, ReadPath readPath, UserDirectory users) {
        this.bookings = bookings;
        this.user = user;
        this.registry = registry;
        this.readPath = readPath;
        this.users = users;
    }

    @PostMapping("/requests")
    ResponseEntity<BookingRequest> submit(@RequestBody NewRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bookings.submit(request, user.require()));
    }

    @GetMapping("/requests")
    List<BookingRequest> requests(@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String facility) {
        return bookings.requests(unit, facility, user.reader());
    }

    @GetMapping("/requests/{id}")
    BookingRequest request(@PathVariable String id) {
        return bookings.find(id, user.reader()).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/requests/{id}")
    BookingRequest cancel(@PathVariable String id) {
        return bookings.cancel(id, user.require()).orElseThrow(() -> notFound(id));
    }

    record Proposal(Instant preferredStart) {
    }

    @PostMapping("/requests/{id}/proposal")
    BookingRequest propose(@PathVariable String id, @RequestBody Proposal proposal) {
        if (proposal.preferredStart() == null) throw new IllegalArgumentException("preferredStart is required");
        return bookings.propose(id, proposal.preferredStart(), user.require()).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/requests/{id}/confirmation")
    BookingRequest confirm(@PathVariable String id, @RequestParam(defaultValue = "true") boolean confirmed) {
        return bookings.confirm(id, confirmed, user.require()).orElseThrow(() -> notFound(id));
    }

    record ReservedTimes(String facility, Instant from, Instant to, List<Reserved> reserved) {
    }

    /**
     * When the facility's places are held, whoever holds them: only times and the number of places (docs/label.md).
     * From now for 14 days by default; at most 62 days at a time.
     */
    @GetMapping("/facilities/{id}/reserved")
    ReservedTimes reserved(@PathVariable String id, @RequestParam(required = false) @Nullable Instant from,
                           @RequestParam(required = false) @Nullable Instant to) {
        Instant a = from != null ? from : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant b = to != null ? to : a.plus(java.time.Duration.ofDays(14));
        if (!b.isAfter(a)) throw new IllegalArgumentException("'to' must be after 'from'");
        if (java.time.Duration.between(a, b).toDays() > 62) throw new IllegalArgumentException("ask for at most 62 days of reserved times at a time");
        return new ReservedTimes(id, a, b, bookings.reserved(id, a, b, user.reader()).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(value = "/facilities/{id}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> facilityCalendar(@PathVariable String id) {
        Reader r = user.reader();
        if (registry.facility(id, LocalDate.now(), r).isEmpty()) throw notFound(id);
        return ics("Bookings at " + id, bookings.requests(null, id, r), r);
    }

    @GetMapping(value = "/units/{id}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> unitCalendar(@PathVariable String id) {
        Reader r = user.reader();
        if (registry.organization(id, LocalDate.now(), r).isEmpty()) throw notFound(id);
        return ics("Bookings of " + id, bookings.requests(id, null, r), r);
    }

    /** Each booking in its facility's zone (UTC where the reader may not read the facility), looked up once per facility. */
    private ResponseEntity<String> ics(String name, List<BookingRequest> requests, Reader r) {
        LocalDate today = LocalDate.now();
        Map<String, ZoneId> zones = new HashMap<>();
        List<IcsCalendar.Event> events = requests.stream().filter(b -> b.state() == RequestState.BOOKED)
                .map(b -> new IcsCalendar.Event(b, zones.computeIfAbsent(b.facility(),
                        f -> registry.facility(f, today, r).map(x -> ZoneId.of(x.zone())).orElse(ZoneId.of("UTC")))))
                .toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .body(IcsCalendar.of(name, events, Instant.now()));
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        if (subscribers.size() >= MAX_STREAMS) {
            throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "this node serves " + MAX_STREAMS + " booking event streams at once, its limit; try again later");
        }
        SseEmitter emitter = new SseEmitter(0L);
        String username = user.require().username();
        Subscriber s = new Subscriber(emitter, readPath.subscribe(user.reader(), "booking/events"), username);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        if (users.isDisabled(username)) end(s); // the user was disabled while this stream opened
        return emitter;
    }

    /** Completes every open event stream of the user (an administrator disabled it): the browser sees the end at once. */
    void endStreamsOf(String username) {
        for (Subscriber s : subscribers) {
            if (s.username().equals(username)) end(s);
        }
    }

    private void end(Subscriber s) {
        subscribers.remove(s);
        try {
            s.emitter().complete();
        } catch (RuntimeException alreadyDone) {
            // completed or failed already
        }
    }

    /** Tells each subscriber of a change it may read; the others learn nothing, not even that something changed. */
    @EventListener
    void on(BookingRequestStateChanged event) {
        for (Subscriber s : subscribers) {
            if (!s.subscription().mayRead(event)) continue;
            try {
                s.emitter().send(SseEmitter.event().name("state").data(Map.of("request", event.requestId(), "state", event.state().name(),
                        "reason", event.reason() == null ? "" : event.reason(), "label", event.label().banner())));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    private static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no booking request, facility or unit '" + id + "'");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return new ErrorResponseException(status, p, null);
    }
}
