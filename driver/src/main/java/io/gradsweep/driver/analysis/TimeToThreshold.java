package io.gradsweep.driver.analysis;

import java.util.List;

/**
 * A group's epochs to one loss threshold as survival data. A run that never reached it is
 * censored, not dropped and not infinite: just after it stopped, or, for a run that diverged,
 * just after its planned budget, because it would never have reached it within the budget.
 * Failed and timed-out runs are left out (their time says nothing about convergence) and counted.
 */
final class TimeToThreshold {
    final double[] epochs;
    /** The same times in optimiser steps. */
    final double[] steps;
    final boolean[] reached;
    final int[] replicates;

    private TimeToThreshold(double[] epochs, double[] steps, boolean[] reached, int[] replicates) {
        this.epochs = epochs;
        this.steps = steps;
        this.reached = reached;
        this.replicates = replicates;
    }

    static TimeToThreshold of(List<TrialRecord> group, int threshold) {
        List<TrialRecord> trained = group.stream().filter(TrialRecord::trained).toList();
        double[] epochs = new double[trained.size()];
        double[] steps = new double[trained.size()];
        boolean[] reached = new boolean[trained.size()];
        int[] replicates = new int[trained.size()];
        for (int i = 0; i < epochs.length; i++) {
            TrialRecord t = trained.get(i);
            reached[i] = t.reached(threshold);
            // just after the end: later than a run that got there at its last evaluation, so a
            // paired difference with a censored run has the right sign even then
            double end = t.status.equals("diverged") ? Math.max(t.budgetEpochs, t.epochsRun) : t.epochsRun;
            epochs[i] = reached[i] ? t.thresholdEpoch[threshold] : Math.nextUp(end);
            double endStep = t.status.equals("diverged") ? Math.max(t.budgetSteps, t.stepsRun) : t.stepsRun;
            steps[i] = reached[i] ? t.thresholdStep[threshold] : Math.nextUp(endStep);
            replicates[i] = t.replicate;
        }
        return new TimeToThreshold(epochs, steps, reached, replicates);
    }

    int reachedCount() {
        int k = 0;
        for (boolean r : reached) {
            k += r ? 1 : 0;
        }
        return k;
    }

    /** Replicate -> its entry, for pairing (one run per replicate within a group). */
    java.util.Map<Integer, Integer> byReplicate() {
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < replicates.length; i++) {
            index.put(replicates[i], i);
        }
        return index;
    }
}
