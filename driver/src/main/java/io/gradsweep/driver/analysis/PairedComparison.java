package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.ConfidenceInterval;
import io.gradsweep.driver.stats.LogRankTest;
import io.gradsweep.driver.stats.PairedBootstrap;
import io.gradsweep.driver.stats.WilcoxonSignedRank;
import java.util.ArrayList;
import java.util.List;

/**
 * One arm against the reference arm within one cell, paired by replicate: runs that share a
 * replicate start from the same weights and see the same batches, so their difference removes the
 * seed's share of the variance.
 */
final class PairedComparison {
    /** What is compared: epochs to a threshold, or a measure. */
    final String quantity;
    final List<String> cell;
    final String arm;
    final String reference;
    /** Pairs with both runs trained and at least one value: the pairs the test used (before zeros are dropped). */
    final int pairs;
    /** Pairs left out: both runs censored (no information on the order), or a run missing, failed or timed out. */
    final int bothCensored;
    final int unpaired;
    /** Pairs where one run was censored: its value is the budget, so the difference is a bound. */
    final int oneCensored;
    final double medianDifference;
    final ConfidenceInterval medianInterval;
    final WilcoxonSignedRank wilcoxon;
    /** For times to a threshold: the log-rank test of the two arms' curves (unpaired, censoring-aware). */
    final double logRankP;
    double holmP = Double.NaN;

    private PairedComparison(String quantity, List<String> cell, String arm, String reference, double[] differences,
            int bothCensored, int unpaired, int oneCensored, double logRankP, long seed) {
        this.quantity = quantity;
        this.cell = cell;
        this.arm = arm;
        this.reference = reference;
        this.pairs = differences.length;
        this.bothCensored = bothCensored;
        this.unpaired = unpaired;
        this.oneCensored = oneCensored;
        this.wilcoxon = WilcoxonSignedRank.test(differences);
        PairedBootstrap median = PairedBootstrap.median(differences, seed);
        this.medianDifference = median.median();
        this.medianInterval = median.interval();
        this.logRankP = logRankP;
    }

    /** Epochs to threshold: arm minus reference, per replicate (negative = the arm got there sooner). */
    static PairedComparison ofTimes(String quantity, List<String> cell, String arm, String reference,
            TimeToThreshold a, TimeToThreshold ref, int expectedPairs, long seed) {
        List<Double> d = new ArrayList<>();
        int both = 0;
        int one = 0;
        java.util.Map<Integer, Integer> refByReplicate = ref.byReplicate();
        for (int i = 0; i < a.replicates.length; i++) {
            Integer j = refByReplicate.get(a.replicates[i]);
            if (j == null) {
                continue;
            }
            if (!a.reached[i] && !ref.reached[j]) {
                both++;
                continue;
            }
            if (a.reached[i] != ref.reached[j]) {
                one++;
            }
            d.add(a.epochs[i] - ref.epochs[j]);
        }
        double logRank = a.epochs.length == 0 || ref.epochs.length == 0 ? Double.NaN
                : LogRankTest.compare(a.epochs, a.reached, ref.epochs, ref.reached).pValue();
        int unpaired = expectedPairs - d.size() - both;
        return new PairedComparison(quantity, cell, arm, reference, toArray(d), both, Math.max(0, unpaired), one, logRank, seed);
    }

    /** A measure with no censoring: arm minus reference, per replicate, over pairs where both values are finite. */
    static PairedComparison ofMeasure(Measure m, List<String> cell, String arm, String reference,
            List<TrialRecord> a, List<TrialRecord> ref, int expectedPairs, long seed) {
        java.util.Map<Integer, TrialRecord> refByReplicate = new java.util.HashMap<>();
        for (TrialRecord y : ref) {
            if (y.trained()) {
                refByReplicate.put(y.replicate, y);
            }
        }
        List<Double> d = new ArrayList<>();
        for (TrialRecord x : a) {
            TrialRecord y = refByReplicate.get(x.replicate);
            if (x.trained() && y != null) {
                double diff = m.of(x) - m.of(y);
                if (Double.isFinite(diff)) {
                    d.add(diff);
                }
            }
        }
        return new PairedComparison(m.label, cell, arm, reference, toArray(d), 0, Math.max(0, expectedPairs - d.size()), 0,
                Double.NaN, seed);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
