package org.kizuna.commitments;

import java.util.List;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A commitment with the statement it was made in and its history, oldest first; labelled as the commitment.
 *
 * @param originator the partner node whose commitment this is, for a read-only replica (the node of the owner nation);
 *                   null when this node holds its own copy
 */
public record CommitmentDetail(Commitment commitment, Statement statement, List<CommitmentChange> history,
        @org.jspecify.annotations.Nullable String originator) implements Labelled {

    @Override
    public Label label() {
        return commitment.label();
    }
}
