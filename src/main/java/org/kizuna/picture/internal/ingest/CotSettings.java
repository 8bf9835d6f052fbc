package org.kizuna.picture.internal.ingest;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the CoT listeners: ports ({@code 0} picks a free port, {@code -1} disables) and the
 * addresses they bind to (the plain port binds to loopback unless told otherwise; null means every
 * interface), the identity of plain connections (asked once per connection; it throws
 * {@link IllegalStateException} to refuse the connection), how a client certificate maps to an identity
 * (throws {@link IllegalArgumentException} to refuse it), the per-connection rate limit, how many frames
 * a slow client may have queued before the oldest is dropped, the connection cap of each listener and
 * of each remote address on each listener, how long a connection may send nothing before it is
 * closed, how long a TLS handshake may take, the TLS versions the TLS port accepts ({@code TLSv1.3}, and
 * {@code TLSv1.2} when the operator allows it, with forward-secret AEAD suites only) and the server version
 * the node names in the protocol negotiation.
 */
public record CotSettings(int tcpPort, int tlsPort, @Nullable InetAddress tcpBindAddress, @Nullable InetAddress tlsBindAddress,
        Supplier<CotIdentity> plainIdentity, Function<X509Certificate, CotIdentity> certificateIdentity,
        int maxEventsPerSecond, int queuedFrames, int maxConnections, int maxConnectionsPerAddress,
        Duration idleTimeout, Duration handshakeTimeout, List<String> tlsProtocols, String serverVersion) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    /** Which TLS versions a listener accepts, for tests and benchmarks. */
    public enum Tls {
        ONLY_1_3,
        ALSO_1_2
    }

    /** The TLS versions the TLS port may be told to accept. */
    public static final Set<String> TLS_VERSIONS = Set.of("TLSv1.3", "TLSv1.2");
    /** The TLS 1.2 suites a TLS 1.2 client may use: ECDHE (forward secrecy) with AES-GCM or ChaCha20-Poly1305 only. */
    public static final List<String> TLS12_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    /** The server version named in the protocol negotiation unless configured otherwise. */
    public static final String DEFAULT_SERVER_VERSION = "Kizuna";

    public CotSettings {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) throw new IllegalArgumentException("connection caps must be at least 1");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("idle and handshake timeouts must be positive");
        }
        tlsProtocols = List.copyOf(tlsProtocols);
        if (tlsProtocols.isEmpty() || !TLS_VERSIONS.containsAll(tlsProtocols)) {
            throw new IllegalArgumentException("TLS versions must be some of " + TLS_VERSIONS + ": " + tlsProtocols);
        }
        if (serverVersion.isBlank() || serverVersion.length() > 64) throw new IllegalArgumentException("the server version must be 1 to 64 characters");
    }

    public CotSettings(int tcpPort, int tlsPort, @Nullable InetAddress tcpBindAddress, @Nullable InetAddress tlsBindAddress,
            Supplier<CotIdentity> plainIdentity, Function<X509Certificate, CotIdentity> certificateIdentity,
            int maxEventsPerSecond, int queuedFrames, int maxConnections, int maxConnectionsPerAddress,
            Duration idleTimeout, Duration handshakeTimeout) {
        this(tcpPort, tlsPort, tcpBindAddress, tlsBindAddress, plainIdentity, certificateIdentity, maxEventsPerSecond, queuedFrames, maxConnections,
                maxConnectionsPerAddress, idleTimeout, handshakeTimeout, List.of("TLSv1.3"), DEFAULT_SERVER_VERSION);
    }

    /** These settings with the TLS port accepting these TLS versions. */
    public CotSettings withTlsProtocols(List<String> versions) {
        return new CotSettings(tcpPort, tlsPort, tcpBindAddress, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnectionsPerAddress, idleTimeout, handshakeTimeout, versions, serverVersion);
    }

    /**
     * Settings with one fixed plain identity, the plain port on loopback, the TLS port on every interface,
     * {@code maxConnections} per listener and per address, and the default timeouts.
     */
    public CotSettings(int tcpPort, int tlsPort, CotIdentity plainIdentity, Function<X509Certificate, CotIdentity> certificateIdentity,
            int maxEventsPerSecond, int queuedFrames, int maxConnections) {
        this(tcpPort, tlsPort, InetAddress.getLoopbackAddress(), null, () -> plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnections, DEFAULT_IDLE_TIMEOUT, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    public CotSettings withCaps(int perListener, int perAddress) {
        return new CotSettings(tcpPort, tlsPort, tcpBindAddress, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, perListener, perAddress, idleTimeout, handshakeTimeout, tlsProtocols, serverVersion);
    }

    public CotSettings withTimeouts(Duration idle, Duration handshake) {
        return new CotSettings(tcpPort, tlsPort, tcpBindAddress, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnectionsPerAddress, idle, handshake, tlsProtocols, serverVersion);
    }

    public CotSettings withTcpBindAddress(@Nullable InetAddress address) {
        return new CotSettings(tcpPort, tlsPort, address, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnectionsPerAddress, idleTimeout, handshakeTimeout, tlsProtocols, serverVersion);
    }
}
