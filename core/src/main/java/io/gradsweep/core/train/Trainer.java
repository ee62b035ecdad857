package io.gradsweep.core.train;

import io.gradsweep.core.curvature.EdgeOfStability;
import io.gradsweep.core.curvature.PowerIteration;
import io.gradsweep.core.curvature.SharpnessMeter;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;
import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TraceSink;
import io.gradsweep.core.trace.TrialStatus;
import io.gradsweep.core.trace.TrialSummary;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Trains one trial on the calling thread: minibatch SGD-style steps over a shuffled order, with
 * evaluation points on a schedule, until the step budget, the target loss, divergence or the
 * time limit. Never throws for a trial's own failure: that becomes status {@code failed}.
 */
public final class Trainer {
    private final TrialSpec spec;
    private final TraceSink sink;

    private TrialSetup setup;
    private Evaluator evaluator;
    private Batch batch;
    private long start;
    private double[] thresholds;
    private long[] thresholdStep;
    private double[] thresholdEpoch;
    private long lastPointStep = -1;
    private double lastTrainLoss = Double.NaN;
    private double lastTrainAccuracy = Double.NaN;
    private double lastTestLoss = Double.NaN;
    private double lastTestAccuracy = Double.NaN;
    private SharpnessMeter sharpness;
    private long pointsSeen;
    private double maxSharpness = Double.NaN;
    private long edgeStep = -1;

    private Trainer(TrialSpec spec, TraceSink sink) {
        this.spec = spec;
        this.sink = sink;
    }

    /** Trains {@code spec}, sending every evaluation point and then the summary to {@code sink}. */
    public static TrialSummary run(TrialSpec spec, TraceSink sink) {
        return new Trainer(spec, sink).run();
    }

    private TrialSummary run() {
        start = System.nanoTime();
        thresholds = spec.realList("thresholds").stream().mapToDouble(Double::doubleValue).toArray();
        thresholdStep = new long[thresholds.length];
        thresholdEpoch = new double[thresholds.length];
        Arrays.fill(thresholdStep, -1);
        Arrays.fill(thresholdEpoch, Double.NaN);
        long[] stepsAndFlops = {0, 0};
        TrialSummary summary;
        try {
            setup = TrialSetup.of(spec);
            batch = new Batch(setup.data().train(), setup.network().capacity());
            evaluator = new Evaluator(setup.network(), setup.loss(), batch);
            if (spec.integer("sharpness_every") > 0) {
                sharpness = new SharpnessMeter(setup.network(), setup.loss(), batch, setup.data().train(),
                        (int) Math.min(Integer.MAX_VALUE, spec.integer("sharpness_rows")),
                        (int) Math.min(Integer.MAX_VALUE, spec.integer("sharpness_iterations")),
                        spec.real("sharpness_tolerance"), sharpnessSeed(spec));
            }
            summary = train(stepsAndFlops);
        } catch (RuntimeException | OutOfMemoryError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            summary = summary(TrialStatus.FAILED, message, stepsAndFlops[0], stepsAndFlops[1]);
        }
        sink.summary(summary);
        return summary;
    }

    private TrialSummary train(long[] stepsAndFlops) {
        Network network = setup.network();
        Dataset train = setup.data().train();
        TrainingStep trainingStep = new TrainingStep(network, setup.loss(), setup.optimizer(), spec.real("clip_norm"));
        int batchSize = Math.min((int) spec.integer("batch"), train.rows());
        long totalSteps = setup.budget().totalSteps();
        long flopsPerRow = 6 * network.weightCount();
        EvaluationSchedule points = setup.budget().evaluations();
        double targetLoss = spec.real("target_loss");
        long timeLimitNanos = (long) (spec.real("time_limit_seconds") * 1e9);

        evaluate(0, Double.NaN);
        double initialLoss = lastTrainLoss;
        double divergenceLimit = spec.real("divergence_factor") * initialLoss;
        if (!Double.isFinite(initialLoss)) {
            return summary(TrialStatus.DIVERGED, "the initial loss is not finite", 0, 0);
        }
        if (reachedTarget(targetLoss)) {
            return summary(TrialStatus.OK, null, 0, 0);
        }

        SplitMix64 batchOrder = new SplitMix64(setup.batchSeed());
        int[] order = new int[train.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int position = 0;
        double lossSinceLastPoint = 0;
        int stepsSinceLastPoint = 0;
        long step = 0;
        long flops = 0;
        while (step < totalSteps) {
            if (position == 0) {
                batchOrder.shuffle(order);
            }
            int rows = Math.min(batchSize, order.length - position);
            batch.gather(train, order, position, rows);
            double minibatchLoss = trainingStep.forward(batch);
            lossSinceLastPoint += minibatchLoss;
            stepsSinceLastPoint++;
            if (!Double.isFinite(minibatchLoss) || (initialLoss > 0 && minibatchLoss > divergenceLimit)) {
                if (lastPointStep != step) { // else the weights are those of the point just recorded
                    evaluate(step, lossSinceLastPoint / stepsSinceLastPoint);
                }
                String why = Double.isFinite(minibatchLoss)
                        ? "minibatch loss " + minibatchLoss + " exceeded " + spec.real("divergence_factor")
                                + " x the initial loss " + initialLoss
                        : "minibatch loss became " + minibatchLoss;
                return summary(TrialStatus.DIVERGED, why + " at step " + step, step, flops);
            }
            trainingStep.backwardAndUpdate(batch, (float) setup.schedule().rate(step));
            step++;
            flops += flopsPerRow * rows;
            stepsAndFlops[0] = step;
            stepsAndFlops[1] = flops;
            position += rows;
            if (position >= order.length) {
                position = 0;
            }
            if (points.isPoint(step)) {
                evaluate(step, lossSinceLastPoint / stepsSinceLastPoint);
                lossSinceLastPoint = 0;
                stepsSinceLastPoint = 0;
                if (!Double.isFinite(lastTrainLoss)) {
                    return summary(TrialStatus.DIVERGED, "train loss became " + lastTrainLoss + " at step " + step,
                            step, flops);
                }
                if (reachedTarget(targetLoss)) {
                    return summary(TrialStatus.OK, null, step, flops);
                }
            }
            if (timeLimitNanos > 0 && System.nanoTime() - start > timeLimitNanos) {
                if (stepsSinceLastPoint > 0) {
                    evaluate(step, lossSinceLastPoint / stepsSinceLastPoint);
                }
                return summary(TrialStatus.TIMEOUT, "time limit of " + spec.real("time_limit_seconds")
                        + " s reached at step " + step, step, flops);
            }
        }
        return summary(TrialStatus.OK, null, step, flops);
    }

    private boolean reachedTarget(double targetLoss) {
        return targetLoss > 0 && lastTrainLoss <= targetLoss;
    }

    private void evaluate(long step, double minibatchLoss) {
        Evaluator.Point point = evaluator.measure(setup.data().train(), setup.data().test(),
                (int) spec.integer("eval_subset"));
        double[] train = point.train();
        double[] test = point.test();
        Evaluator.LayerStatistics stats = point.statistics();
        lastPointStep = step;
        lastTrainLoss = train[0];
        lastTrainAccuracy = train[1];
        lastTestLoss = test[0];
        lastTestAccuracy = test[1];
        double epoch = setup.budget().epochs(step);
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholdStep[i] < 0 && train[0] <= thresholds[i]) {
                thresholdStep[i] = step;
                thresholdEpoch[i] = epoch;
            }
        }
        double rate = setup.schedule().rate(step);
        PowerIteration.Estimate curvature = measureSharpness(step, rate);
        sink.point(new TracePoint(step, epoch, minibatchLoss, train[0], train[1], test[0], test[1],
                stats.gradientNorm, stats.deadFraction, stats.activationMean, stats.activationStd,
                rate, System.nanoTime() - start, curvature.value(), curvature.iterations()));
    }

    /** The seed of the sharpness start vector: a stream of its own, so no other stream moves. */
    static long sharpnessSeed(TrialSpec spec) {
        return Seeds.derive(spec.seed(), "sharpness", spec.replicate());
    }

    /** Sharpness at every sharpness_every-th point (step 0 is the first); NaN and 0 iterations elsewhere. */
    private PowerIteration.Estimate measureSharpness(long step, double rate) {
        long point = pointsSeen++;
        if (sharpness == null || point % spec.integer("sharpness_every") != 0) {
            return new PowerIteration.Estimate(Double.NaN, 0);
        }
        PowerIteration.Estimate e = sharpness.measure();
        if (!Double.isNaN(e.value()) && (Double.isNaN(maxSharpness) || e.value() > maxSharpness)) {
            maxSharpness = e.value();
        }
        OptionalDouble edge = EdgeOfStability.threshold(spec.text("optimizer"), rate, spec.real("momentum"));
        if (edgeStep < 0 && edge.isPresent() && e.value() >= edge.getAsDouble()) {
            edgeStep = step;
        }
        return e;
    }

    private TrialSummary summary(TrialStatus status, String message, long steps, long flops) {
        double epochs = setup == null ? 0 : setup.budget().epochs(steps);
        return new TrialSummary(status, message, steps, epochs, lastTrainLoss, lastTrainAccuracy, lastTestLoss,
                lastTestAccuracy, thresholds, thresholdStep, thresholdEpoch, flops, System.nanoTime() - start,
                maxSharpness, edgeStep);
    }
}
