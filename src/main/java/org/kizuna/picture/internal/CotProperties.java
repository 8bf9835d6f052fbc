package org.kizuna.picture.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kizuna.cot.*}: the CoT listeners of a node.
 *
 * @param tcpPort                  the plain port ({@code -1} off)
 * @param tcpBindAddress           where the plain port listens: loopback unless the operator says otherwise
 * @param plainEnabled             whether the plain port is served; unset: yes in demo mode, no in production mode
 * @param plainReader              a user of the node whose nation, clearance and accesses plain connections read
 *                                 with; unset: plain connections are anonymous and read unclassified items only
 * @param tlsPort                  the mutual-TLS port ({@code -1} off)
 * @param tlsBindAddress           where the TLS port listens (unset: every interface)
 * @param maxEventsPerSecond       per-connection rate limit
 * @param queuedFrames             frames a slow client may have queued before the oldest is dropped
 * @param maxConnections           connections per listener
 * @param maxConnectionsPerAddress connections per remote address on each listener
 * @param idleTimeout              a connection that sends nothing for this long is closed
 * @param handshakeTimeout         a TLS handshake must complete within this
 * @param tlsProtocols             the TLS versions the TLS port accepts: {@code TLSv1.3} (the default), and
 *                                 {@code TLSv1.2} for older clients (ECDHE with AES-GCM or ChaCha20-Poly1305 only)
 * @param serverVersion            the server version named to TAK clients in the protocol negotiation
 */
@ConfigurationProperties("kizuna.cot")
public record CotProperties(@DefaultValue("8087") int tcpPort,
        @DefaultValue("127.0.0.1") InetAddress tcpBindAddress,
        @Nullable Boolean plainEnabled,
        @Nullable String plainReader,
        @DefaultValue("8089") int tlsPort,
        @Nullable InetAddress tlsBindAddress,
        @DefaultValue("2000") int maxEventsPerSecond,
        @DefaultValue("64") int queuedFrames,
        @DefaultValue("1000") int maxConnections,
        @DefaultValue("100") int maxConnectionsPerAddress,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("5s") Duration handshakeTimeout,
        @DefaultValue("TLSv1.3") List<String> tlsProtocols,
        @DefaultValue("Kizuna") String serverVersion) {
}
