package org.kizuna.plans;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A plan as one reader may see it: the title if the reader may read it, the participating nations with their
 * designated approvers, and every version with the sections the reader may read; {@code label} is the banner of what
 * the reader sees (the roll-up of the readable title and sections).
 *
 * @param approvedVersion the newest approved version, if any
 */
public record Plan(String id, @Nullable String title, @Nullable Label titleLabel, PlanKind kind, List<Participant> nations, String createdBy,
        Instant createdAt, Instant updatedAt, int latestVersion, @Nullable Integer approvedVersion, List<Version> versions,
        Label label) implements Labelled {

    /** A participating nation and its designated approver. */
    public record Participant(String nation, String approver) {
    }

    /**
     * A version: its status, the hash its approvals bind to, each participating nation's approval and the sections
     * the reader may read.
     *
     * @param hash the SHA-256 of the version's content (docs/plans.md, "Approvals and the hash"), hex
     */
    public record Version(int number, VersionStatus status, String hash, String createdBy, Instant createdAt, Instant updatedAt,
            List<Approval> approvals, List<Section> sections) {
    }

    /** A participating nation's approval of a version: whether its designated approver approved it, and when. */
    public record Approval(String nation, String approver, boolean approved, @Nullable String approvedBy, @Nullable Instant at) {
    }
}
