package io.gradsweep.driver.cli;

import io.gradsweep.driver.plan.StudyCost;
import io.gradsweep.worker.study.Dimension;
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
    /**
     * The largest index space walked to count the trials its exclusions leave (a few seconds);
     * above it a study over the limit is refused by its index space, the product of its dimensions.
     */
    static final long MAX_COUNTED = 10_000_000L;

    private TrialLimit() {
    }

    /**
     * Refuses a study of more than {@code limit} trials, fast: the index space is a product, known
     * without walking; only when it is over the limit but small enough to walk quickly are the
     * trials its exclusions leave counted.
     *
     * @throws UsageException naming the count, its cost estimate and the flag that raises the limit
     */
    static void check(Study study, long limit, String studyFile) {
        long space = study.indexSpace();
        if (space <= limit) {
            return; // exclusions only remove trials: no need to count them
        }
        if (space > MAX_COUNTED) {
            throw new UsageException(String.format(Locale.ROOT, "the study has %,d trials before exclusions (%s),"
                    + " more than --max-trials (%,d)%s; exclusions are not counted above %,d (it would take too"
                    + " long). Shrink the grid, or raise the limit with --max-trials %d if you mean to run it all",
                    space, product(study), limit, estimate(study, space), MAX_COUNTED, space));
        }
        long trials = study.trialCount();
        if (trials <= limit) {
            return;
        }
        throw new UsageException(String.format(Locale.ROOT, "the study has %,d trials, more than --max-trials"
                + " (%,d)%s; 'gradsweep plan %s --max-trials %d' prints the full estimate with the core time. Shrink"
                + " the grid, or raise the limit with --max-trials %d if you mean to run it all", trials, limit,
                estimate(study, trials), studyFile, trials, trials));
    }

    /** The index space as the product it is: each dimension's size, then the replicates. */
    static String product(Study study) {
        StringBuilder s = new StringBuilder();
        for (Dimension d : study.dimensions()) {
            s.append(d.name()).append(' ').append(d.size()).append(" x ");
        }
        return s.append(study.replicates()).append(study.replicates() == 1 ? " replicate" : " replicates").toString();
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
