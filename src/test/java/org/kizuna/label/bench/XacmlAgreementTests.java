package org.kizuna.label.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;

/** The benchmark compares like with like: AuthzForce and the kernel give the same answer on every decision. */
class XacmlAgreementTests {

    @Test
    void authzForceAndTheKernelAgreeOnTheBenchmarkDecisions() throws Exception {
        LabelKernel kernel = LabelKernel.standard();
        LabelDecisionWorkload w = LabelDecisionWorkload.create(2000, 7L);
        int allowed = 0;
        try (XacmlLabelPdp pdp = new XacmlLabelPdp()) {
            for (int i = 0; i < w.labels().length; i++) {
                boolean k = kernel.mayRead(w.labels()[i], w.readers()[i]);
                assertThat(pdp.permits(pdp.request(w.labels()[i], w.readers()[i], kernel))).as(w.labels()[i] + " for " + w.readers()[i]).isEqualTo(k);
                assertThat(kernel.decide(w.labels()[i], w.readers()[i]).allowed()).isEqualTo(k);
                if (k) allowed++;
            }
        }
        // A workload of all-allow or all-deny would prove nothing.
        assertThat(allowed).isBetween(200, 1800);
    }
}
