package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values: R 4.2.2 offline, {@code kruskal.test(list(...))} for H and its chi-square p; the
 * permutation p by a brute-force pass over every labelling of the pooled values in this test.
 */
class KruskalWallisTestTest {
    static final double[][] CELLS = {{0.5, 1.0, 1.5, 0.5}, {-0.5, 0, 0.5}, {2.0, 1.5, 2.5, 3.0, 1.0}};

    @Test
    void statisticMatchesRAndPermutationPMatchesBruteForce() {
        // R: H = 8.0444047619047669, df = 2, p = 0.017913469179800176
        KruskalWallisTest test = KruskalWallisTest.test(CELLS, 1, 100_000);
        assertEquals(8.0444047619047669, test.statistic(), 1e-12);
        assertEquals(0.017913469179800176, test.chiSquarePValue(), 1e-12);
        assertTrue(test.exact());
        assertEquals(27720, test.permutations()); // 12! / (4! 3! 5!)
        assertEquals(bruteForceP(CELLS), test.pValue(), 1e-12);
        assertEquals("Kruskal-Wallis across 3 cells (12 values), exact permutation p over all 27720 reassignments",
            test.method());
    }

    @Test
    void twoSeparatedCellsGiveTheSmallestPermutationP() {
        // R: kruskal.test(list(1:3, 4:6)): H = 3.8571428571428577, p = 0.04953461343562679 (chi-square);
        // by permutation, only 2 of the C(6, 3) = 20 splits are as extreme: 0.1
        KruskalWallisTest test = KruskalWallisTest.test(new double[][] {{1, 2, 3}, {4, 5, 6}}, 1, 1000);
        assertEquals(3.8571428571428577, test.statistic(), 1e-12);
        assertEquals(0.04953461343562679, test.chiSquarePValue(), 1e-12);
        assertEquals(0.1, test.pValue(), 1e-15);
    }

    @Test
    void monteCarloIsCloseToExactAndSeeded() {
        KruskalWallisTest exact = KruskalWallisTest.test(CELLS, 1, 100_000);
        KruskalWallisTest mc = KruskalWallisTest.test(CELLS, 17, 20_000);
        assertFalse(mc.exact());
        double p = exact.pValue();
        assertEquals(p, mc.pValue(), 4 * Math.sqrt(p * (1 - p) / 20_000));
        assertEquals(mc.pValue(), KruskalWallisTest.test(CELLS, 17, 20_000).pValue(), 0);
    }

    @Test
    void identicalCellsGivePOneAndOneCellGivesNaN() {
        assertEquals(1, KruskalWallisTest.test(new double[][] {{2, 2}, {2, 2, 2}}, 1, 100).pValue(), 0);
        assertTrue(Double.isNaN(KruskalWallisTest.test(new double[][] {{1, 2}, {}}, 1, 100).pValue()));
    }

    /** Every labelling in {0,1,2}^n with the cells' sizes; H from ranks counted directly. */
    private static double bruteForceP(double[][] cells) {
        int k = cells.length;
        int[] sizes = new int[k];
        int n = 0;
        for (int g = 0; g < k; g++) {
            sizes[g] = cells[g].length;
            n += sizes[g];
        }
        double[] values = new double[n];
        int at = 0;
        for (double[] cell : cells) {
            for (double v : cell) {
                values[at++] = v;
            }
        }
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int smaller = 0;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                smaller += values[j] < values[i] ? 1 : 0;
                equal += values[j] == values[i] ? 1 : 0;
            }
            rank[i] = smaller + (equal + 1) / 2.0;
        }
        int[] observedLabels = new int[n];
        at = 0;
        for (int g = 0; g < k; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                observedLabels[at++] = g;
            }
        }
        double observed = score(rank, observedLabels, sizes);
        int[] labels = new int[n];
        long total = 0;
        long extreme = 0;
        for (long code = 0; code < Math.round(Math.pow(k, n)); code++) {
            long c = code;
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                labels[i] = (int) (c % k);
                c /= k;
                count[labels[i]]++;
            }
            if (java.util.Arrays.equals(count, sizes)) {
                total++;
                extreme += score(rank, labels, sizes) >= observed - 1e-9 ? 1 : 0;
            }
        }
        return (double) extreme / total;
    }

    private static double score(double[] rank, int[] labels, int[] sizes) {
        double[] sums = new double[sizes.length];
        for (int i = 0; i < rank.length; i++) {
            sums[labels[i]] += rank[i];
        }
        double s = 0;
        for (int g = 0; g < sizes.length; g++) {
            s += sums[g] * sums[g] / sizes[g];
        }
        return s;
    }
}
