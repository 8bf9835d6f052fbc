package org.kizuna.commitments;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Commitments and the statements they were made in, for one reader: every answer holds only what the reader may
 * read, decided in one audited query; a commitment the reader may not read is not found. Due and overdue are
 * computed by the node's clock.
 */
public interface Commitments {

    /**
     * The commitments the reader may read, by deadline.
     *
     * @param status only commitments of this status, or all
     * @param due    {@code overdue}, {@code due} or {@code done}, or all
     */
    List<Commitment> commitments(@Nullable CommitmentStatus status, @Nullable String due, Reader reader);

    Optional<CommitmentDetail> find(String id, Reader reader);

    List<Statement> statements(Reader reader);

    /** Records a change of status, deadline or evidence; only a planner of the owner nation may. */
    Optional<CommitmentDetail> change(String id, CommitmentUpdate update, KizunaUser user);
}
