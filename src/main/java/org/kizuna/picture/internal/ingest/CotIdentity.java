package org.kizuna.picture.internal.ingest;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;

/**
 * Who is on a CoT connection: a name for logs (the user name for a certificate or a configured plain
 * reader), the nation, the reader its output is filtered for, the label applied to its events that carry
 * none, and how the node knows it ({@link Kind}).
 */
public record CotIdentity(String name, String nation, Reader reader, @Nullable Label defaultLabel, Kind kind) {

    /** How the node knows who is on a connection. */
    public enum Kind {
        /** A plain connection nobody vouches for: reads unclassified items only, owns only what it reported itself on this connection. */
        ANONYMOUS,
        /** A plain connection the operator named a local reader for ({@code kizuna.cot.plain-reader}); not authenticated. */
        PLAIN_READER,
        /** A client certificate issued by the node's CA (mutual TLS): authenticated. */
        CERTIFICATE
    }

    /** A plain-port identity the operator configured (tests and benchmarks name their readers this way). */
    public CotIdentity(String name, String nation, Reader reader, @Nullable Label defaultLabel) {
        this(name, nation, reader, defaultLabel, Kind.PLAIN_READER);
    }

    /** Whether the node has authenticated the peer (only a client certificate does). */
    public boolean authenticated() {
        return kind == Kind.CERTIFICATE;
    }
}
