package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 offline, {@code binom.test(x, n)$conf.int} (Clopper-Pearson) and survival
 * 3.5-3 {@code summary(survfit(Surv(t, s) ~ 1, conf.type = "log-log"), times = c(2, 5, 8))}.
 */
class PerformanceProfileTest {
    @Test
    void withoutEarlyStopsTheBandIsClopperPearson() {
        // six runs, budget 10: reached at 1, 2, 2, 3, 5; one never (stopped at the budget)
        double[] t = {1, 2, 2, 3, 5, 10};
        boolean[] r = {true, true, true, true, true, false};
        PerformanceProfile profile = PerformanceProfile.timeToThreshold(t, r, new double[] {0.5, 2, 5, 10}, 0.95);
        List<PerformanceProfile.Point> p = profile.points();
        assertEquals(0, p.get(0).fraction(), 0);
        assertEquals(0.5, p.get(1).fraction(), 0);
        assertEquals(0.11811724875702526, p.get(1).band().lower(), 1e-12); // binom.test(3, 6)
        assertEquals(0.88188275124297477, p.get(1).band().upper(), 1e-12);
        assertEquals(5.0 / 6, p.get(2).fraction(), 1e-15);
        assertEquals(0.35876542100232522, p.get(2).band().lower(), 1e-12); // binom.test(5, 6)
        assertEquals(0.99578925548551056, p.get(2).band().upper(), 1e-12);
        assertEquals(5.0 / 6, p.get(3).fraction(), 1e-15); // stopped unreached at 10, not before it
        assertTrue(profile.exact());
    }

    @Test
    void afterEarlyStopsItIsOneMinusKaplanMeier() {
        // stopped unreached at 3 and 6 (before the budget 10) and at 10
        double[] t = {1, 2, 2, 3, 4, 5, 6, 8, 10, 10};
        boolean[] r = {true, true, true, false, true, true, false, true, false, false};
        PerformanceProfile profile = PerformanceProfile.timeToThreshold(t, r, new double[] {2, 5, 8}, 0.95);
        List<PerformanceProfile.Point> p = profile.points();
        // t = 2: nothing stopped yet: 3 of 10, binom.test(3, 10): 0.066739511177734495 0.65245285005999731
        assertTrue(p.get(0).exact());
        assertEquals(0.3, p.get(0).fraction(), 1e-15);
        assertEquals(0.066739511177734495, p.get(0).band().lower(), 1e-12);
        assertEquals(0.65245285005999731, p.get(0).band().upper(), 1e-12);
        // t = 5, 8: survfit S = 0.46666666666666673 (0.14955181808973228, 0.73661023667804026) and
        // 0.31111111111111112 (0.055238904879236141, 0.62454048746010749)
        assertFalse(p.get(1).exact());
        assertEquals(1 - 0.46666666666666673, p.get(1).fraction(), 1e-12);
        assertEquals(1 - 0.73661023667804026, p.get(1).band().lower(), 1e-9);
        assertEquals(1 - 0.14955181808973228, p.get(1).band().upper(), 1e-9);
        assertEquals(1 - 0.31111111111111112, p.get(2).fraction(), 1e-12);
        assertEquals(1 - 0.62454048746010749, p.get(2).band().lower(), 1e-9);
        assertEquals(1 - 0.055238904879236141, p.get(2).band().upper(), 1e-9);
        assertFalse(profile.exact());
        assertTrue(profile.method().contains("Kaplan-Meier"));
    }

    @Test
    void scoreProfileIsTheFractionAboveWithStratifiedBands() {
        double[][] tasks = {{0.2, 0.4, 0.6, 0.8}, {0.1, 0.3, 0.5, 0.7}};
        PerformanceProfile profile = PerformanceProfile.scores(tasks, new double[] {0.05, 0.45, 0.9}, 9, 2000, 0.95);
        List<PerformanceProfile.Point> p = profile.points();
        assertEquals(1, p.get(0).fraction(), 0); // every run above 0.05 in every resample
        assertEquals(1, p.get(0).band().lower(), 0);
        assertEquals(0.5, p.get(1).fraction(), 0); // 0.6, 0.8, 0.5, 0.7 of 8
        assertTrue(p.get(1).band().lower() < 0.5 && p.get(1).band().upper() > 0.5);
        assertEquals(0, p.get(2).fraction(), 0);
        assertEquals(0, p.get(2).band().upper(), 0);
    }
}
