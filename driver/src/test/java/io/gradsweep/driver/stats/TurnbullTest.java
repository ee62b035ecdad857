package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnbullTest {
    static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Finkelstein and Wolfe's (1985) breast cosmesis data, radiotherapy alone (46 women), months to
     * breast retraction in (left, right]: R package interval's {@code bcos} (read from its data/bcos.rda
     * with R 4.2.2). Published NPMLE: Fay and Shaw (2010), J. Stat. Software 36(2), "Exact and
     * asymptotic weighted logrank tests for interval censored data: the interval R package", sec. 6.1,
     * {@code summary(icfit(Surv(left, right, type = "interval2") ~ treatment, data = bcos))}, matching Icens.
     */
    @Test
    void breastCosmesisRadiotherapyMatchesPublishedNpmle() {
        double[] left = {45, 6, 0, 46, 46, 7, 17, 7, 37, 0, 4, 15, 11, 22, 46, 46, 25, 46, 26, 46, 27, 36, 46, 36, 37,
            40, 17, 46, 11, 38, 5, 37, 0, 18, 24, 36, 5, 19, 17, 24, 32, 33, 19, 37, 34, 36};
        double[] right = {INF, 10, 7, INF, INF, 16, INF, 14, 44, 8, 11, INF, 15, INF, INF, INF, 37, INF, 40, INF, 34, 44,
            INF, 48, INF, INF, 25, INF, 18, INF, 12, INF, 5, INF, INF, INF, 11, 35, 25, INF, INF, INF, 26, INF, INF, INF};
        Turnbull fit = Turnbull.fit(left, right);
        assertTrue(fit.converged());
        double[][] published = {{4, 5, 0.0463}, {6, 7, 0.0334}, {7, 8, 0.0887}, {11, 12, 0.0708}, {24, 25, 0.0926},
            {33, 34, 0.0818}, {38, 40, 0.1209}, {46, 48, 0.4656}};
        assertSupport(published, fit);
        // S is fixed between intervals: S(5) = 1 - 0.0463 (the paper's example), S(4) = 1
        assertEquals(1, fit.survivalBounds(4).upper(), 1e-9);
        assertEquals(1, fit.survivalBounds(4).lower(), 1e-9);
        assertEquals(0.9537, fit.survivalBounds(5).lower(), 5e-5);
        assertEquals(0.9537, fit.survivalBounds(5).upper(), 5e-5);
        // inside (4, 5] S lies between 1 - 0.0463 and 1
        assertEquals(0.9537, fit.survivalBounds(4.5).lower(), 5e-5);
        assertEquals(1, fit.survivalBounds(4.5).upper(), 1e-9);
    }

    /** The radiotherapy-plus-chemotherapy arm (48 women) of the same data and publication. */
    @Test
    void breastCosmesisRadioChemotherapyMatchesPublishedNpmle() {
        double[] left = {8, 0, 24, 17, 17, 24, 16, 13, 11, 16, 18, 17, 32, 23, 44, 14, 0, 5, 12, 11, 33, 31, 13, 19, 34,
            13, 16, 35, 15, 11, 22, 10, 30, 13, 10, 8, 4, 11, 14, 4, 34, 30, 18, 16, 35, 21, 11, 48};
        double[] right = {12, 22, 31, 27, 23, 30, 24, INF, 13, 20, 25, 26, INF, INF, 48, 17, 5, 8, 20, INF, 40, INF, 39,
            32, INF, INF, 24, INF, 22, 17, 32, 35, 34, INF, 17, 21, 9, INF, 19, 8, INF, 36, 24, 60, 39, INF, 20, INF};
        Turnbull fit = Turnbull.fit(left, right);
        double[][] published = {{4, 5, 0.0433}, {5, 8, 0.0433}, {11, 12, 0.0692}, {16, 17, 0.1454}, {18, 19, 0.1411},
            {19, 20, 0.1157}, {24, 25, 0.0999}, {30, 31, 0.0709}, {35, 36, 0.1608}, {44, 48, 0.0552},
            {48, 60, 0.0552}};
        assertSupport(published, fit);
    }

    private static void assertSupport(double[][] published, Turnbull fit) {
        List<Turnbull.Mass> support = fit.support(1e-6);
        assertEquals(published.length, support.size(), support.toString());
        for (int j = 0; j < published.length; j++) {
            assertEquals(published[j][0], support.get(j).lower(), 0);
            assertEquals(published[j][1], support.get(j).upper(), 0);
            assertEquals(published[j][2], support.get(j).probability(), 5e-5, "interval " + j);
        }
        assertEquals(1, fit.masses().stream().mapToDouble(Turnbull.Mass::probability).sum(), 1e-9);
    }

    @Test
    void rightCensoredDataReduceToKaplanMeier() {
        // events observed in (t - 1/2, t], censored as (t, inf): the NPMLE is the Kaplan-Meier curve
        double[] times = {1, 2, 2, 3, 4, 4, 5, 6, 7, 7};
        boolean[] reached = {true, true, false, true, true, true, false, true, false, true};
        double[] left = new double[times.length];
        double[] right = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            left[i] = reached[i] ? times[i] - 0.5 : times[i];
            right[i] = reached[i] ? times[i] : INF;
        }
        Turnbull fit = Turnbull.fit(left, right);
        KaplanMeier km = KaplanMeier.fit(times, reached);
        for (double t = 1; t <= 7; t++) {
            assertEquals(km.survivalAt(t), fit.survivalBounds(t).upper(), 1e-9, "t " + t);
            assertEquals(km.survivalAt(t), fit.survivalBounds(t).lower(), 1e-9, "t " + t);
        }
    }

    @Test
    void disjointIntervalsShareMassEqually() {
        Turnbull fit = Turnbull.fit(new double[] {0, 1, 2}, new double[] {1, 2, 3});
        assertEquals(3, fit.masses().size());
        for (Turnbull.Mass mass : fit.masses()) {
            assertEquals(1.0 / 3, mass.probability(), 1e-12);
        }
    }

    @Test
    void emptyOrReversedIntervalsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Turnbull.fit(new double[] {2}, new double[] {2}));
        assertEquals("interval 0 must be (left, right] with left < right, got (2.0, 2.0]", e.getMessage());
    }
}
