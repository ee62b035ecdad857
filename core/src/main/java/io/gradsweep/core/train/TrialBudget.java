package io.gradsweep.core.train;

import java.util.Locale;

/**
 * A trial's training budget, from its settings and its training set's size: steps per epoch,
 * total steps, rows trained on, when it is evaluated. The one place this arithmetic lives: the
 * trainer trains by it, and the cost model and {@code plan} estimate by it, so that they cannot
 * drift apart. The trainer may stop earlier (target loss, divergence, time limit); this is the plan.
 */
public final class TrialBudget {
    /** The most elements one Java array holds (the JDK's own bound for arrays that grow). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Rows per evaluation chunk: evaluation reuses the training buffers, grown to at least this. */
    static final int EVALUATION_CHUNK = 256;

    private final long trainRows;
    private final long batchRows;
    private final long stepsPerEpoch;
    private final long totalSteps;
    private final long evaluateEvery;
    private final int evaluationsPerDecade;

    private TrialBudget(long trainRows, long batch, long maxSteps, long epochs, long evalEverySteps,
                        int evaluationsPerDecade) {
        if (trainRows < 1 || batch < 1) {
            throw new IllegalArgumentException("a budget needs at least 1 training row and a batch of at least 1,"
                    + " got " + trainRows + " rows, batch " + batch);
        }
        this.trainRows = trainRows;
        this.batchRows = Math.min(batch, trainRows);
        this.stepsPerEpoch = (trainRows + batch - 1) / batch; // the last batch of an epoch may be short
        this.totalSteps = maxSteps > 0 ? maxSteps : saturatedProduct(epochs, stepsPerEpoch);
        this.evaluateEvery = evalEverySteps > 0 ? evalEverySteps : stepsPerEpoch;
        this.evaluationsPerDecade = evaluationsPerDecade;
    }

    /** The budget of {@code spec} on a training set of {@code trainRows} rows. */
    public static TrialBudget of(TrialSpec spec, long trainRows) {
        return new TrialBudget(trainRows, spec.integer("batch"), spec.integer("max_steps"), spec.integer("epochs"),
                spec.integer("eval_every_steps"), (int) spec.integer("eval_log_per_decade"));
    }

    /** Steps of one pass over the training rows: ceil(rows / batch). */
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** max_steps when set, else epochs x steps per epoch. */
    public long totalSteps() {
        return totalSteps;
    }

    /** Rows in a full minibatch: the batch, or every training row when the batch is larger. */
    public long batchRows() {
        return batchRows;
    }

    /** Rows the network's buffers hold: a minibatch, or an evaluation chunk when that is larger. */
    public long capacityRows() {
        return Math.max(batchRows, EVALUATION_CHUNK);
    }

    /** Epochs after {@code steps} steps, as the trace reports them: steps / steps per epoch. */
    public double epochs(long steps) {
        return (double) steps / stepsPerEpoch;
    }

    /**
     * Rows trained on over {@link #totalSteps}, each epoch's short last batch counted as short:
     * whole epochs x rows, plus the full batches of the last part-epoch.
     */
    public double rowsTrained() {
        long wholeEpochs = totalSteps / stepsPerEpoch;
        long rest = totalSteps % stepsPerEpoch;
        return (double) wholeEpochs * trainRows + (double) rest * batchRows;
    }

    /** Steps between regular evaluations: eval_every_steps when set, else one epoch. */
    public long evaluateEvery() {
        return evaluateEvery;
    }

    /** Which steps are evaluation points (see {@link EvaluationSchedule}). */
    public EvaluationSchedule evaluations() {
        return new EvaluationSchedule(totalSteps, evaluateEvery, evaluationsPerDecade);
    }

    /**
     * Weights (not biases) of an MLP inputs -> width x depth -> outputs; {@link Long#MAX_VALUE} when
     * the count does not fit a long, so a refusal can still compare it with a limit.
     */
    public static long weights(long inputs, long outputs, long depth, long width) {
        if (depth == 0) {
            return saturatedProduct(inputs, outputs);
        }
        long hidden = saturatedProduct(depth - 1, saturatedProduct(width, width));
        return saturatedSum(saturatedSum(saturatedProduct(inputs, width), hidden), saturatedProduct(width, outputs));
    }

    /** Why a network cannot be built in one JVM: the setting to change and the arithmetic. */
    public record Oversize(String key, String reason) {
    }

    /**
     * Why an MLP inputs -> width x depth -> outputs, with buffers for {@code capacityRows} rows,
     * cannot be built: each layer's weights and each layer's activations are one float array, and
     * all weights together (four copies with gradients and an optimiser's state) must fit one heap.
     * Both totals are held to {@link #MAX_ARRAY}: 8 GiB of floats each, far beyond any network
     * this tool's studies train. Empty when the network can be built.
     */
    public static java.util.Optional<Oversize> oversize(long inputs, long outputs, long depth, long width,
                                                       long capacityRows) {
        long[][] layers = depth == 0 ? new long[][] {{inputs, outputs}}
                : new long[][] {{inputs, width}, {width, depth > 1 ? width : outputs}, {width, outputs}};
        for (long[] layer : layers) {
            long n = saturatedProduct(layer[0], layer[1]);
            if (n > MAX_ARRAY) {
                return java.util.Optional.of(new Oversize(depth == 0 ? "dataset" : "width", String.format(Locale.ROOT,
                        "a layer of %,d x %,d = %s weights, more than one Java array holds (%,d)", layer[0], layer[1],
                        count(n), MAX_ARRAY)));
            }
        }
        long weights = weights(inputs, outputs, depth, width);
        if (weights > MAX_ARRAY) {
            return java.util.Optional.of(new Oversize("depth", String.format(Locale.ROOT,
                    "%s weights in all (%,d x %,d + %,d x %,d x %,d + %,d x %,d), more than %,d (8 GiB of float weights,"
                            + " four times that with gradients and optimiser state)", count(weights), inputs, width,
                    depth - 1, width, width, width, outputs, MAX_ARRAY)));
        }
        long activations = depth == 0 ? 0 : saturatedProduct(capacityRows, width);
        if (activations > MAX_ARRAY) {
            return java.util.Optional.of(new Oversize("width", String.format(Locale.ROOT,
                    "a hidden layer's activations for %,d rows x width %,d = %s floats, more than one Java array"
                            + " holds (%,d)", capacityRows, width, count(activations), MAX_ARRAY)));
        }
        long allActivations = saturatedProduct(depth, activations);
        if (allActivations > MAX_ARRAY) {
            return java.util.Optional.of(new Oversize("depth", String.format(Locale.ROOT,
                    "activations of depth %,d x %,d rows x width %,d = %s floats, more than %,d (8 GiB)", depth,
                    capacityRows, width, count(allActivations), MAX_ARRAY)));
        }
        return java.util.Optional.empty();
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 2^63" : String.format(Locale.ROOT, "%,d", n);
    }

    private static long saturatedProduct(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : Long.MAX_VALUE;
    }

    private static long saturatedSum(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }
}
