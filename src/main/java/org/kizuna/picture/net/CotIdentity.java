package org.kizuna.picture.net;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;

/**
 * Who is on a CoT connection: a name for logs, the nation, the reader its output is filtered for and the
 * label applied to its events that carry none.
 */
public record CotIdentity(String name, String nation, Reader reader, @Nullable Label defaultLabel) {
}
