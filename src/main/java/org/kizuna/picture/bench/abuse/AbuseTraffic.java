package org.kizuna.picture.bench.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.bench.AbuseBench.Load;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;

/**
 * The hostile and careless side of {@code ./kizuna bench abuse}, all over loopback, each kind on its
 * own virtual threads and paced at its own rate: idle and half-open connections (CoT sockets that
 * connect and never send, some never reading either; TLS handshakes never finished; HTTP connections
 * that never send or send a header every ten seconds), floods of valid and malformed CoT in XML and
 * in TAK protocol 1 after negotiation, far-future and far-past events, label churn (every event a new
 * label), deeply nested and oversized HTTP bodies, and login guessing over HTTP Basic and the form
 * login. Every answer (a refused or closed connection, a 401, 413, 429...) is counted in
 * {@link Outcomes}, never thrown; everything the harness holds is bounded.
 */
public final class AbuseTraffic implements AutoCloseable {

    static final String BODY_USER = "aus.officer", DEMO_PASSWORD = "demo", HOSTILE_CLIENT = "usa.officer";
    /** Real users whose passwords are guessed: neither the browser's user nor the body sender, so a lockout leaves those working. */
    static final List<String> GUESSED_USERS = List.of("usa.clerk", "jpn.officer");
    private static final long TEN_YEARS_MS = 3650L * 86_400_000L;
    private static final int NESTING = 100_000;

    private final NodeGauges node;
    private final Load load;
    private final Outcomes outcomes;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final List<Runnable> closers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong labelCounter = new AtomicLong();
    /** Where the abuse comes from: 127.0.0.2 where the system has it, so that the node's per-address limits tell it from the legitimate clients on 127.0.0.1. */
    private final @Nullable InetAddress from = abuserAddress(2);
    /**
     * Login guesses come from 127.0.0.3 (where the system has it): the node locks a guessing address, and the
     * body sender on 127.0.0.2 signs in as a real user, so its bodies still reach the node's parser limits.
     */
    private final @Nullable InetAddress guessFrom = abuserAddress(3);
    private final HttpClient http = client(false, from);
    /** Guesses through the login form: one cookie jar for the CSRF token, like one browser trying password after password. */
    private final HttpClient guesser = client(true, guessFrom);
    private final HttpClient basicGuesser = client(false, guessFrom);
    private final Semaphore bodiesInFlight = new Semaphore(4), loginsInFlight = new Semaphore(4);
    private volatile boolean running = true;

    public AbuseTraffic(NodeGauges node, Load load, Outcomes outcomes) {
        this.node = node;
        this.load = load;
        this.outcomes = outcomes;
    }

    /** The source address of the abuse, for the report. */
    public String from() {
        return from == null ? "127.0.0.1 (127.0.0.2 is not available here)" : from.getHostAddress();
    }

    private static @Nullable InetAddress abuserAddress(int last) {
        try (Socket probe = new Socket()) {
            InetAddress a = InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) last});
            probe.bind(new InetSocketAddress(a, 0));
            return a;
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpClient client(boolean cookies, @Nullable InetAddress from) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) b.cookieHandler(new CookieManager());
        if (from != null) b.localAddress(from);
        return b.build();
    }

    private Socket socket() throws IOException {
        Socket s = new Socket();
        if (from != null) s.bind(new InetSocketAddress(from, 0));
        return s;
    }

    public AbuseTraffic start() {
        int cot = node.cotPlainPort(), tls = node.cotTlsPort(), web = node.httpPort();
        // a careless or compromised partner client: a valid certificate of a demo user, sending what it should not
        NodePki pki = node.pki();
        SSLContext partner = tls > 0 ? pki.clientContext(pki.issueClient(HOSTILE_CLIENT, "USA", "SECRET")) : null;
        // idle and half-open connections
        if (cot > 0) {
            hold("idle-cot-lurker", cot, load.idleCot() / 4, Idle.READ_ONLY);
            hold("idle-cot-dead", cot, load.idleCot() - load.idleCot() / 4, Idle.DEAD);
        }
        if (tls > 0) {
            hold("half-open-tls-silent", tls, load.halfOpenTls() - load.halfOpenTls() / 2, Idle.READ_ONLY);
            hold("half-open-tls-partial-hello", tls, load.halfOpenTls() / 2, Idle.PARTIAL_TLS_HELLO);
        }
        hold("idle-http-silent", web, load.idleHttp() - load.idleHttp() / 2, Idle.READ_ONLY);
        hold("idle-http-slow-headers", web, load.idleHttp() / 2, Idle.SLOW_HEADERS);
        // CoT floods, both encodings: valid and malformed on the plain listener; far-time events and label
        // churn on the plain listener and over TLS from the partner client, so that they still reach the
        // picture when the plain listener takes reports only from registered uids
        if (cot > 0) {
            for (int i = 0; i < 2; i++) {
                int n = i;
                cotWorker("valid-xml-" + i, cot, null, false, load.floodRate() / 4, (seq, tak) -> frame(valid("X" + n, seq), tak));
                cotWorker("valid-tak-" + i, cot, null, true, load.floodRate() / 4, (seq, tak) -> frame(valid("T" + n, seq), tak));
            }
            cotWorker("malformed-xml", cot, null, false, load.malformedRate() / 2, (seq, tak) -> MALFORMED_XML.get((int) (seq % MALFORMED_XML.size())));
            cotWorker("malformed-tak", cot, null, true, load.malformedRate() / 2, (seq, tak) -> MALFORMED_TAK.get((int) (seq % MALFORMED_TAK.size())));
            cotWorker("far-time-xml-plain", cot, null, false, load.farTimeRate() / 2, (seq, tak) -> frame(farTime("X", seq), tak));
            cotWorker("label-churn-tak-plain", cot, null, true, load.churnRate() / 2, (seq, tak) -> frame(churn(seq), tak));
        }
        if (partner != null) {
            cotWorker("far-time-tak-tls", tls, partner, true, load.farTimeRate() / 2, (seq, tak) -> frame(farTime("T", seq), tak));
            cotWorker("label-churn-xml-tls", tls, partner, false, load.churnRate() / 2, (seq, tak) -> frame(churn(seq), tak));
        }
        // HTTP bodies and login guessing
        String base = "http://127.0.0.1:" + web;
        spawn("http-bodies", () -> paced(load.bodyRate(), seq -> body(base, seq)));
        spawn("login-guessing", () -> paced(load.loginRate(), seq -> guess(base, seq)));
        return this;
    }

    // ------------------------------------------------------------------ idle and half-open connections

    private enum Idle {
        READ_ONLY,
        DEAD,
        PARTIAL_TLS_HELLO,
        SLOW_HEADERS
    }

    /**
     * Keeps {@code target} connections of one kind open: one that the node closes is opened again (at
     * most 200 opens a second, 20 while the node closes new connections within a second, so that the
     * harness does not run out of loopback ports), except dead ones, which never read and so never
     * learn that they were closed; those are opened once.
     */
    private void hold(String name, int port, int target, Idle kind) {
        if (target <= 0) return;
        String k = "conn." + name + ".";
        AtomicInteger open = new AtomicInteger();
        AtomicLong lastRefused = new AtomicLong(System.nanoTime() - 10_000_000_000L);
        spawn("hold-" + name, () -> {
            int opened = 0;
            while (running) {
                if (open.get() >= target || (kind == Idle.DEAD && opened >= target)) {
                    LockSupport.parkNanos(100_000_000L);
                    continue;
                }
                Socket s;
                try {
                    s = socket();
                } catch (IOException e) {
                    outcomes.add(k + "connectFailed");
                    LockSupport.parkNanos(100_000_000L);
                    continue;
                }
                try {
                    s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5000);
                } catch (IOException e) {
                    outcomes.add(k + "connectFailed");
                    Workers.release(s);
                    LockSupport.parkNanos(100_000_000L);
                    continue;
                }
                opened++;
                outcomes.add(k + "opened");
                open.incrementAndGet();
                held.add(s);
                if (kind != Idle.DEAD) {
                    Thread.ofVirtual().name("idle-" + name).start(() -> {
                        long t0 = System.nanoTime();
                        String end = idle(s, kind);
                        boolean atOnce = System.nanoTime() - t0 < 1_000_000_000L;
                        if (atOnce) lastRefused.set(System.nanoTime());
                        if (running) outcomes.add(k + (atOnce ? "closedWithin1s" : "closedLater") + end);
                        held.remove(s);
                        Workers.release(s);
                        open.decrementAndGet();
                    });
                }
                LockSupport.parkNanos(System.nanoTime() - lastRefused.get() < 1_000_000_000L ? 50_000_000L : 5_000_000L);
            }
        });
    }

    /** Sits on a connection the way its kind does until the node closes it; says how it ended. */
    private String idle(Socket s, Idle kind) {
        try {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            switch (kind) {
                case PARTIAL_TLS_HELLO -> out.write(new byte[]{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00}); // a 512-byte ClientHello that never comes
                case SLOW_HEADERS -> {
                    out.write("GET /api/v1/picture/tracks HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.setSoTimeout(10_000);
                }
                default -> {
                }
            }
            int header = 0;
            while (running) {
                try {
                    if (in.read(buf) < 0) return "";
                } catch (java.net.SocketTimeoutException slow) {
                    out.write(("X-Abuse-" + header++ + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            return "";
        } catch (IOException e) {
            return "(reset)";
        }
    }

    // ------------------------------------------------------------------ CoT floods

    @FunctionalInterface
    private interface Frames {
        byte[] next(long seq, boolean tak);
    }

    /** One CoT connection (plain, or TLS with {@code tls}) sending at {@code rate}; reconnects when the node closes it. */
    private void cotWorker(String name, int port, @Nullable SSLContext tls, boolean tak, double rate, Frames frames) {
        if (rate <= 0) return;
        String k = "cot." + name + ".";
        @Nullable CotPeer[] peer = new @Nullable CotPeer[1];
        spawn("cot-" + name, () -> paced(rate, seq -> {
            if (peer[0] == null || !peer[0].isOpen()) {
                if (peer[0] != null) outcomes.add(k + "closedByNode");
                peer[0] = null;
                try {
                    Socket s = socket();
                    s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5000);
                    if (tls != null) {
                        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", port, true);
                        ssl.setSoTimeout(10_000);
                        ssl.startHandshake();
                        ssl.setSoTimeout(0);
                        s = ssl;
                    }
                    CotPeer p = CotPeer.on(s, tak, null);
                    if (tak) {
                        try {
                            p.negotiateTak(5000);
                        } catch (IOException | InterruptedException e) {
                            p.close();
                            throw new IOException(e.getMessage());
                        }
                    }
                    peer[0] = p;
                    outcomes.add(k + "connected");
                } catch (IOException e) {
                    outcomes.add(k + "connectFailed");
                    LockSupport.parkNanos(200_000_000L);
                    return;
                }
            }
            try {
                Objects.requireNonNull(peer[0], "connected above").sendRaw(frames.next(seq, tak), false);
                outcomes.add(k + "sent");
            } catch (IOException e) {
                outcomes.add(k + "writeFailed");
            }
        }, () -> {
            if (peer[0] != null && peer[0].isOpen()) {
                try {
                    peer[0].flush();
                } catch (IOException e) {
                    outcomes.add(k + "writeFailed");
                }
            }
        }));
        closers.add(() -> {
            if (peer[0] != null) peer[0].close();
        });
    }

    private static byte[] frame(CotEvent e, boolean tak) {
        return tak ? TakCodec.frame(e) : new CotXmlWriter().write(e);
    }

    /** A valid position report; uids from a pool of 1,000 per connection, so the tracks they make are bounded. */
    private static CotEvent valid(String conn, long seq) {
        long now = System.currentTimeMillis();
        int i = (int) (seq % 1000);
        boolean labelled = (seq & 1) == 0;
        return new CotEvent("ABUSE-FLOOD-" + conn + "-" + i, "a-h-A-M-F", "m-g", now, now, now + 30_000,
                20 + (i % 50) * 0.2, 140 + Math.floorDiv(i, 50) * 0.2, 3000, 50, 50,
                labelled ? "SECRET" : null, null, labelled ? "REL TO USA, JPN" : null, 200, (seq * 7) % 360, null, null);
    }

    /** A report ten years ahead of or behind the node's clock, each with a uid of its own. */
    private static CotEvent farTime(String conn, long seq) {
        long t = System.currentTimeMillis() + ((seq & 1) == 0 ? TEN_YEARS_MS : -TEN_YEARS_MS);
        return new CotEvent("ABUSE-FAR-" + conn + "-" + seq, "a-u-G", "m-g", t, t, t + 3_600_000L,
                10 + (seq % 100) * 0.01, 130, 0, 50, 50, null, null, null, Double.NaN, Double.NaN, null, null);
    }

    /** A report whose label the node has never seen: a new MISSION tag value every time; uids from a pool of 500. */
    private CotEvent churn(long seq) {
        long now = System.currentTimeMillis();
        long n = labelCounter.incrementAndGet();
        return new CotEvent("ABUSE-CHURN-" + (seq % 500), "a-n-S", "m-g", now, now, now + 30_000, -10 + (seq % 500) * 0.01, 150, 0, 50, 50,
                "SECRET", null, "REL TO USA, JPN//MISSION: CHURN " + n, Double.NaN, Double.NaN, null, null);
    }

    private static String xmlEvent(String uid, String attrs, String point, String detail) {
        return "<event version=\"2.0\" uid=\"" + uid + "\" type=\"a-h-G\" how=\"m-g\" time=\"2026-11-23T07:00:00Z\" start=\"2026-11-23T07:00:00Z\" "
                + "stale=\"2026-11-23T07:05:00Z\"" + attrs + "><point " + point + "/><detail>" + detail + "</detail></event>";
    }

    private static final String POINT = "lat=\"35\" lon=\"135\" hae=\"0\" ce=\"10\" le=\"10\"";

    /** Hostile and broken XML, each rejected by the node for a reason of its own. */
    static final List<byte[]> MALFORMED_XML = List.of(
            ascii("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                    + xmlEvent("BAD-LAUGHS", "", POINT, "<remarks>&lol2;</remarks>")),
            ascii("<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                    + xmlEvent("BAD-XXE", "", POINT, "<remarks>&xxe;</remarks>")),
            ascii(xmlEvent("BAD-LAT", "", "lat=\"123\" lon=\"135\" hae=\"0\" ce=\"10\" le=\"10\"", "")),
            ascii(xmlEvent("BAD-LABEL", " access=\"SECRET\" releasableTo=\"REL TO MARS\"", POINT, "")),
            ascii(xmlEvent("BAD-LEVEL", " access=\"ULTRA SECRET\"", POINT, "")),
            ascii(xmlEvent("x".repeat(3000), "", POINT, "")),
            ascii(xmlEvent("BAD-DEEP", "", POINT, "<a>".repeat(200) + "</a>".repeat(200))),
            ascii(xmlEvent("BAD-MANY", "", POINT, "<b/>".repeat(600))),
            ascii(xmlEvent("BAD-MISMATCH", "", POINT, "<contact></track>")),
            ascii("\u0001\u0002garbage that is no event at all <<<>>> </event>"),
            ascii(xmlEvent("BAD-BIG", "", POINT, "<remarks>" + "A".repeat(70_000) + "</remarks>")),
            ascii(xmlEvent("BAD-PING", "", POINT, "").replace("type=\"a-h-G\"", "type=\"t-x-c-t\"")),
            ascii(xmlEvent("BAD-TIME", "", POINT, "").replace("time=\"2026-11-23T07:00:00Z\"", "time=\"yesterday\"")),
            ascii("<event version=\"2.0\" uid=\"BAD-TRUNC\" type=\"a-h-G\" time=\"2026-11-23T07:00:00Z\" sta"));

    /** Hostile and broken TAK protocol 1 frames. */
    static final List<byte[]> MALFORMED_TAK = List.of(
            TakCodec.frame(new byte[]{0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f}), // wire type 7: not protobuf
            new byte[]{0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48}, // no magic byte
            new byte[]{(byte) 0xBF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 0x01, 0x02}, // length far beyond the limit
            new byte[]{(byte) 0xBF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}, // malformed varint
            TakCodec.frame(new CotEvent("BAD-TAK-LABEL", "a-h-G", "m-g", 0, 0, 60_000, 35, 135, 0, 10, 10, "SECRET", null, "REL TO MARS",
                    Double.NaN, Double.NaN, null, null)),
            TakCodec.frame(new CotEvent("BAD-TAK-LAT", "a-h-G", "m-g", 0, 0, 60_000, 123, 135, 0, 10, 10, null, null, null,
                    Double.NaN, Double.NaN, null, null)),
            TakCodec.frame(new CotEvent("BAD-TAK-PING", "t-x-c-t", "m-g", 0, 0, 60_000, 35, 135, 0, 10, 10, null, null, null,
                    Double.NaN, Double.NaN, null, null)),
            TakCodec.frame(new byte[]{0x12, (byte) 0xFF, 0x01, 0x0a})); // length-delimited field that runs past its message

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ HTTP bodies

    private static final byte[] NESTED_ARRAY = ascii("[".repeat(NESTING) + "]".repeat(NESTING));
    private static final byte[] NESTED_OBJECT = ascii("{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING));
    private static final String[] BODY_KINDS = {"nested-json-array", "nested-json-object", "oversized-json", "oversized-xml", "oversized-unauthenticated"};

    private void body(String base, long seq) {
        String kind = BODY_KINDS[(int) (seq % BODY_KINDS.length)];
        if (!bodiesInFlight.tryAcquire()) {
            outcomes.add("http." + kind + ".skipped(4 in flight)");
            return;
        }
        Thread.ofVirtual().name("abuse-body").start(() -> {
            try {
                long bytes = (long) load.bodyMb() << 20;
                HttpRequest.Builder r = switch (kind) {
                    case "nested-json-array" -> post(base + "/api/v1/labels/rollup", "application/json", HttpRequest.BodyPublishers.ofByteArray(NESTED_ARRAY));
                    case "nested-json-object" ->
                        post(base + "/api/v1/booking/requests", "application/json", HttpRequest.BodyPublishers.ofByteArray(NESTED_OBJECT));
                    case "oversized-json" -> post(base + "/api/v1/labels/rollup", "application/json",
                            HttpRequest.BodyPublishers.ofByteArrays(repeated("[", "\"SECRET\",", "\"SECRET\"]", bytes)));
                    case "oversized-xml" -> post(base + "/api/v1/picture/events", "application/xml",
                            HttpRequest.BodyPublishers.ofByteArrays(repeated("<event version=\"2.0\" uid=\"BIG\"><detail><remarks>", "AAAAAAAA",
                                    "</remarks></detail></event>", bytes)));
                    default -> post(base + "/api/v1/booking/requests", "application/json",
                            HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(repeated("[", "\"x\",", "\"x\"]", bytes)),
                                    exactLength("[", "\"x\",", "\"x\"]", bytes)));
                };
                if (!kind.equals("oversized-unauthenticated")) r.header("Authorization", basic(BODY_USER, DEMO_PASSWORD));
                outcomes.add("http." + kind + "." + status(r.timeout(Duration.ofSeconds(60)).build()));
            } finally {
                bodiesInFlight.release();
            }
        });
    }

    private static HttpRequest.Builder post(String url, String type, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type).header("Accept", "application/json, application/problem+json").POST(body);
    }

    /** A body of about {@code bytes} bytes streamed in 64 KB chunks (never held whole): head, the unit repeated, tail. */
    private static Iterable<byte[]> repeated(String head, String unit, String tail, long bytes) {
        byte[] chunk = ascii(unit.repeat(Math.max(1, 65_536 / unit.length())));
        long chunks = Math.max(1, bytes / chunk.length);
        return () -> new Iterator<>() {
            long i = -1;

            @Override
            public boolean hasNext() {
                return i <= chunks;
            }

            @Override
            public byte[] next() {
                long n = i++;
                return n < 0 ? ascii(head) : n < chunks ? chunk : ascii(tail);
            }
        };
    }

    private static long exactLength(String head, String unit, String tail, long bytes) {
        int chunk = unit.length() * Math.max(1, 65_536 / unit.length());
        long chunks = Math.max(1, bytes / chunk);
        return head.length() + chunks * chunk + tail.length();
    }

    /** The status of the answer, or how the exchange failed (the node may close a connection that sends too much). */
    private String status(HttpRequest request) {
        return status(http, request);
    }

    private static String status(HttpClient client, HttpRequest request) {
        return outcome(() -> String.valueOf(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
    }

    /** An HTTP exchange that says how it ended. */
    @FunctionalInterface
    private interface Exchange {
        String run() throws IOException, InterruptedException;
    }

    /** How the exchange ended: its own answer, or how it failed (the node may close a connection that sends too much). */
    private static String outcome(Exchange exchange) {
        try {
            return exchange.run();
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "connectionClosed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ------------------------------------------------------------------ login guessing

    private void guess(String base, long seq) {
        boolean form = (seq & 1) == 1, real = (seq & 2) == 0;
        String user = real ? GUESSED_USERS.get((int) (seq / 4 % GUESSED_USERS.size())) : "ghost." + Long.toHexString((seq * 0x9E3779B97F4A7C15L) >>> 40);
        String password = "guess-" + seq;
        String kind = "login." + (form ? "form" : "basic") + "-" + (real ? "real-user" : "unknown-user") + ".";
        if (!loginsInFlight.tryAcquire()) {
            outcomes.add(kind + "skipped(4 in flight)");
            return;
        }
        Thread.ofVirtual().name("abuse-login").start(() -> {
            try {
                outcomes.add(kind + (form
                        ? formLogin(guesser, base, user, password)
                        : status(basicGuesser, HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                                .header("Authorization", basic(user, password)).timeout(Duration.ofSeconds(30)).GET().build())));
            } finally {
                loginsInFlight.release();
            }
        });
    }

    /** A console login as a browser does it: the login page for the CSRF cookie, then the form; says how it ended. */
    static String formLogin(HttpClient client, String base, String user, String password) {
        return outcome(() -> {
            HttpResponse<Void> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (page.statusCode() != 200) return "loginPage" + page.statusCode();
            String token = csrf(client, base);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 302) {
                String to = r.headers().firstValue("Location").orElse("");
                return to.contains("error") ? "refused" : "SIGNED-IN";
            }
            return String.valueOf(r.statusCode());
        });
    }

    private static @Nullable String csrf(HttpClient client, String base) {
        if (client.cookieHandler().orElse(null) instanceof CookieManager cookies) {
            for (HttpCookie c : cookies.getCookieStore().get(URI.create(base))) {
                if (c.getName().equals("XSRF-TOKEN")) return c.getValue();
            }
        }
        return null;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ pacing and lifecycle

    @FunctionalInterface
    private interface Step {
        void run(long seq);
    }

    private void paced(double rate, Step step) {
        paced(rate, step, () -> {
        });
    }

    /** Runs {@code step} {@code rate} times a second in 10 ms slices; more than a second behind, it skips rather than bursts. */
    private void paced(double rate, Step step, Runnable endOfSlice) {
        if (rate <= 0) return;
        long start = System.nanoTime(), done = 0;
        while (running) {
            long due = (long) ((System.nanoTime() - start) * 1e-9 * rate);
            if (due - done > Math.max(1, rate)) done = due - (long) Math.max(1, rate);
            while (done < due && running) step.run(done++);
            endOfSlice.run();
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private void spawn(String name, Runnable r) {
        threads.add(Workers.start("abuse-" + name, outcomes, "harness." + name, r));
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Runnable c : closers) c.run();
        for (Socket s : held) Workers.release(s);
        held.clear();
        http.shutdownNow(); // close() would wait for bodies still being sent
        guesser.shutdownNow();
        basicGuesser.shutdownNow();
    }
}
