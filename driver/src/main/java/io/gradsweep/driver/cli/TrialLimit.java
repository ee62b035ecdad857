package io.gradsweep.driver.cli;

import io.gradsweep.driver.plan.StudyCost;
import io.gradsweep.worker.study.Study;
import java.util.Locale;

/**
 * The run-side guard on a study's size: {@code run} refuses more trials than {@code --max-trials}
 * (default {@link #DEFAULT}), so that a grid grown by a slip (one more dimension, a range with a
 * tiny step) does not occupy a cluster for weeks before anyone reads the count. It complements the
 * study's own {@code max_trials} key, which the study's author sets and which bounds the index
 * space (grid points x replicates, before exclusions) when the file is parsed; this one is the
 * decision of whoever runs it, on the trials that would really be trained.
 */
final class TrialLimit {
    static final long DEFAULT = 10_000_000L;
    /** Enough trials to average over the grid's shapes, few enough to cost well under a second. */
    private static final int SAMPLES = 1000;

    private TrialLimit() {
    }

    /** @throws UsageException naming the count, its cost estimate and the flag that raises the limit */
    static void check(Study study, long limit, String studyFile) {
        if (study.indexSpace() <= limit) {
            return; // exclusions only remove trials: no need to count them
        }
        long trials = study.trialCount();
        if (trials <= limit) {
            return;
        }
        throw new UsageException(String.format(Locale.ROOT, "the study has %,d trials, more than --max-trials"
                + " (%,d)%s; 'gradsweep plan %s' prints the full estimate with core-hours. Shrink the grid, or raise"
                + " the limit with --max-trials %d if you mean to run it all", trials, limit, estimate(study, trials),
                studyFile, trials));
    }

    private static String estimate(Study study, long trials) {
        try {
            StudyCost sample = StudyCost.sample(study, SAMPLES);
            return String.format(Locale.ROOT, ": about %.3g FLOPs of training (estimated from %d of its trials)",
                    sample.flopsPerTrial() * trials, sample.trials());
        } catch (IllegalArgumentException e) { // a data set that cannot be loaded: the count alone says enough
            return "";
        }
    }
}
