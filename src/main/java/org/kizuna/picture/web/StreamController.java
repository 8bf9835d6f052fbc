package org.kizuna.picture.web;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.kizuna.picture.Picture;
import org.kizuna.picture.stream.Frame;
import org.kizuna.picture.stream.Subscriber;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/picture/stream}: the signed-in reader's picture as server-sent events. The first
 * {@code tracks} event is the whole visible picture ({@code replay}), then changed tracks as they come;
 * a {@code tick} event at least once a second carries the server time, so the map ages tracks even
 * when nothing moves. Each stream has its own writer thread and a bounded queue (oldest frame dropped).
 */
@RestController
class StreamController {

    private static final int QUEUED_FRAMES = 32;

    private final Picture picture;
    private final Readers readers;

    StreamController(Picture picture, Readers readers) {
        this.picture = picture;
        this.readers = readers;
    }

    @GetMapping(value = "/api/v1/picture/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(0L);
        BrowserStream stream = new BrowserStream(emitter);
        AutoCloseable subscription = picture.subscribe(readers.reader(), stream);
        Runnable end = () -> {
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
        Thread.ofVirtual().name("sse-" + readers.user().username()).start(() -> stream.pump(end));
        return emitter;
    }

    private static final class BrowserStream implements Subscriber {
        private final SseEmitter emitter;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ready = lock.newCondition();
        private final ArrayDeque<Frame> queue = new ArrayDeque<>();
        private volatile boolean open = true;

        BrowserStream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void deliver(Frame frame) {
            lock.lock();
            try {
                if (queue.size() >= QUEUED_FRAMES) {
                    for (var it = queue.iterator(); it.hasNext(); ) {
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
