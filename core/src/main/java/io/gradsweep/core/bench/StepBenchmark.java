package io.gradsweep.core.bench;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.SoftmaxCrossEntropy;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.optim.Optimizer;
import io.gradsweep.core.optim.OptimizerSettings;
import io.gradsweep.core.random.SplitMix64;
import io.gradsweep.core.train.TrainingStep;

/**
 * The reference workload of the speed comparison: an MLP inputs -> width x depth -> classes,
 * softmax cross-entropy, plain SGD, on random Gaussian rows with random labels, the same
 * workload bench/pytorch_peer.py gives PyTorch. Steps cycle through a few fixed batches.
 */
public final class StepBenchmark {
    private static final int BATCHES = 8;

    private final TrainingStep step;
    private final Batch[] batches;
    private final long flopsPerStep;
    private int next;

    public StepBenchmark(int inputs, int width, int depth, int classes, int batchSize, String activation) {
        SplitMix64 rng = new SplitMix64(42);
        int rows = batchSize * BATCHES;
        float[] x = new float[rows * inputs];
        int[] labels = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            labels[i] = rng.nextInt(classes);
        }
        Dataset data = Dataset.classification("synthetic", x, rows, inputs, labels, classes);
        Network network = Network.create(inputs, classes, depth, width, Activations.parse(activation),
                Initializer.HE_NORMAL, 1.0, 0f, 7, batchSize);
        Optimizer sgd = Optimizer.create(OptimizerSettings.defaults("sgd"), network.parameters());
        this.step = new TrainingStep(network, new SoftmaxCrossEntropy(), sgd, 0);
        this.batches = new Batch[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            batches[b] = new Batch(data, batchSize);
            batches[b].gatherRange(data, b * batchSize, batchSize);
        }
        this.flopsPerStep = 6L * batchSize * network.weightCount();
    }

    /** One training step; returns its minibatch loss (so the work cannot be optimised away). */
    public double step() {
        Batch batch = batches[next];
        next = (next + 1) % BATCHES;
        double loss = step.forward(batch);
        step.backwardAndUpdate(batch, 0.01f);
        return loss;
    }

    /** 6 x batch x weights: the convention PyTorch comparisons use. */
    public long flopsPerStep() {
        return flopsPerStep;
    }

    /** Steps per second over about {@code seconds} of steady-state stepping. */
    public double stepsPerSecond(double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long steps = 0;
        double sink = 0;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sink += step();
            }
            steps += 16;
            now = System.nanoTime();
        } while (now - start < budget);
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("benchmark loss became NaN");
        }
        return steps / ((now - start) / 1e9);
    }
}
