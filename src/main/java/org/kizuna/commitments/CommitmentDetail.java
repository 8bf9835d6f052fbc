package org.kizuna.commitments;

import java.util.List;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A commitment with the statement it was made in and its history, oldest first; labelled as the commitment. */
public record CommitmentDetail(Commitment commitment, Statement statement, List<CommitmentChange> history) implements Labelled {

    @Override
    public Label label() {
        return commitment.label();
    }
}
