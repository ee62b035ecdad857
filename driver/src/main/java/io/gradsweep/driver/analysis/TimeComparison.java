package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.HodgesLehmann;
import io.gradsweep.driver.stats.LogRankTest;
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
final class TimeComparison {
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
    /** Arm minus reference in epochs, over the pairs where both reached it (0.0 for the same evaluation point). */
    final double[] bothReachedDifferences;
    final HodgesLehmann bothReached;
    /** Pairs where the arm reached it and the reference was seen not there later; and the least epochs it was sooner by. */
    final int armSoonerCensored;
    final double armSoonerBy;
    final int referenceSoonerCensored;
    final double referenceSoonerBy;
    final SignTest signTest;
    /** Log-rank test of the two arms' Kaplan-Meier curves (unpaired, chi-square approximation); NaN if an arm has no run. */
    final double logRankP;
    /** Holm-adjusted over the primary family: every row's sign test and log-rank test together. */
    final double holmP;
    final double logRankHolmP;

    private TimeComparison(String quantity, List<String> cell, String arm, String reference, double threshold, int pairs,
            int armFirst, int referenceFirst, int ties, int undetermined, int unpaired, int armRuns, int armReached,
            int referenceRuns, int referenceReached, double budgetEpochs, double[] bothReachedDifferences,
            HodgesLehmann bothReached, int armSoonerCensored, double armSoonerBy, int referenceSoonerCensored,
            double referenceSoonerBy, SignTest signTest, double logRankP, double holmP, double logRankHolmP) {
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
        this.bothReachedDifferences = bothReachedDifferences;
        this.bothReached = bothReached;
        this.armSoonerCensored = armSoonerCensored;
        this.armSoonerBy = armSoonerBy;
        this.referenceSoonerCensored = referenceSoonerCensored;
        this.referenceSoonerBy = referenceSoonerBy;
        this.signTest = signTest;
        this.logRankP = logRankP;
        this.holmP = holmP;
        this.logRankHolmP = logRankHolmP;
    }

    static TimeComparison of(String quantity, List<String> cell, String arm, String reference, double threshold,
            TimeToThreshold a, TimeToThreshold ref, double budgetEpochs, int expectedPairs, double level) {
        Map<Integer, TimeToEvent> refByReplicate = ref.byReplicate();
        int pairs = 0;
        int[] order = new int[PairOrder.values().length];
        List<Double> both = new ArrayList<>();
        int armCensored = 0;
        double armBy = Double.POSITIVE_INFINITY;
        int refCensored = 0;
        double refBy = Double.POSITIVE_INFINITY;
        for (TimeToEvent x : a.runs) {
            TimeToEvent y = refByReplicate.get(x.replicate());
            if (y == null) {
                continue;
            }
            pairs++;
            PairOrder o = PairOrder.of(x, y);
            order[o.ordinal()]++;
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
        double logRank = a.runs.isEmpty() || ref.runs.isEmpty() ? Double.NaN
                : LogRankTest.compare(a.epochs, a.reached, ref.epochs, ref.reached).pValue();
        return new TimeComparison(quantity, cell, arm, reference, threshold, pairs, order[PairOrder.ARM_FIRST.ordinal()],
                order[PairOrder.REFERENCE_FIRST.ordinal()], order[PairOrder.TIE.ordinal()],
                order[PairOrder.UNDETERMINED.ordinal()], Math.max(0, expectedPairs - pairs), a.runs.size(), a.reachedCount(),
                ref.runs.size(), ref.reachedCount(), budgetEpochs, d, HodgesLehmann.paired(d, 1 - level), armCensored,
                armCensored == 0 ? Double.NaN : armBy, refCensored, refCensored == 0 ? Double.NaN : refBy, sign, logRank,
                Double.NaN, Double.NaN);
    }

    TimeComparison withHolm(double adjusted, double logRankAdjusted) {
        return new TimeComparison(quantity, cell, arm, reference, threshold, pairs, armFirst, referenceFirst, ties,
                undetermined, unpaired, armRuns, armReached, referenceRuns, referenceReached, budgetEpochs,
                bothReachedDifferences, bothReached, armSoonerCensored, armSoonerBy, referenceSoonerCensored,
                referenceSoonerBy, signTest, logRankP, adjusted, logRankAdjusted);
    }

    /** Pairs with an order or a tie: the denominator of P(arm first). */
    int ordered() {
        return armFirst + referenceFirst + ties;
    }

    /** P(arm first), ties counting one half, over the pairs with an order or a tie; NaN when none. */
    double armFirstProbability() {
        int n = ordered();
        return n == 0 ? Double.NaN : (armFirst + 0.5 * ties) / n;
    }

    /** The effect size the headline is ordered by: how far P(arm first) is from one half. */
    double effectSize() {
        double p = armFirstProbability();
        return Double.isNaN(p) ? -1 : Math.abs(p - 0.5);
    }
}
