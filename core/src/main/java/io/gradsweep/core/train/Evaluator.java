package io.gradsweep.core.train;

import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Dense;
import io.gradsweep.core.nn.Network;
import java.util.List;

/**
 * Measures a network without changing its weights: full-pass loss and accuracy, and on a fixed
 * evaluation subset (the first rows of the training set) the per-layer gradient norms, dead-unit
 * fractions and activation statistics. It overwrites the gradient buffers, so it runs between
 * optimiser steps.
 *
 * <p>Why one pass: the subset's rows are the training pass's first chunks, so their forward pass
 * serves both the loss and the statistics, and only the subset is taken backward. The numbers are
 * the same, bit for bit, as a separate pass over the subset in chunks from its first row: every
 * chunk of the subset is the same rows as before, and a last, partial one is still its own chunk.
 */
final class Evaluator {
    private final Network network;
    private final Loss loss;
    private final Batch batch;
    private final boolean[][] alive;
    private final double[] sum;
    private final double[] sumSquares;

    Evaluator(Network network, Loss loss, Batch batch) {
        this.network = network;
        this.loss = loss;
        this.batch = batch;
        List<Dense> layers = network.layers();
        this.alive = new boolean[layers.size() - 1][];
        for (int l = 0; l < alive.length; l++) {
            alive[l] = new boolean[layers.get(l).outputs()];
        }
        this.sum = new double[alive.length];
        this.sumSquares = new double[alive.length];
    }

    /** The numbers of one evaluation point. */
    record Point(double[] train, double[] test, LayerStatistics statistics) {
    }

    /** Loss and accuracy on {@code train} and {@code test}, statistics on the first {@code subsetRows} of {@code train}. */
    Point measure(Dataset train, Dataset test, int subsetRows) {
        int n = Math.min(subsetRows, train.rows());
        startStatistics();
        double[] trainNumbers = lossAndAccuracy(train, n);
        double[] testNumbers = lossAndAccuracy(test, 0);
        return new Point(trainNumbers, testNumbers, finishStatistics(n));
    }

    /**
     * {mean loss, accuracy (NaN for regression)} over every row of {@code data}; its first
     * {@code subsetRows} rows also go into the layer statistics.
     */
    private double[] lossAndAccuracy(Dataset data, int subsetRows) {
        int width = network.outputLayer().outputs();
        double total = 0;
        long right = 0;
        for (int from = 0; from < data.rows(); from += network.capacity()) {
            int rows = Math.min(network.capacity(), data.rows() - from);
            boolean subsetChunk = from + rows <= subsetRows;
            batch.gatherRange(data, from, rows);
            float[] out = subsetChunk ? network.forward(batch.x(), rows) : network.predict(batch.x(), rows);
            total += loss.evaluate(out, width, batch, null, 0f);
            right += Loss.correct(out, width, batch);
            if (subsetChunk) {
                addToStatistics(out, from, rows, subsetRows);
            } else if (from < subsetRows) {
                // The subset ends inside this chunk: its last rows are a chunk of their own.
                int last = subsetRows - from;
                batch.gatherRange(data, from, last);
                addToStatistics(network.forward(batch.x(), last), from, last, subsetRows);
            }
        }
        double accuracy = data.task() == Dataset.Task.REGRESSION ? Double.NaN : (double) right / data.rows();
        return new double[] {total / data.rows(), accuracy};
    }

    private void startStatistics() {
        for (boolean[] a : alive) {
            java.util.Arrays.fill(a, false);
        }
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSquares, 0);
    }

    /** Unit statistics and the weight gradients (mean over the subset's n rows) of the chunk just run forward. */
    private void addToStatistics(float[] out, int from, int rows, int n) {
        List<Dense> layers = network.layers();
        for (int l = 0; l < alive.length; l++) {
            accumulateUnitStatistics(layers.get(l), rows, l);
        }
        loss.evaluate(out, network.outputLayer().outputs(), batch, network.outputLayer().deltas(), 1f / n);
        network.backward(batch.x(), rows, from > 0);
    }

    private LayerStatistics finishStatistics(int n) {
        List<Dense> layers = network.layers();
        int hidden = alive.length;
        float[] gradientNorm = new float[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            double s = 0;
            for (float g : layers.get(l).weightGrad()) {
                s += (double) g * g;
            }
            gradientNorm[l] = (float) Math.sqrt(s);
        }
        float[] dead = new float[hidden];
        float[] mean = new float[hidden];
        float[] std = new float[hidden];
        for (int l = 0; l < hidden; l++) {
            int units = layers.get(l).outputs();
            int deadUnits = 0;
            for (boolean a : alive[l]) {
                deadUnits += a ? 0 : 1;
            }
            dead[l] = (float) deadUnits / units;
            double count = (double) n * units;
            double m = sum[l] / count;
            mean[l] = (float) m;
            std[l] = (float) Math.sqrt(Math.max(0, sumSquares[l] / count - m * m));
        }
        return new LayerStatistics(gradientNorm, dead, mean, std);
    }

    private void accumulateUnitStatistics(Dense layer, int rows, int l) {
        float[] z = layer.preActivations();
        float[] y = layer.outputsBuffer();
        int units = layer.outputs();
        boolean[] unitAlive = alive[l];
        double s = 0;
        double q = 0;
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                int i = r * units + u;
                s += y[i];
                q += (double) y[i] * y[i];
                if (!unitAlive[u] && layer.activation().derivative(z[i], y[i]) != 0f) {
                    unitAlive[u] = true;
                }
            }
        }
        sum[l] += s;
        sumSquares[l] += q;
    }

    /** Per-layer numbers of one evaluation point. */
    static final class LayerStatistics {
        final float[] gradientNorm;
        final float[] deadFraction;
        final float[] activationMean;
        final float[] activationStd;

        LayerStatistics(float[] gradientNorm, float[] deadFraction, float[] activationMean, float[] activationStd) {
            this.gradientNorm = gradientNorm;
            this.deadFraction = deadFraction;
            this.activationMean = activationMean;
            this.activationStd = activationStd;
        }
    }
}
