package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.EquivalenceTest;
import io.gradsweep.driver.stats.HodgesLehmann;
import io.gradsweep.driver.stats.SignedRankTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One arm against the reference arm within one cell, on a measure with no censoring, paired by
 * replicate (or by the seeds a crossed design sets, {@link PairKey}): runs that share them start
 * from the same weights and see the same batches,
 * so their difference removes the seed's share of the variance. Differences are snapped to the
 * measure's {@link Resolution} first, so a tie is a tie; the test is the exact signed-rank test
 * (mid-ranks, zeros dropped), the effect the Hodges-Lehmann estimate with its exact interval.
 * Immutable: the Holm-adjusted p comes as a copy ({@link #withHolm}).
 */
final class PairedComparison implements java.io.Serializable {
    final Measure measure;
    final String quantity;
    final List<String> cell;
    final String arm;
    final String reference;
    /** Pairs with both values (zeros included). */
    final int pairs;
    /** Pairs the study plans but that lack a value on either side (missing, failed, no value). */
    final int unpaired;
    final Resolution resolution;
    final SignedRankTest test;
    final HodgesLehmann effect;
    /** Two one-sided tests that the effect is within the smallest effect of interest; null when there is no margin. */
    final EquivalenceTest equivalence;
    final double holmP;
    final double level;

    private PairedComparison(Measure measure, String quantity, List<String> cell, String arm, String reference, int pairs, int unpaired,
            Resolution resolution, SignedRankTest test, HodgesLehmann effect, EquivalenceTest equivalence, double holmP,
            double level) {
        this.measure = measure;
        this.quantity = quantity;
        this.cell = cell;
        this.arm = arm;
        this.reference = reference;
        this.pairs = pairs;
        this.unpaired = unpaired;
        this.resolution = resolution;
        this.test = test;
        this.effect = effect;
        this.equivalence = equivalence;
        this.holmP = holmP;
        this.level = level;
    }

    /** Arm minus reference, per replicate, over pairs where both values are there. */
    static PairedComparison of(Measure m, List<String> cell, String arm, String reference, List<TrialRecord> a,
            List<TrialRecord> ref, int expectedPairs, double level, Double declaredMargin) {
        Map<PairKey, TrialRecord> refByReplicate = new HashMap<>();
        for (TrialRecord y : ref) {
            if (y.trained()) {
                refByReplicate.put(y.pair, y);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (TrialRecord x : a) {
            TrialRecord y = refByReplicate.get(x.pair);
            if (x.trained() && y != null && !Double.isNaN(m.of(x)) && !Double.isNaN(m.of(y))) {
                pairs.add(new double[] {m.of(x), m.of(y)});
            }
        }
        double[] values = pairs.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        Resolution resolution = Resolution.of(m, values);
        double[] d = pairs.stream().mapToDouble(p -> resolution.difference(p[0], p[1])).toArray();
        double margin = declaredMargin != null ? declaredMargin : m.defaultSmallestEffect(median(ref, m));
        EquivalenceTest tost = margin > 0 && Double.isFinite(margin) && d.length > 0
                ? EquivalenceTest.pairedTost(d, margin, level) : null;
        return new PairedComparison(m, m.label, cell, arm, reference, d.length, Math.max(0, expectedPairs - d.length),
                resolution, SignedRankTest.test(d), HodgesLehmann.paired(d, 1 - level), tost, Double.NaN, level);
    }

    private static double median(List<TrialRecord> runs, Measure m) {
        double[] v = runs.stream().filter(TrialRecord::trained).mapToDouble(m::of).filter(x -> !Double.isNaN(x)).sorted()
                .toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /**
     * In words: "different" (Holm p below the level), "negligible" (inside the smallest effect of
     * interest by the equivalence test), both, or "inconclusive", saying when the pairs are too
     * few to show either.
     */
    String verdict() {
        boolean different = holmP <= level;
        boolean negligible = equivalence != null && equivalence.equivalent();
        if (different && negligible) {
            return "different, but by less than the smallest effect of interest";
        }
        if (different) {
            return "different";
        }
        if (negligible) {
            return test.n() == 0 ? "tie (every pair equal at the resolution)" : "negligible (equivalent within the margin)";
        }
        if (equivalence != null && equivalence.cannotShowEquivalence() && test.n() > 0
                && io.gradsweep.driver.stats.MinimumP.cannotReach(test.n(), level)) {
            return "inconclusive: " + pairs + " pairs can show neither a difference nor equivalence";
        }
        if (test.n() > 0 && io.gradsweep.driver.stats.MinimumP.cannotReach(test.n(), level)) {
            return "inconclusive (" + test.n() + " untied pairs cannot show a difference at p <= "
                    + ReportTables.num(level) + ")";
        }
        return "inconclusive";
    }

    PairedComparison withHolm(double adjusted) {
        return new PairedComparison(measure, quantity, cell, arm, reference, pairs, unpaired, resolution, test, effect, equivalence,
                adjusted, level);
    }
}
