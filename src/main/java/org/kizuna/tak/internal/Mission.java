package org.kizuna.tak.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A TAK mission (DataSync) without its contents: named by its creator, keyed by {@code guid}; {@code nation} is the
 * creator's, whose planners may change it; the label is the creator's default label.
 */
record Mission(String guid, String name, String description, String chatRoom, String tool, List<String> keywords, @Nullable String creatorUid,
        String createdBy, String nation, Instant createdAt, Label label) implements Labelled {
}
