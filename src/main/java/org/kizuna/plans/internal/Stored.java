package org.kizuna.plans.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.kizuna.plans.PlanKind;
import org.kizuna.plans.Section;
import org.kizuna.plans.VersionStatus;

/**
 * A plan as stored, every part of it: only {@link PlanService} hands parts of it to readers, through the read path.
 *
 * @param replicaOf the partner node whose plan this is a read-only replica of; null for this node's plan
 * @param titleHeld false for a replica whose title the partner's guard did not release to this node
 */
record Stored(String id, String title, Label titleLabel, PlanKind kind, String salt, int nextSection, List<Nation> nations, String createdBy,
        Instant createdAt, Instant updatedAt, List<Version> versions, List<History> history, @Nullable String replicaOf, boolean titleHeld,
        List<Comment> comments) {

    /** A comment: its author's nation and user name, and the partner node it was written on (via), if any. */
    record Comment(String id, String nation, String author, Label label, String text, @Nullable String via, Instant at) implements Labelled {
    }

    record Nation(String nation, String approver) {
    }

    record Version(int number, VersionStatus status, String hash, String createdBy, Instant createdAt, Instant updatedAt, List<Section> sections,
            Map<String, Approval> approvals) {
    }

    record Approval(String nation, String approver, String hash, Instant at) {
    }

    record History(int seq, Instant at, String actor, String action, int version, @Nullable String note, List<SectionChange> sections) {
    }

    record SectionChange(String key, String change, String heading, Label label) implements Labelled {
    }

    /** The title as a labelled part. */
    record Title(String text, Label label) implements Labelled {
    }

    Version latest() {
        return versions.getLast();
    }

    @Nullable
    Version version(int number) {
        return number >= 1 && number <= versions.size() ? versions.get(number - 1) : null;
    }
}
