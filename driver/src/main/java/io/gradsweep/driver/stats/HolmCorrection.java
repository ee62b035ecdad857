package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's (1979) step-down adjustment of a family of p-values, controlling the family-wise error
 * rate without assuming independence; the values of R's {@code p.adjust(p, "holm")}.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /**
     * Adjusted p-values, in the order given: the i-th smallest of m becomes
     * max over j <= i of min(1, (m - j + 1) p_(j)), so they never decrease with p. NaN p-values
     * stay NaN and are not counted in m, as in R.
     */
    public static double[] adjust(double[] p) {
        for (double value : p) {
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + value);
            }
        }
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] ascending = Arrays.copyOf(order, m);
        Arrays.sort(ascending, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            // the running maximum keeps the order of the raw p-values (step-down monotonicity)
            runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p[ascending[rank]]));
            adjusted[ascending[rank]] = runningMax;
        }
        return adjusted;
    }
}
