package io.gradsweep.driver.analysis;

import java.util.Arrays;

/**
 * Spark SQL's exact {@code percentile(x, p)}, for the analysis read without Spark: the values
 * sorted (NaN last, as Spark orders it), position (n - 1) p, and linear interpolation between the
 * values at the closest ranks below and above it, written as Spark's PercentileBase writes it so
 * that the result is the same double: {@code (higher - position) * lower + (position - lower) * higher},
 * or the lower value itself when the position is a whole rank or both ranks hold the same value.
 * It is the "linear" (type 7) definition of numpy's and R's default.
 */
final class ExactPercentile {
    private ExactPercentile() {
    }

    /** The percentiles {@code p} (each in [0, 1]) of {@code values} (not changed); null when there are none. */
    static double[] of(double[] values, double... p) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = at(sorted, (sorted.length - 1L) * p[i]);
        }
        return out;
    }

    private static double at(double[] sorted, double position) {
        long lower = (long) Math.floor(position);
        long higher = (long) Math.ceil(position);
        double lowerValue = sorted[(int) lower];
        if (higher == lower) {
            return lowerValue;
        }
        double higherValue = sorted[(int) higher];
        // Spark compares the distinct values it counted (boxed): the same value needs no interpolation,
        // which could otherwise differ from it in the last bit
        if (Double.doubleToLongBits(higherValue) == Double.doubleToLongBits(lowerValue)) {
            return lowerValue;
        }
        return (higher - position) * lowerValue + (position - lower) * higherValue;
    }
}
