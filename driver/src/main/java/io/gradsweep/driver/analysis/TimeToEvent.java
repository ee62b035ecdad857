package io.gradsweep.driver.analysis;

/**
 * One run's time to a threshold, as a value: reached or censored, and when.
 *
 * <p>A crossing is only seen at an evaluation point, so a reached time is an interval: the run
 * got there after {@code previousStep} (the evaluation before, where it had not) and by
 * {@code step} (the one that saw it). A censored time is the last step the run was seen not to
 * have got there: its end, or for a run that diverged its planned budget (it would never have got
 * there within the budget). {@link Censoring} says which, because a run stopped before its budget
 * (by target_loss or a time limit) tells nothing about the order after its stop.
 */
record TimeToEvent(int replicate, PairKey pair, Censoring censoring, long previousStep, long step, double previousEpoch, double epoch) {
    /** How a run's time ends. */
    enum Censoring {
        /** It reached the threshold at {@code step}. */
        REACHED,
        /** It did not within its budget (it trained it all, or diverged: it never would). */
        AT_BUDGET,
        /** It stopped before its budget without getting there (target_loss, a time limit): it might have later. */
        EARLY
    }

    boolean reached() {
        return censoring == Censoring.REACHED;
    }

    /** The run's time to threshold {@code i}; null for a run that has none (it failed). */
    static TimeToEvent of(TrialRecord t, int i) {
        if (t.status.equals("failed")) {
            return null;
        }
        if (t.reached(i)) {
            long step = t.thresholdStep[i];
            long before = t.evaluationBefore(step);
            return new TimeToEvent(t.replicate, t.pair, Censoring.REACHED, before, step, t.epochOf(before), t.thresholdEpoch[i]);
        }
        double budget = t.budgetSteps();
        if (t.status.equals("diverged") && !Double.isNaN(budget)) {
            long end = Math.max((long) budget, t.stepsRun);
            return new TimeToEvent(t.replicate, t.pair, Censoring.AT_BUDGET, end, end, t.epochOf(end), t.epochOf(end));
        }
        // the run ended at stepsRun: an ok run at its budget, or one stopped early (target_loss, timeout)
        Censoring c = !Double.isNaN(budget) && t.stepsRun >= budget && !t.status.equals("timeout")
                ? Censoring.AT_BUDGET : Censoring.EARLY;
        return new TimeToEvent(t.replicate, t.pair, c, t.stepsRun, t.stepsRun, t.epochsRun, t.epochsRun);
    }
}
