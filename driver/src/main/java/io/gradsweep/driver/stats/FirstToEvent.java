package io.gradsweep.driver.stats;

import java.util.Locale;

/**
 * Which arm of a pair reached the threshold first, within a common budget: per pair the arm
 * scores 1 if it reached the threshold strictly first (or reached it and its partner never did), 0
 * if the partner did, and 1/2 for a tie (the same time at the measure's resolution, or neither
 * reached it). The estimate is the mean score: P(arm first) + P(tie) / 2, 1/2 when the arms do not
 * differ. Censoring-aware: a run that never reached the threshold lost to one that did.
 *
 * <p>The interval has coverage at least the level at any n: the score is the average of two
 * indicators, "arm first" and "arm first or tie", and the interval averages their Clopper-Pearson
 * bounds, each at level 1 - (1 - level) / 2 (a Bonferroni split of the miss probability over the
 * four one-sided bounds). The p-value is the exact sign test of arm-first against reference-first
 * pairs, ties dropped.
 */
public final class FirstToEvent implements java.io.Serializable {
    private final int armFirst;
    private final int referenceFirst;
    private final int ties;
    private final int nanCount;
    private final ConfidenceInterval interval;
    private final SignTest signTest;

    private FirstToEvent(int armFirst, int referenceFirst, int ties, int nanCount, ConfidenceInterval interval) {
        this.armFirst = armFirst;
        this.referenceFirst = referenceFirst;
        this.ties = ties;
        this.nanCount = nanCount;
        this.interval = interval;
        this.signTest = SignTest.test(armFirst, referenceFirst);
    }

    /**
     * Pairs (i-th arm run, i-th reference run): times at which each reached the threshold, or at
     * which it stopped without reaching it ({@code reached} false). Both runs of a pair must have
     * had the same budget. Pairs with a NaN time are dropped and counted.
     */
    public static FirstToEvent paired(double[] timesArm, boolean[] reachedArm, double[] timesReference,
            boolean[] reachedReference, double level) {
        Samples.checkLevel(level);
        int n = timesArm.length;
        if (reachedArm.length != n || timesReference.length != n || reachedReference.length != n) {
            throw new IllegalArgumentException("paired arrays differ in length: arm times " + n + ", arm reached "
                + reachedArm.length + ", reference times " + timesReference.length + ", reference reached "
                + reachedReference.length);
        }
        int armFirst = 0;
        int referenceFirst = 0;
        int ties = 0;
        int nanCount = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(timesArm[i]) || Double.isNaN(timesReference[i])) {
                nanCount++;
                continue;
            }
            int score = compare(timesArm[i], reachedArm[i], timesReference[i], reachedReference[i]);
            if (score > 0) {
                armFirst++;
            } else if (score < 0) {
                referenceFirst++;
            } else {
                ties++;
            }
        }
        int used = armFirst + referenceFirst + ties;
        ConfidenceInterval interval;
        if (used == 0) {
            interval = ConfidenceInterval.undefined(level);
        } else {
            double split = 1 - (1 - level) / 2;
            ConfidenceInterval first = ClopperPearson.of(armFirst, used, split);
            ConfidenceInterval firstOrTie = ClopperPearson.of(armFirst + ties, used, split);
            interval = new ConfidenceInterval((first.lower() + firstOrTie.lower()) / 2,
                (first.upper() + firstOrTie.upper()) / 2, level);
        }
        return new FirstToEvent(armFirst, referenceFirst, ties, nanCount, interval);
    }

    /** +1 arm first, -1 reference first, 0 tie. */
    private static int compare(double tArm, boolean arm, double tReference, boolean reference) {
        if (arm && reference) {
            return Double.compare(tReference, tArm);
        }
        if (arm) {
            return 1;
        }
        return reference ? -1 : 0;
    }

    public int armFirst() {
        return armFirst;
    }

    public int referenceFirst() {
        return referenceFirst;
    }

    public int ties() {
        return ties;
    }

    /** Pairs used. */
    public int n() {
        return armFirst + referenceFirst + ties;
    }

    public int nanCount() {
        return nanCount;
    }

    /** P(arm first) with ties counted one half; NaN when no pairs. */
    public double estimate() {
        return n() == 0 ? Double.NaN : (armFirst + ties / 2.0) / n();
    }

    /** Interval of the estimate with coverage >= level (Bonferroni-averaged Clopper-Pearson). */
    public ConfidenceInterval interval() {
        return interval;
    }

    /** The exact sign test of arm-first against reference-first pairs. */
    public SignTest signTest() {
        return signTest;
    }

    /** Two-sided exact sign-test p; 1 when every pair tied; NaN when there are no pairs. */
    public double pValue() {
        return n() == 0 ? Double.NaN : signTest.pValue();
    }

    /** True: the p and the interval come from exact binomial distributions. */
    public boolean exact() {
        return true;
    }

    /** The smallest p the untied pairs could give. */
    public double minimumPValue() {
        return signTest.minimumPValue();
    }

    public String method() {
        return String.format(Locale.ROOT,
            "P(arm first), ties 1/2: %d first, %d second, %d tied; exact sign test; interval from Clopper-Pearson"
                + " bounds at %.1f%% each (coverage >= %.0f%%)", armFirst, referenceFirst, ties,
            100 * (1 - (1 - interval.level()) / 2), 100 * interval.level());
    }

    @Override
    public String toString() {
        return "FirstToEvent[first=" + armFirst + ", second=" + referenceFirst + ", ties=" + ties + ", estimate="
            + estimate() + ", interval=" + interval + "]";
    }
}
