package io.gradsweep.core.trace;

import java.util.Optional;
import java.util.OptionalLong;

/** The per-trial result: how it ended, final metrics, when each loss threshold was first reached. */
public final class TrialSummary {
    private final TrialStatus status;
    private final String message;
    private final long stepsRun;
    private final double epochsRun;
    private final double finalTrainLoss;
    private final double finalTrainAccuracy;
    private final double finalTestLoss;
    private final double finalTestAccuracy;
    private final double[] thresholds;
    private final long[] thresholdStep;
    private final double[] thresholdEpoch;
    private final long flops;
    private final long wallNanos;
    private final double maxSharpness;
    private final long edgeStep;

    /** A summary of a trial that measured no sharpness. */
    public TrialSummary(TrialStatus status, String message, long stepsRun, double epochsRun, double finalTrainLoss,
                        double finalTrainAccuracy, double finalTestLoss, double finalTestAccuracy,
                        double[] thresholds, long[] thresholdStep, double[] thresholdEpoch, long flops,
                        long wallNanos) {
        this(status, message, stepsRun, epochsRun, finalTrainLoss, finalTrainAccuracy, finalTestLoss,
                finalTestAccuracy, thresholds, thresholdStep, thresholdEpoch, flops, wallNanos, Double.NaN, -1);
    }

    /**
     * @param maxSharpness the largest sharpness measured, NaN if none
     * @param edgeStep     the first measured step whose sharpness reached the edge of stability, -1 if none
     */
    public TrialSummary(TrialStatus status, String message, long stepsRun, double epochsRun, double finalTrainLoss,
                        double finalTrainAccuracy, double finalTestLoss, double finalTestAccuracy,
                        double[] thresholds, long[] thresholdStep, double[] thresholdEpoch, long flops,
                        long wallNanos, double maxSharpness, long edgeStep) {
        this.status = status;
        this.message = message;
        this.stepsRun = stepsRun;
        this.epochsRun = epochsRun;
        this.finalTrainLoss = finalTrainLoss;
        this.finalTrainAccuracy = finalTrainAccuracy;
        this.finalTestLoss = finalTestLoss;
        this.finalTestAccuracy = finalTestAccuracy;
        this.thresholds = thresholds.clone();
        this.thresholdStep = thresholdStep.clone();
        this.thresholdEpoch = thresholdEpoch.clone();
        this.flops = flops;
        this.wallNanos = wallNanos;
        this.maxSharpness = maxSharpness;
        this.edgeStep = edgeStep;
    }

    public TrialStatus status() {
        return status;
    }

    /** Why it diverged or failed; empty when ok. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public long stepsRun() {
        return stepsRun;
    }

    public double epochsRun() {
        return epochsRun;
    }

    /** Full-pass train loss at the last evaluation point (NaN if none). */
    public double finalTrainLoss() {
        return finalTrainLoss;
    }

    public double finalTrainAccuracy() {
        return finalTrainAccuracy;
    }

    public double finalTestLoss() {
        return finalTestLoss;
    }

    public double finalTestAccuracy() {
        return finalTestAccuracy;
    }

    /** The configured loss thresholds, in the order of the study file. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The first evaluation point's step at which the full-pass train loss was at or below
     * threshold i; empty when never reached (censored at {@link #stepsRun}).
     */
    public OptionalLong thresholdStep(int i) {
        return thresholdStep[i] < 0 ? OptionalLong.empty() : OptionalLong.of(thresholdStep[i]);
    }

    /** The same, in epochs; empty when never reached. */
    public Optional<Double> thresholdEpoch(int i) {
        return thresholdStep[i] < 0 ? Optional.empty() : Optional.of(thresholdEpoch[i]);
    }

    /** Training FLOPs: 6 x rows x weights per step (forward 2, backward 4), evaluation not counted. */
    public long flops() {
        return flops;
    }

    public long wallNanos() {
        return wallNanos;
    }

    /** The largest sharpness of any evaluation point; NaN when none was measured. */
    public double maxSharpness() {
        return maxSharpness;
    }

    /**
     * The step of the first measured point whose sharpness was at or above the edge of stability
     * for the trial's optimiser and that point's learning rate (see
     * {@link io.gradsweep.core.curvature.EdgeOfStability}); empty when never reached, not measured,
     * or the optimiser is adaptive.
     */
    public OptionalLong edgeStep() {
        return edgeStep < 0 ? OptionalLong.empty() : OptionalLong.of(edgeStep);
    }

    @Override
    public String toString() {
        return "TrialSummary{" + status.label() + (message == null ? "" : " (" + message + ")") + ", steps="
                + stepsRun + ", trainLoss=" + finalTrainLoss + ", testAccuracy=" + finalTestAccuracy + "}";
    }
}
