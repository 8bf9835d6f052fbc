package org.kizuna.booking.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.Bookings;
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.booking.Reserved;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.registry.Registry;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/**
 * The booking API: requests, their state, confirmation, calendars as iCalendar, and a stream of state changes
 * ({@link BookingEventStreams}). Each method takes the signed-in user (or that user as reader) as a parameter.
 */
@RestController
@RequestMapping("/api/v1/booking")
class BookingController {

    private final Bookings bookings;
    private final Registry registry;
    private final BookingEventStreams streams;
    private final Clock clock;

    BookingController(Bookings bookings, Registry registry, BookingEventStreams streams, Clock clock) {
        this.bookings = bookings;
        this.registry = registry;
        this.streams = streams;
        this.clock = clock;
    }

    @PostMapping("/requests")
    ResponseEntity<BookingRequest> submit(@Valid @RequestBody NewRequest request, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bookings.submit(request, user).in(language()));
    }

    @GetMapping("/requests")
    List<BookingRequest> requests(@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String facility,
            Reader reader) {
        Locale language = language();
        return bookings.requests(unit, facility, reader).stream().map(b -> b.in(language)).toList();
    }

    /** The reader's language: a request's reason is told in it ({@link BookingRequest#in}). */
    private static Locale language() {
        return LocaleContextHolder.getLocale();
    }

    @GetMapping("/requests/{id}")
    BookingRequest request(@PathVariable String id, Reader reader) {
        return bookings.find(id, reader).orElseThrow(() -> notFound(id)).in(language());
    }

    @DeleteMapping("/requests/{id}")
    BookingRequest cancel(@PathVariable String id, KizunaUser user) {
        return bookings.cancel(id, user).orElseThrow(() -> notFound(id)).in(language());
    }

    /** @param preferredStart the new preferred start; the planner decides where the booking goes */
    record Proposal(@NotNull(message = "{booking.request.instant}") Instant preferredStart) {
    }

    @PostMapping("/requests/{id}/proposal")
    BookingRequest propose(@PathVariable String id, @Valid @RequestBody Proposal proposal, KizunaUser user) {
        return bookings.propose(id, proposal.preferredStart(), user).orElseThrow(() -> notFound(id)).in(language());
    }

    @PostMapping("/requests/{id}/confirmation")
    BookingRequest confirm(@PathVariable String id, @RequestParam(defaultValue = "true") boolean confirmed, KizunaUser user) {
        return bookings.confirm(id, confirmed, user).orElseThrow(() -> notFound(id)).in(language());
    }

    record ReservedTimes(String facility, Instant from, Instant to, List<Reserved> reserved) {
    }

    /**
     * When the facility's places are held, whoever holds them: only times and the number of places (docs/label.md).
     * From now for 14 days by default; at most 62 days at a time.
     */
    @GetMapping("/facilities/{id}/reserved")
    ReservedTimes reserved(@PathVariable String id, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, Reader reader) {
        Instant a = from != null ? from : clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant b = to != null ? to : a.plus(Duration.ofDays(14));
        if (!b.isAfter(a)) throw Problems.coded(HttpStatus.BAD_REQUEST, "booking.reserved.order");
        if (Duration.between(a, b).toDays() > 62) throw Problems.coded(HttpStatus.BAD_REQUEST, "booking.reserved.span");
        return new ReservedTimes(id, a, b, bookings.reserved(id, a, b, reader).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(value = "/facilities/{id}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> facilityCalendar(@PathVariable String id, Reader reader) {
        if (registry.facility(id, today(), reader).isEmpty()) throw notFound(id);
        return ics("Bookings at " + id, bookings.requests(null, id, reader), reader);
    }

    @GetMapping(value = "/units/{id}/calendar.ics", produces = "text/calendar")
    ResponseEntity<String> unitCalendar(@PathVariable String id, Reader reader) {
        if (registry.organization(id, today(), reader).isEmpty()) throw notFound(id);
        return ics("Bookings of " + id, bookings.requests(id, null, reader), reader);
    }

    /** Each booking in its facility's zone (UTC where the reader may not read the facility), looked up once per facility. */
    private ResponseEntity<String> ics(String name, List<BookingRequest> requests, Reader r) {
        LocalDate today = today();
        Map<String, ZoneId> zones = new HashMap<>();
        List<IcsCalendar.Event> events = requests.stream().filter(b -> b.state() == RequestState.BOOKED)
                .map(b -> new IcsCalendar.Event(b, zones.computeIfAbsent(b.facility(),
                        f -> registry.facility(f, today, r).map(x -> ZoneId.of(x.zone())).orElse(ZoneId.of("UTC")))))
                .toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .body(IcsCalendar.of(name, events, clock.instant()));
    }

    /** The day the registry is asked about: the node clock's date in UTC, as the registry's own API defaults to. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(KizunaUser user) {
        return streams.open(user);
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.coded(HttpStatus.NOT_FOUND, "booking.not-found", id);
    }
}
