package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.Turnbull;
import java.util.Arrays;

/**
 * What the report keeps of a group's times to one threshold once its comparisons are made: the
 * counts, the Turnbull estimate and the distinct epochs where runs were censored (the survival
 * plot's ticks). Its size does not grow with the runs, so a cell's results can leave the task that
 * computed them for the driver whatever the replicates.
 */
final class ThresholdTimes implements java.io.Serializable {
    /** Runs with a time (every run but a failed or missing one). */
    final int runs;
    final int reached;
    /** The NPMLE from the evaluation intervals; null where {@link TimeToThreshold#turnbull()} is. */
    final Turnbull turnbull;
    /** Ascending, each epoch once. */
    final double[] censoredEpochs;

    private ThresholdTimes(int runs, int reached, Turnbull turnbull, double[] censoredEpochs) {
        this.runs = runs;
        this.reached = reached;
        this.turnbull = turnbull;
        this.censoredEpochs = censoredEpochs;
    }

    static ThresholdTimes of(TimeToThreshold t) {
        double[] censored = new double[t.epochs.length - t.reachedCount()];
        int k = 0;
        for (int i = 0; i < t.epochs.length; i++) {
            if (!t.reached[i]) {
                censored[k++] = t.epochs[i];
            }
        }
        return new ThresholdTimes(t.epochs.length, t.reachedCount(), t.turnbull(),
                Arrays.stream(censored).sorted().distinct().toArray());
    }
}
