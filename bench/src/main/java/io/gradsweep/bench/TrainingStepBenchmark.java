package io.gradsweep.bench;

import io.gradsweep.core.bench.StepBenchmark;
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

/**
 * Training steps per second of the reference networks (inputs 64, batch 64, 10 classes, SGD).
 * Run with {@code -prof gc}: gc.alloc.rate.norm is the bytes allocated per step (target 0).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"2", "8"})
    public int depth;

    @Param({"128"})
    public int width;

    @Param({"relu"})
    public String activation;

    private StepBenchmark bench;

    @Setup
    public void setUp() {
        bench = new StepBenchmark(64, width, depth, 10, 64, activation);
    }

    @Benchmark
    public double step() {
        return bench.step();
    }
}
