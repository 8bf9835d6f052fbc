package org.kizuna.picture.internal.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.node.Problems;
import org.kizuna.picture.internal.PictureSettings;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.Subscriber;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/picture/stream}: the signed-in reader's picture as server-sent events. The first
 * {@code tracks} event is the whole visible picture ({@code replay}), then changed tracks as they come;
 * a {@code tick} event at least once a second carries the server time, so the map ages tracks even
 * when nothing moves. Each stream has its own writer thread and a bounded queue (oldest frame dropped).
 * <p>
 * At most {@code kizuna.picture.max-streams} streams are open at once (a further one is a 503 problem).
 * When the node stops, every open stream is completed first (this lifecycle stops before the web
 * server's graceful shutdown, which would otherwise wait for the never-ending responses), so browsers
 * see the end at once and the node stops within seconds. When an administrator disables a user, that
 * user's open streams are completed at once ({@link CotUserAccess}).
 */
@RestController
class StreamController implements SmartLifecycle {

    private static final int QUEUED_FRAMES = 32;

    private final LivePicture picture;
    private final UserDirectory users;
    private final int maxStreams;
    private final Set<BrowserStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    StreamController(LivePicture picture, UserDirectory users, PictureSettings settings) {
        this.picture = picture;
        this.users = users;
        this.maxStreams = settings.maxStreams();
    }

    @GetMapping(value = "/api/v1/picture/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(KizunaUser user) {
        if (!running) throw Problems.coded(HttpStatus.SERVICE_UNAVAILABLE, "picture.stream.stopping");
        if (open.size() >= maxStreams) {
            throw Problems.coded(HttpStatus.SERVICE_UNAVAILABLE, "picture.stream.full", String.valueOf(maxStreams));
        }
        SseEmitter emitter = new SseEmitter(0L);
        String username = user.username();
        BrowserStream stream = new BrowserStream(emitter, username);
        open.add(stream);
        AutoCloseable subscription = picture.subscribe(user.reader(), stream);
        Runnable end = () -> {
            open.remove(stream);
            stream.close();
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the picture is shutting down
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        Thread.ofVirtual().name("sse-" + username).start(() -> stream.pump(end));
        if (!running || users.isDisabled(username)) {
            // the node began to stop, or the user was disabled, while this stream opened. The emitter is completed
            // before Spring hands it to the response, so its completion callback never runs: give back the stream's
            // slot and its subscription here
            stream.finish();
            end.run();
        }
        return emitter;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        running = true;
    }

    /** Completes every open stream: their clients see the end, and their requests end before the server stops. */
    @Override
    public void stop() {
        running = false;
        for (BrowserStream s : List.copyOf(open)) s.finish();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Completes every open stream of the user: the browser sees the end at once. */
    void endStreamsOf(String username) {
        for (BrowserStream s : List.copyOf(open)) {
            if (s.username.equals(username)) s.finish();
        }
    }

    int openStreams() {
        return open.size();
    }

    private static final class BrowserStream implements Subscriber {
        private final SseEmitter emitter;
        private final String username;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ready = lock.newCondition();
        private final ArrayDeque<Frame> queue = new ArrayDeque<>();
        private volatile boolean open = true;

        BrowserStream(SseEmitter emitter, String username) {
            this.emitter = emitter;
            this.username = username;
        }

        @Override
        public void deliver(Frame frame) {
            lock.lock();
            try {
                if (queue.size() >= QUEUED_FRAMES) {
                    for (var it = queue.iterator(); it.hasNext();) {
                        if (!it.next().replay()) {
                            it.remove();
                            break;
                        }
                    }
                }
                queue.addLast(frame);
                ready.signal();
            } finally {
                lock.unlock();
            }
        }

        void pump(Runnable end) {
            try {
                while (open) {
                    Frame f;
                    lock.lock();
                    try {
                        if (queue.isEmpty()) ready.awaitNanos(1_000_000_000L);
                        f = queue.pollFirst();
                    } finally {
                        lock.unlock();
                    }
                    if (f == null) {
                        emitter.send(SseEmitter.event().name("tick").data("{\"now\":" + System.currentTimeMillis() + "}", MediaType.APPLICATION_JSON));
                    } else {
                        emitter.send(SseEmitter.event().name("tracks").data(StreamPayload.of(f), MediaType.APPLICATION_JSON));
                    }
                }
            } catch (IOException | IllegalStateException | InterruptedException e) {
                end.run();
            }
        }

        /** Ends the response: the client sees the end of the stream. */
        void finish() {
            close();
            try {
                emitter.complete();
            } catch (RuntimeException alreadyDone) {
                // completed or failed already
            }
        }

        void close() {
            open = false;
            lock.lock();
            try {
                ready.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
