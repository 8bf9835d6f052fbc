package org.kizuna.picture.bench.abuse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.bench.CotReads;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;

/**
 * One CoT client connection of the abuse harness, plain or TLS: sends CoT XML, or TAK protocol 1 after
 * negotiating it as a TAK client does, and reads what the node pushes. A peer that only floods drains
 * the picture without decoding it once negotiation is over; a legitimate receiver decodes every event.
 */
final class CotPeer implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final @Nullable Consumer<CotEvent> onEvent;
    private final CotStreamDecoder decoder = new CotStreamDecoder();
    private final CotXmlWriter xml = new CotXmlWriter();
    private final CountDownLatch offered = new CountDownLatch(1), answered = new CountDownLatch(1);
    private volatile boolean tak, decoding, open = true;

    private CotPeer(Socket socket, boolean decodeUntilNegotiated, @Nullable Consumer<CotEvent> onEvent) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.onEvent = onEvent;
        this.decoding = decodeUntilNegotiated || onEvent != null;
        socket.setTcpNoDelay(true);
        Thread.ofPlatform().daemon(true).name("abuse-cot-read").start(this::read);
    }

    /**
     * A peer on a connected socket. With {@code onEvent} every event received is decoded and handed
     * over; without it the stream is drained, decoded only while TAK negotiation may still come. The
     * reader runs on a platform thread: the node's connections and requests run on virtual threads, and
     * the harness's busy readers must not queue for the same few carrier threads, or they would add
     * their own delays to the figures.
     */
    static CotPeer on(Socket socket, boolean willNegotiate, @Nullable Consumer<CotEvent> onEvent) throws IOException {
        return new CotPeer(socket, willNegotiate, onEvent);
    }

    /** Asks for TAK protocol 1 once the node offers it; afterwards this peer sends protocol 1. */
    void negotiateTak(long timeoutMs) throws IOException, InterruptedException {
        if (!offered.await(timeoutMs, TimeUnit.MILLISECONDS)) throw new IOException("the node offered no TAK protocol within " + timeoutMs + " ms");
        sendRaw(xml.write(CotXmlWriter.versionRequest(System.currentTimeMillis(), 1)), true);
        if (!answered.await(timeoutMs, TimeUnit.MILLISECONDS))
            throw new IOException("the node did not answer the TAK protocol request within " + timeoutMs + " ms");
        tak = true;
    }

    boolean speaksTak() {
        return tak;
    }

    boolean isOpen() {
        return open && !socket.isClosed();
    }

    /** Writes one event in the connection's current encoding; {@code flush} sends it at once. */
    void send(CotEvent e, boolean flush) throws IOException {
        sendRaw(tak ? TakCodec.frame(e) : xml.write(e), flush);
    }

    synchronized void sendRaw(byte[] bytes, boolean flush) throws IOException {
        try {
            out.write(bytes);
            if (flush) out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    synchronized void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            byte[] drain = new byte[16 * 1024];
            while (open) {
                if (!decoding) {
                    if (in.read(drain) < 0) break;
                    continue;
                }
                if (decoder.fill(in) < 0) break;
                CotReads.each(decoder, this::received);
            }
        } catch (IOException closed) {
            // the node closed the connection, or the harness did
        } finally {
            close();
        }
    }

    private void received(CotEvent e) {
        if (e.type().equals("t-x-takp-v")) {
            offered.countDown();
        } else if (e.type().equals("t-x-takp-r")) {
            if (e.control() != null && Boolean.TRUE.equals(e.control().responseStatus())) decoder.switchTo(CotStreamDecoder.Mode.TAK);
            answered.countDown();
            if (onEvent == null) decoding = false;
        } else if (onEvent != null) {
            onEvent.accept(e);
        }
    }

    @Override
    public void close() {
        open = false;
        Workers.release(socket);
    }
}
