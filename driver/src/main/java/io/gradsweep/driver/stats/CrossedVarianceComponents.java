package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Variance components of a balanced two-way crossed random-effects design,
 * y_ijk = mu + a_i + b_j + (ab)_ij + e_ijk with a levels of A, b of B and n runs per cell, by the
 * ANOVA method: the mean squares set equal to their expectations (Searle, Casella and McCulloch
 * 1992, ch. 4), E[MS_A] = s2e + n s2ab + bn s2a, E[MS_B] = s2e + n s2ab + an s2b,
 * E[MS_AB] = s2e + n s2ab, E[MS_E] = s2e. With one run per cell (n = 1) the interaction cannot be
 * told from the residual: their sum is MS_AB and is reported as one component. A negative
 * estimate is set to 0 (and flagged), as is usual; the shares are of the sum of the components.
 *
 * <p>Intervals of the shares: the two-way ("pigeonhole") bootstrap, which draws the levels of A
 * and of B independently with replacement (and the runs within a cell, when n > 1) and recomputes
 * the shares; percentile intervals. It resamples what is random in the design (the levels),
 * and is conservative for the variance of a mean (McCullagh 2000, Resampling and exchangeable
 * arrays); with few levels a factor's share is known only roughly, and the interval says so.
 */
public final class CrossedVarianceComponents {
    /** The components, in the order of {@link #shares()}. */
    public enum Component { A, B, INTERACTION, RESIDUAL }

    public final int levelsA;
    public final int levelsB;
    public final int perCell;
    public final double msA;
    public final double msB;
    public final double msAB;
    /** NaN with one run per cell. */
    public final double msE;
    private final double[] raw;
    private final double[] components;

    private CrossedVarianceComponents(int a, int b, int n, double msA, double msB, double msAB, double msE) {
        this.levelsA = a;
        this.levelsB = b;
        this.perCell = n;
        this.msA = msA;
        this.msB = msB;
        this.msAB = msAB;
        this.msE = msE;
        double s2a = (msA - msAB) / (b * n);
        double s2b = (msB - msAB) / (a * n);
        double s2ab = n > 1 ? (msAB - msE) / n : msAB; // n = 1: interaction and residual together
        double s2e = n > 1 ? msE : 0;
        raw = new double[] {s2a, s2b, s2ab, s2e};
        components = Arrays.stream(raw).map(v -> Math.max(0, v)).toArray();
    }

    /**
     * Estimates from {@code y[i][j][k]}: level i of A, level j of B, run k of the cell.
     *
     * @throws IllegalArgumentException unless balanced, with at least 2 levels of each factor and finite values
     */
    public static CrossedVarianceComponents estimate(double[][][] y) {
        int a = y.length;
        int b = a == 0 ? 0 : y[0].length;
        int n = b == 0 ? 0 : y[0][0].length;
        if (a < 2 || b < 2 || n < 1) {
            throw new IllegalArgumentException("a crossed design needs at least 2 levels of each factor and a run per"
                    + " cell; found " + a + " x " + b + " x " + n);
        }
        double grand = 0;
        double[][] cell = new double[a][b];
        for (int i = 0; i < a; i++) {
            if (y[i].length != b) {
                throw new IllegalArgumentException("unbalanced: level " + i + " of A has " + y[i].length + " levels of B, not " + b);
            }
            for (int j = 0; j < b; j++) {
                if (y[i][j].length != n) {
                    throw new IllegalArgumentException("unbalanced: cell (" + i + ", " + j + ") has " + y[i][j].length
                            + " runs, not " + n);
                }
                for (double v : y[i][j]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("cell (" + i + ", " + j + ") holds " + v + ": every run needs a value");
                    }
                    cell[i][j] += v / n;
                }
                grand += cell[i][j] / (a * b);
            }
        }
        double[] rowMean = new double[a];
        double[] colMean = new double[b];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                rowMean[i] += cell[i][j] / b;
                colMean[j] += cell[i][j] / a;
            }
        }
        double ssA = 0;
        for (double m : rowMean) {
            ssA += b * n * (m - grand) * (m - grand);
        }
        double ssB = 0;
        for (double m : colMean) {
            ssB += a * n * (m - grand) * (m - grand);
        }
        double ssAB = 0;
        double ssE = 0;
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                double d = cell[i][j] - rowMean[i] - colMean[j] + grand;
                ssAB += n * d * d;
                for (double v : y[i][j]) {
                    ssE += (v - cell[i][j]) * (v - cell[i][j]);
                }
            }
        }
        double msE = n > 1 ? ssE / (a * b * (n - 1)) : Double.NaN;
        return new CrossedVarianceComponents(a, b, n, ssA / (a - 1), ssB / (b - 1), ssAB / ((a - 1) * (b - 1)), msE);
    }

    /** The component's estimate, 0 where the ANOVA estimate was negative. */
    public double component(Component c) {
        return components[c.ordinal()];
    }

    /** True when the ANOVA estimate of {@code c} was negative and has been set to 0. */
    public boolean truncated(Component c) {
        return raw[c.ordinal()] < 0;
    }

    /** The ANOVA estimate before truncation (may be negative). */
    public double unbiased(Component c) {
        return raw[c.ordinal()];
    }

    public double total() {
        return Arrays.stream(components).sum();
    }

    /** Each component's share of the total, in {@link Component} order; NaN when the total is 0. */
    public double[] shares() {
        double t = total();
        return Arrays.stream(components).map(v -> t > 0 ? v / t : Double.NaN).toArray();
    }

    /** Whether the interaction is estimated on its own (n > 1) or together with the residual (n = 1). */
    public boolean interactionSeparate() {
        return perCell > 1;
    }

    /**
     * Percentile intervals of the shares by the two-way bootstrap: {@code [component][0 = low, 1 = high]}.
     * Resamples whose total is 0 are skipped (they carry no share). Level pairs drawn twice
     * count as two levels, as in the usual two-way bootstrap.
     */
    public static double[][] shareIntervals(double[][][] y, int resamples, long seed, double level) {
        int a = y.length;
        int b = y[0].length;
        int n = y[0][0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] draws = new double[Component.values().length][resamples];
        int kept = 0;
        double[][][] z = new double[a][b][n];
        int[] rows = new int[a];
        int[] cols = new int[b];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < a; i++) {
                rows[i] = rng.nextInt(a);
            }
            for (int j = 0; j < b; j++) {
                cols[j] = rng.nextInt(b);
            }
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < b; j++) {
                    // a cell's runs are kept as they are: drawing them with replacement would
                    // duplicate runs and shrink the residual (by half in expectation with n = 2)
                    System.arraycopy(y[rows[i]][cols[j]], 0, z[i][j], 0, n);
                }
            }
            double[] s = estimate(z).shares();
            if (Double.isNaN(s[0])) {
                continue;
            }
            for (int c = 0; c < s.length; c++) {
                draws[c][kept] = s[c];
            }
            kept++;
        }
        double[][] out = new double[draws.length][];
        for (int c = 0; c < draws.length; c++) {
            if (kept == 0) {
                out[c] = new double[] {Double.NaN, Double.NaN};
                continue;
            }
            double[] d = Arrays.copyOf(draws[c], kept);
            Arrays.sort(d);
            out[c] = new double[] {Quantiles.type7(d, (1 - level) / 2), Quantiles.type7(d, 1 - (1 - level) / 2)};
        }
        return out;
    }
}
