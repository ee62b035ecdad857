package io.gradsweep.core.train;

import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.nn.Parameter;
import io.gradsweep.core.optim.GradientClipping;
import io.gradsweep.core.optim.Optimizer;
import java.util.List;

/**
 * One optimisation step in two halves, so that the caller can look at the loss before the update:
 * {@link #forward} (loss and output deltas), then {@link #backwardAndUpdate}. Allocation-free.
 */
public final class TrainingStep {
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<Parameter> parameters;
    private final double clipNorm;
    private final int width;

    public TrainingStep(Network network, Loss loss, Optimizer optimizer, double clipNorm) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.parameters = network.parameters();
        this.clipNorm = clipNorm;
        this.width = network.outputLayer().outputs();
    }

    /** The mean loss of the batch's rows; leaves the output deltas of the mean loss in place. */
    public double forward(Batch batch) {
        int rows = batch.rows();
        float[] out = network.forward(batch.x(), rows);
        return loss.evaluate(out, width, batch, network.outputLayer().deltas(), 1f / rows) / rows;
    }

    /** Backpropagates the deltas of the last {@link #forward}, clips, and updates with {@code learningRate}. */
    public void backwardAndUpdate(Batch batch, float learningRate) {
        network.backward(batch.x(), batch.rows(), false);
        if (clipNorm > 0) {
            GradientClipping.clip(parameters, clipNorm);
        }
        optimizer.step(learningRate);
    }
}
