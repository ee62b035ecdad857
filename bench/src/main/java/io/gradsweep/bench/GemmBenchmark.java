package io.gradsweep.bench;

import io.gradsweep.core.kernel.Gemm;
import io.gradsweep.core.random.SplitMix64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The three products of a training step, C[m x n] from A[m x k]: GFLOP/s = 2 m k n x ops/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBenchmark {
    @Param({"64x128x128", "64x128x10", "64x256x256", "256x256x256", "64x512x512"})
    public String shape;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        SplitMix64 rng = new SplitMix64(1);
        a = new float[Math.max(m * k, k * m)];
        b = new float[Math.max(k * n, m * n)];
        c = new float[Math.max(m * n, k * n)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rng.nextGaussian();
        }
    }

    /** Forward: Y = X W. */
    @Benchmark
    public float[] forward() {
        Gemm.multiply(a, b, c, m, k, n, false);
        return c;
    }

    /** W^T for the backward product: A [m x k] into C [k x m]. */
    @Benchmark
    public float[] transpose() {
        Gemm.transpose(a, m, k, c);
        return c;
    }

    /** Weight gradient: dW[k x n] = X^T dY with X [m x k], dY [m x n]. */
    @Benchmark
    public float[] weightGradient() {
        Gemm.multiplyTransposedA(a, b, c, k, m, n, false);
        return c;
    }
}
