package org.kizuna.commitments;

import org.kizuna.testing.PostgresNode;
import org.springframework.context.annotation.Import;

@PostgresNode
@Import(CommitmentsApiContract.Clocked.class)
class CommitmentsApiOnPostgresTests extends CommitmentsApiContract {
}
