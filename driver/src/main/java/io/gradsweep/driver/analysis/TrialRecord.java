package io.gradsweep.driver.analysis;

import io.gradsweep.worker.table.TrialsTable;
import java.util.List;
import org.apache.spark.sql.Row;

/** One trial's convergence measures, as the per-trial query returns them (NaN = not available). */
public final class TrialRecord {
    final List<String> factors;
    final int replicate;
    /** The seeds the run shares with its partners in the other arms: see {@link PairKey}. */
    final PairKey pair;
    /** Per seed source (split, order, init) its setting, -1 = follows the replicate. */
    final long splitSeed;
    final long orderSeed;
    final long initSeed;
    final long gridIndex;
    final String status;
    final long stepsRun;
    final double epochsRun;
    final long plannedEpochs;
    /** The step budget; 0 = the planned epochs. */
    final long maxSteps;
    /** Optimiser steps per epoch; NaN when the run took no step (it diverged or failed at step 0). */
    final double stepsPerEpoch;
    /** The data set and batch size: runs that share them share their steps per epoch. */
    final String batchKey;
    /** The steps of the run's evaluation points, ascending: the only times a threshold crossing can be seen. */
    final long[] evalSteps;
    /** Per study threshold: first step at or below it, or -1 = never (censored at stepsRun). */
    final long[] thresholdStep;
    final double[] thresholdEpoch;
    final double finalTrainLoss;
    final double finalTestLoss;
    final double finalTrainAccuracy;
    final double bestTrainAccuracy;
    final double finalTestAccuracy;
    final double bestTrainLoss;
    final double bestTestLoss;
    final double bestTestAccuracy;
    final double peakDeadFraction;
    final double gradientRatioInit;
    final double logLossArea;

    private TrialRecord(Row r) {
        factors = r.getList(r.fieldIndex(MeasureQueries.FACTORS));
        replicate = r.getInt(r.fieldIndex("replicate"));
        splitSeed = seed(r, "split_seed");
        orderSeed = seed(r, "order_seed");
        initSeed = seed(r, "init_seed");
        pair = PairKey.of(replicate, splitSeed, orderSeed, initSeed);
        gridIndex = r.getLong(r.fieldIndex(TrialsTable.GRID_INDEX));
        status = r.getString(r.fieldIndex(TrialsTable.STATUS));
        stepsRun = r.getLong(r.fieldIndex("steps_run"));
        epochsRun = r.getDouble(r.fieldIndex("epochs_run"));
        plannedEpochs = r.getLong(r.fieldIndex("epochs"));
        maxSteps = r.getLong(r.fieldIndex("max_steps"));
        stepsPerEpoch = epochsRun > 0 ? stepsRun / epochsRun : Double.NaN;
        batchKey = r.getString(r.fieldIndex("dataset")) + "|" + r.getLong(r.fieldIndex("batch"));
        List<Object> evals = r.getList(r.fieldIndex("eval_steps"));
        evalSteps = evals.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        List<Object> steps = r.getList(r.fieldIndex("threshold_step"));
        List<Object> epochs = r.getList(r.fieldIndex("threshold_epoch"));
        thresholdStep = new long[steps.size()];
        thresholdEpoch = new double[epochs.size()];
        for (int i = 0; i < thresholdStep.length; i++) {
            thresholdStep[i] = steps.get(i) == null ? -1 : ((Number) steps.get(i)).longValue();
            thresholdEpoch[i] = epochs.get(i) == null ? Double.NaN : ((Number) epochs.get(i)).doubleValue();
        }
        finalTrainLoss = real(r, "final_train_loss");
        finalTestLoss = real(r, "final_test_loss");
        finalTrainAccuracy = real(r, "final_train_accuracy");
        bestTrainAccuracy = real(r, "best_train_accuracy");
        finalTestAccuracy = real(r, "final_test_accuracy");
        bestTrainLoss = real(r, "best_train_loss");
        bestTestLoss = real(r, "best_test_loss");
        bestTestAccuracy = real(r, "best_test_accuracy");
        peakDeadFraction = real(r, "peak_dead_fraction");
        gradientRatioInit = real(r, "gradient_ratio_init");
        logLossArea = real(r, "log_loss_area");
    }

    static TrialRecord of(Row row) {
        return new TrialRecord(row);
    }

    /**
     * A copy with {@code stepsPerEpoch} for a run that took no step (so its own is unknown), taken
     * from a run with the same data set and batch size: a run that diverged at step 0 then still
     * has the planned budget in steps, as it has in epochs.
     */
    TrialRecord withStepsPerEpoch(double stepsPerEpoch) {
        return new TrialRecord(this, stepsPerEpoch);
    }

    private TrialRecord(TrialRecord t, double stepsPerEpoch) {
        factors = t.factors;
        replicate = t.replicate;
        pair = t.pair;
        splitSeed = t.splitSeed;
        orderSeed = t.orderSeed;
        initSeed = t.initSeed;
        gridIndex = t.gridIndex;
        status = t.status;
        stepsRun = t.stepsRun;
        epochsRun = t.epochsRun;
        plannedEpochs = t.plannedEpochs;
        maxSteps = t.maxSteps;
        this.stepsPerEpoch = stepsPerEpoch;
        batchKey = t.batchKey;
        evalSteps = t.evalSteps;
        thresholdStep = t.thresholdStep;
        thresholdEpoch = t.thresholdEpoch;
        finalTrainLoss = t.finalTrainLoss;
        finalTestLoss = t.finalTestLoss;
        finalTrainAccuracy = t.finalTrainAccuracy;
        bestTrainAccuracy = t.bestTrainAccuracy;
        finalTestAccuracy = t.finalTestAccuracy;
        bestTrainLoss = t.bestTrainLoss;
        bestTestLoss = t.bestTestLoss;
        bestTestAccuracy = t.bestTestAccuracy;
        peakDeadFraction = t.peakDeadFraction;
        gradientRatioInit = t.gradientRatioInit;
        logLossArea = t.logLossArea;
    }

    /** The steps the run would have trained had it not stopped: max_steps, or its epochs in steps (NaN if unknown). */
    double budgetSteps() {
        return maxSteps > 0 ? maxSteps : Double.isNaN(stepsPerEpoch) ? Double.NaN : Math.round(plannedEpochs * stepsPerEpoch);
    }

    /** The same in epochs: the planned epochs, or max_steps in epochs. */
    double budgetEpochs() {
        return maxSteps > 0 ? maxSteps / stepsPerEpoch : plannedEpochs;
    }

    /** A step in epochs (the steps per epoch are the run's own, or its batch partners'). */
    double epochOf(long step) {
        return step == 0 ? 0 : step / stepsPerEpoch;
    }

    /** The last evaluation point before {@code step}, or 0 (initialisation) when there is none. */
    long evaluationBefore(long step) {
        long before = 0;
        for (long s : evalSteps) {
            if (s < step) {
                before = s;
            } else {
                break;
            }
        }
        return before;
    }

    /** A seed-source setting; a row without the column (a hand-built one) follows the replicate. */
    private static long seed(Row r, String column) {
        scala.Option<Object> i = r.schema().getFieldIndex(column);
        return i.isEmpty() || r.isNullAt((Integer) i.get()) ? SeedColumns.FOLLOWS_REPLICATE : r.getLong((Integer) i.get());
    }

    /** A value, or NaN when there is none: null, NaN, or an overflowed (infinite) loss. */
    private static double real(Row r, String column) {
        int i = r.fieldIndex(column);
        double v = r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** The compare factor's value: the arm. */
    String arm() {
        return factors.get(0);
    }

    /** The --by factors' values: the cell. */
    List<String> cell() {
        return factors.subList(1, factors.size());
    }

    boolean reached(int threshold) {
        return thresholdStep[threshold] >= 0;
    }


    /** A trial that failed or timed out has no meaningful convergence time. */
    boolean trained() {
        return status.equals("ok") || status.equals("diverged");
    }

    /**
     * The value every run with one shares: {@code value} of each run, skipping those where it is
     * not a positive finite number (not known, e.g. a run that took no step); NaN when none has one
     * or two differ by more than a relative 1e-9.
     */
    static double shared(List<TrialRecord> runs, java.util.function.ToDoubleFunction<TrialRecord> value) {
        double shared = Double.NaN;
        for (TrialRecord r : runs) {
            double v = value.applyAsDouble(r);
            if (!(v > 0) || Double.isInfinite(v)) {
                continue;
            }
            if (Double.isNaN(shared)) {
                shared = v;
            } else if (Math.abs(v - shared) > 1e-9 * shared) {
                return Double.NaN;
            }
        }
        return shared;
    }
}