package org.kizuna.plans;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A plan as one reader may see it: the title if the reader may read it, the participating nations with their
 * designated approvers, every version with the sections the reader may read, and the comments the reader may read;
 * {@code label} is the banner of what the reader sees (the roll-up of the readable title, sections and comments).
 *
 * @param approvedVersion the newest approved version, if any
 * @param originator      the partner node whose plan this is, for a read-only replica; null for a plan of this node
 * @param requests        for a replica: the approvals and comments this node sent to the originator, with its answers
 * @param printLabel      the banner of the printed plan: the roll-up of the readable title and the newest version's
 *                        readable sections, which is all a printed plan carries of its labelled parts (older versions
 *                        and comments are not printed); UNCLASSIFIED when neither is readable
 */
public record Plan(String id, @Nullable String title, @Nullable Label titleLabel, PlanKind kind, List<Participant> nations, String createdBy,
        Instant createdAt, Instant updatedAt, int latestVersion, @Nullable Integer approvedVersion, List<Version> versions,
        Label label, @Nullable String originator, List<Comment> comments, List<Request> requests, Label printLabel) implements Labelled {

    /** A comment under its own label, by a user of {@code nation} (written on that nation's node when the plan is shared). */
    public record Comment(String id, String author, String nation, Instant at, Label label, String text) implements Labelled {
    }

    /**
     * An approval or comment given on this node's replica and sent to the plan's node, and where it stands:
     * {@code pending}, {@code accepted}, {@code refused} (with the owner's reason) or {@code not-sent}.
     *
     * @param version the version approved, for an approval
     */
    public record Request(String id, String kind, @Nullable Integer version, @Nullable String by, String state, @Nullable String reason,
            Instant sentAt, @Nullable Instant answeredAt) {
    }

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
