package org.kizuna.picture.net;

import java.util.function.Function;

import java.security.cert.X509Certificate;

/**
 * Settings of the CoT listeners: ports ({@code 0} picks a free port, {@code -1} disables), the identity of
 * plain connections, how a client certificate maps to an identity, the per-connection rate limit, how many
 * frames a slow client may have queued before the oldest is dropped, and the connection limit.
 */
public record CotSettings(int tcpPort, int tlsPort, CotIdentity plainIdentity,
                          Function<X509Certificate, CotIdentity> certificateIdentity,
                          int maxEventsPerSecond, int queuedFrames, int maxConnections) {
}
