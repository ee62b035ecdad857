package io.gradsweep.driver.stats;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's type 7,
 * the default of R's {@code quantile} and numpy's {@code percentile}, so tables agree with both.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The type-7 quantile {@code p} of {@code sorted} (ascending, no NaN): with h = (n - 1) p,
     * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]), 0-based. NaN when empty.
     */
    public static double type7(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int below = (int) Math.floor(h);
        if (below >= n - 1) {
            return sorted[n - 1];
        }
        double fraction = h - below;
        // fraction == 0 returns the order statistic itself, also when a neighbour is infinite
        return fraction == 0 ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
