package io.gradsweep.core.trace;

import java.util.Arrays;

/**
 * What one evaluation point of a trial records. Per-layer arrays: gradient norms cover every
 * layer including the output layer (depth + 1 values); dead-unit fractions and activation
 * statistics cover the hidden layers (depth values). Everything but {@link #elapsedNanos} is a
 * deterministic function of the trial spec.
 */
public final class TracePoint {
    private final long step;
    private final double epoch;
    private final double minibatchLoss;
    private final double trainLoss;
    private final double trainAccuracy;
    private final double testLoss;
    private final double testAccuracy;
    private final float[] gradientNorm;
    private final float[] deadFraction;
    private final float[] activationMean;
    private final float[] activationStd;
    private final double learningRate;
    private final long elapsedNanos;
    private final double sharpness;
    private final int sharpnessIterations;

    /** A point without a sharpness measurement. */
    public TracePoint(long step, double epoch, double minibatchLoss, double trainLoss, double trainAccuracy,
                      double testLoss, double testAccuracy, float[] gradientNorm, float[] deadFraction,
                      float[] activationMean, float[] activationStd, double learningRate, long elapsedNanos) {
        this(step, epoch, minibatchLoss, trainLoss, trainAccuracy, testLoss, testAccuracy, gradientNorm, deadFraction,
                activationMean, activationStd, learningRate, elapsedNanos, Double.NaN, 0);
    }

    /** @param sharpnessIterations products the sharpness took; 0 (with sharpness NaN) when not measured */
    public TracePoint(long step, double epoch, double minibatchLoss, double trainLoss, double trainAccuracy,
                      double testLoss, double testAccuracy, float[] gradientNorm, float[] deadFraction,
                      float[] activationMean, float[] activationStd, double learningRate, long elapsedNanos,
                      double sharpness, int sharpnessIterations) {
        this.step = step;
        this.epoch = epoch;
        this.minibatchLoss = minibatchLoss;
        this.trainLoss = trainLoss;
        this.trainAccuracy = trainAccuracy;
        this.testLoss = testLoss;
        this.testAccuracy = testAccuracy;
        this.gradientNorm = gradientNorm.clone();
        this.deadFraction = deadFraction.clone();
        this.activationMean = activationMean.clone();
        this.activationStd = activationStd.clone();
        this.learningRate = learningRate;
        this.elapsedNanos = elapsedNanos;
        this.sharpness = sharpness;
        this.sharpnessIterations = sharpnessIterations;
    }

    /** Optimiser steps taken before this point (0 = at initialisation). */
    public long step() {
        return step;
    }

    /** step / steps per epoch. */
    public double epoch() {
        return epoch;
    }

    /** Mean minibatch loss over the steps since the previous point; NaN at step 0. */
    public double minibatchLoss() {
        return minibatchLoss;
    }

    /** Mean loss over the whole training set, without weight decay. */
    public double trainLoss() {
        return trainLoss;
    }

    /** Fraction right over the training set; NaN for regression. */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    public double testLoss() {
        return testLoss;
    }

    /** NaN for regression. */
    public double testAccuracy() {
        return testAccuracy;
    }

    /** Frobenius norm of each layer's weight gradient of the mean loss over the evaluation subset. */
    public float[] gradientNorm() {
        return gradientNorm.clone();
    }

    /** Per hidden layer: fraction of units whose activation derivative is 0 on every row of the evaluation subset. */
    public float[] deadFraction() {
        return deadFraction.clone();
    }

    /** Per hidden layer: mean of the activations over units and evaluation-subset rows. */
    public float[] activationMean() {
        return activationMean.clone();
    }

    public float[] activationStd() {
        return activationStd.clone();
    }

    /** The rate the next step will use. */
    public double learningRate() {
        return learningRate;
    }

    /** Wall time since the trial started (includes evaluation); the one non-deterministic field. */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * The top eigenvalue of the Hessian of the mean training loss (over the sharpness rows) at this
     * point's weights; NaN where the point was not measured.
     */
    public double sharpness() {
        return sharpness;
    }

    /** Power-iteration products the sharpness took; 0 where not measured. */
    public int sharpnessIterations() {
        return sharpnessIterations;
    }

    /** True when this point has a sharpness measurement. */
    public boolean hasSharpness() {
        return sharpnessIterations > 0;
    }

    /** Equality of every deterministic field, bit for bit (NaN equals NaN). */
    public boolean sameResultAs(TracePoint o) {
        return step == o.step
                && same(epoch, o.epoch) && same(minibatchLoss, o.minibatchLoss) && same(trainLoss, o.trainLoss)
                && same(trainAccuracy, o.trainAccuracy) && same(testLoss, o.testLoss)
                && same(testAccuracy, o.testAccuracy) && same(learningRate, o.learningRate)
                && same(sharpness, o.sharpness) && sharpnessIterations == o.sharpnessIterations
                && Arrays.equals(gradientNorm, o.gradientNorm) && Arrays.equals(deadFraction, o.deadFraction)
                && Arrays.equals(activationMean, o.activationMean) && Arrays.equals(activationStd, o.activationStd);
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    @Override
    public String toString() {
        return "TracePoint{step=" + step + ", trainLoss=" + trainLoss + ", testLoss=" + testLoss
                + ", testAccuracy=" + testAccuracy + "}";
    }
}
