package org.kizuna.label.bench;

import java.util.concurrent.TimeUnit;

import org.kizuna.label.Clearance;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.ow2.authzforce.core.pdp.api.DecisionRequest;

/**
 * JMH: the same read decisions made by the label kernel and by AuthzForce, one thread. Scores are
 * decisions per second (each invocation makes {@link #N} decisions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LabelDecisionBenchmark {

    static final int N = 4096;

    private LabelKernel kernel;
    private Label[] labels;
    private Reader[] readers;
    private Clearance[] clearances;
    private DecisionRequest[] requests;
    private XacmlLabelPdp pdp;

    @Setup
    public void setUp() {
        kernel = LabelKernel.standard();
        LabelDecisionWorkload w = LabelDecisionWorkload.create(N, 20251123L);
        labels = w.labels();
        readers = w.readers();
        clearances = new Clearance[N];
        requests = new DecisionRequest[N];
        pdp = new XacmlLabelPdp();
        for (int i = 0; i < N; i++) {
            clearances[i] = kernel.clearance(readers[i]);
            requests[i] = pdp.request(labels[i], readers[i], kernel);
            if (pdp.permits(requests[i]) != kernel.mayRead(labels[i], readers[i])) {
                throw new IllegalStateException("AuthzForce and the kernel disagree on " + labels[i] + " for " + readers[i]);
            }
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        pdp.close();
    }

    /** The kernel with readers compiled once (a fan-out to one subscriber). */
    @Benchmark
    @OperationsPerInvocation(N)
    public int kernelWithClearance() {
        int allowed = 0;
        for (int i = 0; i < N; i++) {
            if (kernel.mayRead(labels[i], clearances[i])) allowed++;
        }
        return allowed;
    }

    /** The kernel straight from a {@link Reader} record (a single read path). */
    @Benchmark
    @OperationsPerInvocation(N)
    public int kernelWithReader() {
        int allowed = 0;
        for (int i = 0; i < N; i++) {
            if (kernel.mayRead(labels[i], readers[i])) allowed++;
        }
        return allowed;
    }

    /** AuthzForce evaluating the XACML form of the same rule on the same decisions. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int authzForce() {
        int allowed = 0;
        for (int i = 0; i < N; i++) {
            if (pdp.permits(requests[i])) allowed++;
        }
        return allowed;
    }
}
