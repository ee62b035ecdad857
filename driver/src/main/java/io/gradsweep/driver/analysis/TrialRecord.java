package io.gradsweep.driver.analysis;

import io.gradsweep.worker.table.TrialsTable;
import java.util.List;
import org.apache.spark.sql.Row;

/** One trial's convergence measures, as the per-trial query returns them (NaN = not available). */
public final class TrialRecord {
    final List<String> factors;
    final int replicate;
    final long gridIndex;
    final String status;
    final long stepsRun;
    final double epochsRun;
    /** The epochs the run would have trained had it not stopped: its epochs, or max_steps in epochs. */
    final double budgetEpochs;
    /** The same in optimiser steps. */
    final double budgetSteps;
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
        gridIndex = r.getLong(r.fieldIndex(TrialsTable.GRID_INDEX));
        status = r.getString(r.fieldIndex(TrialsTable.STATUS));
        stepsRun = r.getLong(r.fieldIndex("steps_run"));
        epochsRun = r.getDouble(r.fieldIndex("epochs_run"));
        long plannedEpochs = r.getLong(r.fieldIndex("epochs"));
        long maxSteps = r.getLong(r.fieldIndex("max_steps"));
        double stepsPerEpoch = epochsRun > 0 ? stepsRun / epochsRun : Double.NaN;
        budgetEpochs = maxSteps > 0 && stepsPerEpoch > 0 ? maxSteps / stepsPerEpoch : plannedEpochs;
        budgetSteps = maxSteps > 0 ? maxSteps : stepsPerEpoch > 0 ? Math.round(plannedEpochs * stepsPerEpoch) : stepsRun;
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
}
