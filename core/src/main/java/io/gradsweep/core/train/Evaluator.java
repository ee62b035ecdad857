package io.gradsweep.core.train;

import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Dense;
import io.gradsweep.core.nn.Network;
import java.util.List;

/**
 * Measures a network without changing its weights: full-pass loss and accuracy, and on a fixed
 * evaluation subset the per-layer gradient norms, dead-unit fractions and activation statistics.
 * It overwrites the gradient buffers, so it runs between optimiser steps.
 */
final class Evaluator {
    private final Network network;
    private final Loss loss;
    private final Batch batch;
    private final boolean[][] alive;

    Evaluator(Network network, Loss loss, Batch batch) {
        this.network = network;
        this.loss = loss;
        this.batch = batch;
        List<Dense> layers = network.layers();
        this.alive = new boolean[layers.size() - 1][];
        for (int l = 0; l < alive.length; l++) {
            alive[l] = new boolean[layers.get(l).outputs()];
        }
    }

    /** {mean loss, accuracy (NaN for regression)} over every row of {@code data}. */
    double[] lossAndAccuracy(Dataset data) {
        int width = network.outputLayer().outputs();
        double sum = 0;
        long right = 0;
        for (int from = 0; from < data.rows(); from += network.capacity()) {
            int rows = Math.min(network.capacity(), data.rows() - from);
            batch.gatherRange(data, from, rows);
            float[] out = network.forward(batch.x(), rows);
            sum += loss.evaluate(out, width, batch, null, 0f);
            right += Loss.correct(out, width, batch);
        }
        double accuracy = data.task() == Dataset.Task.REGRESSION ? Double.NaN : (double) right / data.rows();
        return new double[] {sum / data.rows(), accuracy};
    }

    /** Statistics over the first {@code subsetRows} rows of {@code data}. */
    LayerStatistics layerStatistics(Dataset data, int subsetRows) {
        List<Dense> layers = network.layers();
        int hidden = layers.size() - 1;
        double[] sum = new double[hidden];
        double[] sumSquares = new double[hidden];
        for (boolean[] a : alive) {
            java.util.Arrays.fill(a, false);
        }
        int width = network.outputLayer().outputs();
        int n = Math.min(subsetRows, data.rows());
        for (int from = 0; from < n; from += network.capacity()) {
            int rows = Math.min(network.capacity(), n - from);
            batch.gatherRange(data, from, rows);
            float[] out = network.forward(batch.x(), rows);
            for (int l = 0; l < hidden; l++) {
                accumulateUnitStatistics(layers.get(l), rows, l, sum, sumSquares);
            }
            loss.evaluate(out, width, batch, network.outputLayer().deltas(), 1f / n);
            network.backward(batch.x(), rows, from > 0);
        }
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

    private void accumulateUnitStatistics(Dense layer, int rows, int l, double[] sum, double[] sumSquares) {
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
