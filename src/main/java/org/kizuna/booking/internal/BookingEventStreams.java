package org.kizuna.booking.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kizuna.booking.BookingRequestStateChanged;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.ReadPath;
import org.kizuna.node.Problems;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The booking event streams open on this node ({@code GET /api/v1/booking/events}): each stream hears of the state
 * changes its user may read, and nothing of the others, not even that something changed. At most
 * {@link #MAX_STREAMS} are open at once; a further one is a 503 problem.
 */
@Component
class BookingEventStreams {

    /** At most this many event streams are open at once; a further one is a 503 problem. */
    static final int MAX_STREAMS = 1000;

    private record Subscriber(SseEmitter emitter, ReadPath.Subscription subscription, String username) {
    }

    private final ReadPath readPath;
    private final UserDirectory users;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    BookingEventStreams(ReadPath readPath, UserDirectory users) {
        this.readPath = readPath;
        this.users = users;
    }

    /** Opens a stream for the user: offered to the read path (and so to the audit log) once, now. */
    SseEmitter open(KizunaUser user) {
        if (subscribers.size() >= MAX_STREAMS) {
            throw Problems.coded(HttpStatus.SERVICE_UNAVAILABLE, "booking.stream.full", String.valueOf(MAX_STREAMS));
        }
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber s = new Subscriber(emitter, readPath.subscribe(user.reader(), "booking/events"), user.username());
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        if (users.isDisabled(user.username())) end(s); // the user was disabled while this stream opened
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

    /**
     * Tells each subscriber of a change it may read; the others learn nothing, not even that something changed.
     * <p>
     * A plain {@code @EventListener}, not an {@code @ApplicationModuleListener}: the event is this module's own and the
     * reaction is a push to the browsers whose streams are open at this moment, made in the thread that changed the
     * request. A page opened later loads the current requests itself, so there is nothing for the event publication
     * registry to keep and replay: a replay after a restart would find none of these streams open.
     */
    @EventListener
    void on(BookingRequestStateChanged event) {
        List<Subscriber> gone = new java.util.ArrayList<>();
        for (Subscriber s : subscribers) {
            if (!s.subscription().mayRead(event)) continue;
            try {
                s.emitter().send(SseEmitter.event().name("state").data(Map.of("request", event.requestId(), "state", event.state().name(),
                        "reason", event.reason() == null ? "" : event.reason(), "label", event.label().banner())));
            } catch (IOException | IllegalStateException e) {
                gone.add(s);
            }
        }
        subscribers.removeAll(gone);
    }
}
