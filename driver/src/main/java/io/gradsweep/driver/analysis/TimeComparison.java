package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.FirstToEvent;
import io.gradsweep.driver.stats.HodgesLehmann;
import io.gradsweep.driver.stats.PermutationLogRank;
import io.gradsweep.driver.stats.RestrictedMeanTime;
import io.gradsweep.driver.stats.SignTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One arm against the reference in one cell on the time to a threshold, censoring-aware. Pairs
 * (same replicate) are ordered at the evaluation points' resolution ({@link PairOrder}): the
 * exact sign test of "arm first" against "reference first" is the paired test, and P(arm first),
 * ties counting one half, its effect. A difference in epochs exists only where both runs reached
 * the threshold; where one did not, the pair gives a sign and a bound ("more than 2 epochs
 * sooner"), never a point. Immutable: the Holm-adjusted p comes as a copy.
 */
final class TimeComparison implements java.io.Serializable {
    final String quantity;
    final List<String> cell;
    final String arm;
    final String reference;
    final double threshold;
    /** Pairs where both runs have a time (neither failed nor missing). */
    final int pairs;
    final int armFirst;
    final int referenceFirst;
    final int ties;
    final int undetermined;
    /** Pairs the study plans that lack a run with a time on either side. */
    final int unpaired;
    final int armRuns;
    final int armReached;
    final int referenceRuns;
    final int referenceReached;
    /** The budget in epochs when every run of both arms has the same one; NaN otherwise. */
    final double budgetEpochs;
    /** Pairs where both reached it at the same evaluation point (a difference of 0.0). */
    final int bothReachedTies;
    final HodgesLehmann bothReached;
    /** Pairs where the arm reached it and the reference was seen not there later; and the least epochs it was sooner by. */
    final int armSoonerCensored;
    final double armSoonerBy;
    final int referenceSoonerCensored;
    final double referenceSoonerBy;
    final SignTest signTest;
    /** P(arm first) with ties one half, over the pairs with an order or a tie, with its interval. */
    final FirstToEvent first;
    /** Restricted mean epochs to the threshold up to the budget, arm minus reference; null when it cannot be computed. */
    final RestrictedMeanTime.Difference rmst;
    /** Permutation log-rank test of the two arms' curves (unpaired): exact over all relabellings for small arms. */
    final PermutationLogRank logRank;
    final double logRankP;
    /** The smallest difference in epochs that matters: declared, or the widest gap between the runs' evaluation points. */
    final double margin;
    /** The RMST difference's interval at 1 - 2 level: inside +-margin means equivalent at the level (two one-sided tests). */
    final io.gradsweep.driver.stats.ConfidenceInterval equivalenceInterval;
    /** Holm-adjusted over the primary family: every row's sign test and log-rank test together. */
    final double holmP;
    final double logRankHolmP;

    private TimeComparison(String quantity, List<String> cell, String arm, String reference, double threshold, int pairs,
            int armFirst, int referenceFirst, int ties, int undetermined, int unpaired, int armRuns, int armReached,
            int referenceRuns, int referenceReached, double budgetEpochs, int bothReachedTies,
            HodgesLehmann bothReached, int armSoonerCensored, double armSoonerBy, int referenceSoonerCensored,
            double referenceSoonerBy, SignTest signTest, FirstToEvent first, RestrictedMeanTime.Difference rmst,
            PermutationLogRank logRank, double margin, io.gradsweep.driver.stats.ConfidenceInterval equivalenceInterval,
            double holmP, double logRankHolmP) {
        this.quantity = quantity;
        this.cell = cell;
        this.arm = arm;
        this.reference = reference;
        this.threshold = threshold;
        this.pairs = pairs;
        this.armFirst = armFirst;
        this.referenceFirst = referenceFirst;
        this.ties = ties;
        this.undetermined = undetermined;
        this.unpaired = unpaired;
        this.armRuns = armRuns;
        this.armReached = armReached;
        this.referenceRuns = referenceRuns;
        this.referenceReached = referenceReached;
        this.budgetEpochs = budgetEpochs;
        this.bothReachedTies = bothReachedTies;
        this.bothReached = bothReached;
        this.armSoonerCensored = armSoonerCensored;
        this.armSoonerBy = armSoonerBy;
        this.referenceSoonerCensored = referenceSoonerCensored;
        this.referenceSoonerBy = referenceSoonerBy;
        this.signTest = signTest;
        this.first = first;
        this.rmst = rmst;
        this.logRank = logRank;
        this.logRankP = logRank == null ? Double.NaN : logRank.pValue();
        this.margin = margin;
        this.equivalenceInterval = equivalenceInterval;
        this.holmP = holmP;
        this.logRankHolmP = logRankHolmP;
    }

    static TimeComparison of(String quantity, List<String> cell, String arm, String reference, double threshold,
            TimeToThreshold a, TimeToThreshold ref, double budgetEpochs, int expectedPairs, double level, long seed,
            double margin) {
        Map<PairKey, TimeToEvent> refByReplicate = ref.byReplicate();
        int pairs = 0;
        int[] order = new int[PairOrder.values().length];
        List<Double> both = new ArrayList<>();
        // the pairs with an order or a tie, as (step, reached) for FirstToEvent: steps compare exactly
        List<TimeToEvent[]> determined = new ArrayList<>();
        int armCensored = 0;
        double armBy = Double.POSITIVE_INFINITY;
        int refCensored = 0;
        double refBy = Double.POSITIVE_INFINITY;
        for (TimeToEvent x : a.runs) {
            TimeToEvent y = refByReplicate.get(x.pair());
            if (y == null) {
                continue;
            }
            pairs++;
            PairOrder o = PairOrder.of(x, y);
            order[o.ordinal()]++;
            if (o != PairOrder.UNDETERMINED) {
                determined.add(new TimeToEvent[] {x, y});
            }
            if (x.reached() && y.reached()) {
                both.add(x.step() == y.step() ? 0.0 : x.epoch() - y.epoch());
            } else if (o == PairOrder.ARM_FIRST) {
                armCensored++;
                armBy = Math.min(armBy, y.epoch() - x.epoch());
            } else if (o == PairOrder.REFERENCE_FIRST) {
                refCensored++;
                refBy = Math.min(refBy, x.epoch() - y.epoch());
            }
        }
        double[] d = both.stream().mapToDouble(Double::doubleValue).toArray();
        SignTest sign = SignTest.test(order[PairOrder.ARM_FIRST.ordinal()], order[PairOrder.REFERENCE_FIRST.ordinal()]);
        FirstToEvent first = FirstToEvent.paired(
                determined.stream().mapToDouble(e -> (double) e[0].step()).toArray(), reachedOf(determined, 0),
                determined.stream().mapToDouble(e -> (double) e[1].step()).toArray(), reachedOf(determined, 1), 1 - level);
        PermutationLogRank logRank = a.runs.isEmpty() || ref.runs.isEmpty() ? null
                : PermutationLogRank.compare(a.steps, a.reached, ref.steps, ref.reached, seed, PERMUTATIONS);
        return new TimeComparison(quantity, cell, arm, reference, threshold, pairs, order[PairOrder.ARM_FIRST.ordinal()],
                order[PairOrder.REFERENCE_FIRST.ordinal()], order[PairOrder.TIE.ordinal()],
                order[PairOrder.UNDETERMINED.ordinal()], Math.max(0, expectedPairs - pairs), a.runs.size(), a.reachedCount(),
                ref.runs.size(), ref.reachedCount(), budgetEpochs, (int) java.util.Arrays.stream(d).filter(x -> x == 0.0).count(),
                HodgesLehmann.paired(d, 1 - level), armCensored,
                armCensored == 0 ? Double.NaN : armBy, refCensored, refCensored == 0 ? Double.NaN : refBy, sign, first,
                rmst(a, ref, budgetEpochs, level), logRank, margin, equivalenceInterval(a, ref, budgetEpochs, level),
                Double.NaN, Double.NaN);
    }

    /** Random relabellings of the permutation log-rank when the arms are too large to enumerate. */
    static final int PERMUTATIONS = 9999;

    private static boolean[] reachedOf(List<TimeToEvent[]> pairs, int side) {
        boolean[] r = new boolean[pairs.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = pairs.get(i)[side].reached();
        }
        return r;
    }

    /**
     * The difference in restricted mean epochs to the threshold up to the budget: the area under
     * each arm's "not yet reached" curve. Null when there is no common budget, or a run stopped
     * early leaves a curve unknown before it.
     */
    private static RestrictedMeanTime.Difference rmst(TimeToThreshold a, TimeToThreshold ref, double budget, double level) {
        if (Double.isNaN(budget) || a.runs.isEmpty() || ref.runs.isEmpty()) {
            return null;
        }
        try {
            return RestrictedMeanTime.difference(RestrictedMeanTime.of(a.epochs, a.reached, budget),
                    RestrictedMeanTime.of(ref.epochs, ref.reached, budget), 1 - level);
        } catch (IllegalArgumentException e) { // a curve not known up to the budget
            return null;
        }
    }

    /**
     * Equivalence by two one-sided tests at the level: the RMST difference's 1 - 2 level interval
     * inside +-margin (Schuirmann's interval form). Null where there is no RMST difference with spread.
     */
    private static io.gradsweep.driver.stats.ConfidenceInterval equivalenceInterval(TimeToThreshold a,
            TimeToThreshold ref, double budget, double level) {
        RestrictedMeanTime.Difference d = rmst(a, ref, budget, 2 * level);
        return d == null || !(d.standardError() > 0) ? null : d.interval();
    }

    /**
     * In words: "different" (the sign test or the log-rank test below the level after Holm),
     * "negligible" (the RMST difference shown within the margin), "tie" (every ordered pair tied),
     * or "inconclusive", saying when the pairs cannot show a difference at all.
     */
    String verdict(double level) {
        boolean different = holmP <= level || logRankHolmP <= level;
        boolean negligible = equivalenceInterval != null && equivalenceInterval.lower() > -margin
                && equivalenceInterval.upper() < margin;
        if (different && negligible) {
            return "different, but by less than the smallest effect of interest";
        }
        if (different) {
            return "different";
        }
        if (signTest.n() == 0 && ties > 0 && undetermined == 0) {
            return "tie (every pair at the same evaluation point, or neither within the budget)";
        }
        if (negligible) {
            return "negligible (equivalent within the margin)";
        }
        int n = signTest.n();
        if (n > 0 && io.gradsweep.driver.stats.MinimumP.cannotReach(n, level)) {
            return "inconclusive (" + n + " ordered pairs cannot show a difference at p <= " + ReportTables.num(level) + ")";
        }
        return "inconclusive";
    }

    TimeComparison withHolm(double adjusted, double logRankAdjusted) {
        return new TimeComparison(quantity, cell, arm, reference, threshold, pairs, armFirst, referenceFirst, ties,
                undetermined, unpaired, armRuns, armReached, referenceRuns, referenceReached, budgetEpochs,
                bothReachedTies, bothReached, armSoonerCensored, armSoonerBy, referenceSoonerCensored,
                referenceSoonerBy, signTest, first, rmst, logRank, margin, equivalenceInterval, adjusted, logRankAdjusted);
    }

    /** Pairs with an order or a tie: the denominator of P(arm first). */
    int ordered() {
        return armFirst + referenceFirst + ties;
    }

    /** P(arm first), ties counting one half, over the pairs with an order or a tie; NaN when none. */
    double armFirstProbability() {
        return first.estimate();
    }

    /** The effect size the headline is ordered by: how far P(arm first) is from one half. */
    double effectSize() {
        double p = armFirstProbability();
        return Double.isNaN(p) ? -1 : Math.abs(p - 0.5);
    }
}
