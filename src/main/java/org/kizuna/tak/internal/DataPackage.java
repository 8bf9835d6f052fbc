package org.kizuna.tak.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A data package's record (without its content): what a search lists. */
record DataPackage(String id, String hash, String name, String mimeType, List<String> keywords, @Nullable String creatorUid, String submittedBy,
        Instant submittedAt, long size, Label label) implements Labelled {
}
