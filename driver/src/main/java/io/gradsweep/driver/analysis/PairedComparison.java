package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.HodgesLehmann;
import io.gradsweep.driver.stats.SignedRankTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One arm against the reference arm within one cell, on a measure with no censoring, paired by
 * replicate: runs that share a replicate start from the same weights and see the same batches,
 * so their difference removes the seed's share of the variance. Differences are snapped to the
 * measure's {@link Resolution} first, so a tie is a tie; the test is the exact signed-rank test
 * (mid-ranks, zeros dropped), the effect the Hodges-Lehmann estimate with its exact interval.
 * Immutable: the Holm-adjusted p comes as a copy ({@link #withHolm}).
 */
final class PairedComparison {
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
    final double holmP;

    private PairedComparison(String quantity, List<String> cell, String arm, String reference, int pairs, int unpaired,
            Resolution resolution, SignedRankTest test, HodgesLehmann effect, double holmP) {
        this.quantity = quantity;
        this.cell = cell;
        this.arm = arm;
        this.reference = reference;
        this.pairs = pairs;
        this.unpaired = unpaired;
        this.resolution = resolution;
        this.test = test;
        this.effect = effect;
        this.holmP = holmP;
    }

    /** Arm minus reference, per replicate, over pairs where both values are there. */
    static PairedComparison of(Measure m, List<String> cell, String arm, String reference, List<TrialRecord> a,
            List<TrialRecord> ref, int expectedPairs, double level) {
        Map<Integer, TrialRecord> refByReplicate = new HashMap<>();
        for (TrialRecord y : ref) {
            if (y.trained()) {
                refByReplicate.put(y.replicate, y);
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (TrialRecord x : a) {
            TrialRecord y = refByReplicate.get(x.replicate);
            if (x.trained() && y != null && !Double.isNaN(m.of(x)) && !Double.isNaN(m.of(y))) {
                pairs.add(new double[] {m.of(x), m.of(y)});
            }
        }
        double[] values = pairs.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        Resolution resolution = Resolution.of(m, values);
        double[] d = pairs.stream().mapToDouble(p -> resolution.difference(p[0], p[1])).toArray();
        return new PairedComparison(m.label, cell, arm, reference, d.length, Math.max(0, expectedPairs - d.length),
                resolution, SignedRankTest.test(d), HodgesLehmann.paired(d, 1 - level), Double.NaN);
    }

    PairedComparison withHolm(double adjusted) {
        return new PairedComparison(quantity, cell, arm, reference, pairs, unpaired, resolution, test, effect, adjusted);
    }
}
