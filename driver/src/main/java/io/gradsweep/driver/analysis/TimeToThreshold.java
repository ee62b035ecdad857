package io.gradsweep.driver.analysis;

import java.util.List;

/**
 * A group's epochs to one loss threshold as survival data. A run that never reached it is
 * censored, not dropped and not infinite: just after the group's training budget (the epochs its
 * finished runs trained), because a run that diverged would never have reached it within the budget either.
 * Failed and timed-out runs are left out (their time says nothing about convergence) and counted.
 */
final class TimeToThreshold {
    final double[] epochs;
    final boolean[] reached;
    final int[] replicates;
    final double budgetEpochs;

    private TimeToThreshold(double[] epochs, boolean[] reached, int[] replicates, double budgetEpochs) {
        this.epochs = epochs;
        this.reached = reached;
        this.replicates = replicates;
        this.budgetEpochs = budgetEpochs;
    }

    static TimeToThreshold of(List<TrialRecord> group, int threshold) {
        double budget = 0;
        for (TrialRecord t : group) {
            if (t.status.equals("ok")) {
                budget = Math.max(budget, t.epochsRun);
            }
        }
        List<TrialRecord> trained = group.stream().filter(TrialRecord::trained).toList();
        double[] epochs = new double[trained.size()];
        boolean[] reached = new boolean[trained.size()];
        int[] replicates = new int[trained.size()];
        for (int i = 0; i < epochs.length; i++) {
            TrialRecord t = trained.get(i);
            reached[i] = t.reached(threshold);
            // just after the budget: later than a run that got there at the last evaluation, so a
            // paired difference with a censored run has the right sign even then
            epochs[i] = reached[i] ? t.thresholdEpoch[threshold] : Math.nextUp(Math.max(budget, t.epochsRun));
            replicates[i] = t.replicate;
        }
        return new TimeToThreshold(epochs, reached, replicates, budget);
    }

    int reachedCount() {
        int k = 0;
        for (boolean r : reached) {
            k += r ? 1 : 0;
        }
        return k;
    }

    /** The entry for {@code replicate}, or -1. */
    int indexOf(int replicate) {
        for (int i = 0; i < replicates.length; i++) {
            if (replicates[i] == replicate) {
                return i;
            }
        }
        return -1;
    }
}
