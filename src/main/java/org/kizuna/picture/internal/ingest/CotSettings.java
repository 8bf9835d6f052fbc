package org.kizuna.picture.internal.ingest;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
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
 * closed, and how long a TLS handshake may take.
 */
public record CotSettings(int tcpPort, int tlsPort, @Nullable InetAddress tcpBindAddress, @Nullable InetAddress tlsBindAddress,
        Supplier<CotIdentity> plainIdentity, Function<X509Certificate, CotIdentity> certificateIdentity,
        int maxEventsPerSecond, int queuedFrames, int maxConnections, int maxConnectionsPerAddress,
        Duration idleTimeout, Duration handshakeTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    public CotSettings {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) throw new IllegalArgumentException("connection caps must be at least 1");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("idle and handshake timeouts must be positive");
        }
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
                maxEventsPerSecond, queuedFrames, perListener, perAddress, idleTimeout, handshakeTimeout);
    }

    public CotSettings withTimeouts(Duration idle, Duration handshake) {
        return new CotSettings(tcpPort, tlsPort, tcpBindAddress, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnectionsPerAddress, idle, handshake);
    }

    public CotSettings withTcpBindAddress(@Nullable InetAddress address) {
        return new CotSettings(tcpPort, tlsPort, address, tlsBindAddress, plainIdentity, certificateIdentity,
                maxEventsPerSecond, queuedFrames, maxConnections, maxConnectionsPerAddress, idleTimeout, handshakeTimeout);
    }
}
