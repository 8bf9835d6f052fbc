package org.kizuna.commitments;

import org.kizuna.testing.H2Node;
import org.springframework.context.annotation.Import;

@H2Node
@Import(CommitmentsApiContract.Clocked.class)
class CommitmentsApiOnH2Tests extends CommitmentsApiContract {
}
