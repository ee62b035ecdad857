package io.gradsweep.core.curvature;

import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.random.SplitMix64;

/**
 * Measures a trial's sharpness at its evaluation points: power iteration on Hessian-vector
 * products over a fixed set of training rows. The first measurement starts from a Gaussian vector
 * of its own random stream (so no other stream of the trial moves); each later one starts from
 * the previous eigenvector, which is deterministic too and converges in a few products.
 * Near initialisation the eigenvalue of largest magnitude can be negative (measured: -8.0 on
 * iris at width 8), so it asks {@link PowerIteration#top} for the top one.
 */
public final class SharpnessMeter {
    private final Network network;
    private final Loss loss;
    private final Batch batch;
    private final Dataset data;
    private final int rows;
    private final int maxIterations;
    private final double tolerance;
    private final double[] vector;
    private final double[] shiftedVector;

    /**
     * @param rows          the first this many rows of {@code data}; 0 = all
     * @param startSeed     seed of the first start vector
     */
    public SharpnessMeter(Network network, Loss loss, Batch batch, Dataset data, int rows, int maxIterations,
                          double tolerance, long startSeed) {
        this.network = network;
        this.loss = loss;
        this.batch = batch;
        this.data = data;
        this.rows = rows;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        long size = network.parameterCount();
        this.vector = new double[(int) size];
        SplitMix64 rng = new SplitMix64(startSeed);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = rng.nextGaussian();
        }
        this.shiftedVector = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            shiftedVector[i] = rng.nextGaussian();
        }
    }

    /** The top Hessian eigenvalue at the network's current weights, which it leaves unchanged. */
    public PowerIteration.Estimate measure() {
        HessianVectorProduct hvp = new HessianVectorProduct(network, loss, batch, data, rows);
        return PowerIteration.top(hvp::multiply, vector, shiftedVector, maxIterations, tolerance);
    }
}
