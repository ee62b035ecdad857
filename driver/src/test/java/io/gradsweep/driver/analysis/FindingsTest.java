package io.gradsweep.driver.analysis;

import static io.gradsweep.driver.analysis.TimeToThresholdTest.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline sentence on data shaped like the quickstart's: what it says must be true of the runs. */
class FindingsTest {
    /** Five paired replicates: {@code arm} reached at {@code armEpoch} (null = never), the reference at {@code refEpoch}. */
    private static TimeComparison compare(Double armEpoch, Double refEpoch) {
        List<TrialRecord> arm = new ArrayList<>();
        List<TrialRecord> ref = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            arm.add(trial("elu", r, "ok", 10, armEpoch));
            ref.add(trial("relu", r, "ok", 10, refEpoch));
        }
        return TimeComparison.of("epochs to train loss 0.1", List.of("2"), "elu", "relu", 0.1, TimeToThreshold.of(arm, 0),
                TimeToThreshold.of(ref, 0), 10, 5, 0.05, 1L, 1.0);
    }

    /**
     * Quickstart at depth 2: every elu run reached 0.1 at the last evaluation, no relu run did. The
     * exact two-sided sign test of 5 of 5 is 2 x (1/2)^5 = 0.0625 (R: binom.test(5, 5)$p.value), the
     * floor of any exact paired test with 5 pairs, so the sentence must say that 5 pairs cannot reach 0.05.
     * The interval of P(first) averages the Clopper-Pearson bounds of "first" and "first or tie" at
     * 97.5% each; both are 5 of 5, whose lower bound is (0.025 / 2)^(1/5) = 0.41628 (R:
     * binom.test(5, 5, conf.level = 0.975)$conf.int).
     */
    @Test
    void reachedAtTheLastEvaluationAgainstNeverIsAllFirstNotATinyDifference() {
        TimeComparison c = compare(10.0, null);
        assertEquals(5, c.armFirst);
        assertEquals(0.0625, c.signTest.pValue(), 1e-15);
        assertEquals(0, c.bothReached.n(), "no pair has two times, so no difference in epochs is reported");
        assertEquals("inconclusive (5 ordered pairs cannot show a difference at p <= 0.05)", c.verdict(0.05));
        String s = Findings.sentence(c, "depth=2", false, 0.05, 1);
        assertEquals("At depth=2, all 5 elu runs reached train loss 0.1 within the 10-epoch budget and no relu run did;"
                + " elu first in 5 of 5 pairs (P(elu first) = 1, 95% CI 0.4163 to 1; exact sign test p = 0.0625, the"
                + " smallest possible with 5 ordered pairs;"
                + " 5 ordered pairs cannot reach p < 0.05 two-sided).", s);
    }

    @Test
    void armsThatReachedAtTheSameEvaluationPointTieAndTheSentenceSaysSo() {
        TimeComparison c = compare(4.0, 4.0);
        assertEquals(5, c.ties);
        assertEquals(0, c.signTest.n());
        String s = Findings.sentence(c, "depth=2", false, 0.05, 1);
        assertTrue(s.contains("all 5 elu runs reached train loss 0.1 within the 10-epoch budget and all 5 relu runs did"), s);
        assertTrue(s.contains("every one of the 5 ordered pairs tied (5 reached it at the same evaluation point)"), s);
        assertFalse(s.contains("failed to reach"), s);
        assertEquals("tie (every pair at the same evaluation point, or neither within the budget)", c.verdict(0.05));
        assertEquals(0.5, c.armFirstProbability());
    }

    @Test
    void swappingTheArmsFlipsTheOrderAndKeepsThePValue() {
        List<TrialRecord> a = new ArrayList<>();
        List<TrialRecord> b = new ArrayList<>();
        Double[] ea = {3.0, 4.0, null, 6.0, 5.0, 2.0};
        Double[] eb = {5.0, 4.0, 7.0, null, 8.0, 9.0};
        for (int r = 0; r < ea.length; r++) {
            a.add(trial("elu", r, "ok", 10, ea[r]));
            b.add(trial("relu", r, "ok", 10, eb[r]));
        }
        TimeComparison ab = TimeComparison.of("t", List.of(), "elu", "relu", 0.1, TimeToThreshold.of(a, 0),
                TimeToThreshold.of(b, 0), 10, 6, 0.05, 1L, 1.0);
        TimeComparison ba = TimeComparison.of("t", List.of(), "relu", "elu", 0.1, TimeToThreshold.of(b, 0),
                TimeToThreshold.of(a, 0), 10, 6, 0.05, 1L, 1.0);
        assertEquals(ab.armFirst, ba.referenceFirst);
        assertEquals(ab.referenceFirst, ba.armFirst);
        assertEquals(ab.ties, ba.ties);
        assertEquals(ab.signTest.pValue(), ba.signTest.pValue(), 0);
        assertEquals(ab.logRankP, ba.logRankP, 1e-12);
        assertEquals(-ab.bothReached.estimate(), ba.bothReached.estimate(), 1e-12);
        assertEquals(1 - ab.armFirstProbability(), ba.armFirstProbability(), 1e-12);
        // elu first in 4 (reps 0, 2, 4, 5), relu first in 1 (rep 3), tied 1 (rep 1): binom.test(4, 5) = 0.375
        assertEquals(4, ab.armFirst);
        assertEquals(1, ab.referenceFirst);
        assertEquals(0.375, ab.signTest.pValue(), 1e-12);
    }

    @Test
    void theLargestEffectLeadsNotTheSmallestP() {
        TimeComparison big = compare(10.0, null); // 5 of 5: P(first) = 1
        TimeComparison tie = compare(4.0, 4.0);
        List<String> s = Findings.of(List.of(tie, big), cell -> "depth=2", true, 0.05, 2, 3);
        assertTrue(s.get(0).contains("elu first in 5 of 5"), s.get(0));
        assertTrue(s.get(0).contains("Exploratory"), "a threshold chosen from the data is labelled: " + s.get(0));
    }
}
