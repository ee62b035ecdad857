package io.gradsweep.driver.analysis;

import java.util.Locale;

/**
 * How finely a measure is resolved, so that two values equal at that resolution give an exact
 * 0.0 difference before any test sees them (and two differences worth the same are exactly
 * equal, so they tie in a rank test). Without it, two accuracies worth the same number of test
 * rows differ in the last bit and count as an effect.
 *
 * <p>A fraction (accuracy, dead-unit fraction) is a count over a fixed number of rows or units:
 * that number is found from the values themselves (the least common denominator of their
 * continued-fraction approximations, up to {@value #MAX_DENOMINATOR}), and differences are
 * rounded to its steps. Any other measure (losses, the log-loss area, ratios) counts as equal
 * within a relative tolerance of {@value #RELATIVE_TOLERANCE}.
 */
final class Resolution implements java.io.Serializable {
    static final double RELATIVE_TOLERANCE = 1e-6;
    static final long MAX_DENOMINATOR = 1_000_000;

    /** Steps per unit (e.g. test rows) for a fraction; 0 = a relative tolerance. */
    private final long steps;

    private Resolution(long steps) {
        this.steps = steps;
    }

    static Resolution tolerance() {
        return new Resolution(0);
    }

    static Resolution steps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        return new Resolution(steps);
    }

    /** The resolution of {@code m}, from its values in the two arms compared. */
    static Resolution of(Measure m, double[] values) {
        if (!m.fraction) {
            return tolerance();
        }
        long lcm = 1;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            long q = denominator(v);
            if (q == 0) {
                return tolerance();
            }
            lcm = lcm / gcd(lcm, q) * q;
            if (lcm > MAX_DENOMINATOR) {
                return tolerance();
            }
        }
        return new Resolution(lcm);
    }

    /** The denominator of the simplest fraction within 1e-13 (a count over rows, divided in double, is within an ulp) of {@code v} in [0, 1], or 0 if it needs more than the maximum. */
    static long denominator(double v) {
        if (v < 0 || v > 1) {
            return 0;
        }
        // continued-fraction convergents h/k of v
        long h0 = 0;
        long h1 = 1;
        long k0 = 1;
        long k1 = 0;
        double x = v;
        for (int i = 0; i < 64; i++) {
            long a = (long) Math.floor(x);
            long h2 = a * h1 + h0;
            long k2 = a * k1 + k0;
            if (k2 > MAX_DENOMINATOR) {
                return 0;
            }
            if (Math.abs((double) h2 / k2 - v) <= 1e-13) {
                return k2;
            }
            h0 = h1;
            h1 = h2;
            k0 = k1;
            k1 = k2;
            double frac = x - a;
            if (frac == 0) {
                return 0;
            }
            x = 1 / frac;
        }
        return 0;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** a - b, snapped: exactly 0.0 when equal at this resolution, a whole number of steps for a fraction. */
    double difference(double a, double b) {
        double d = a - b;
        if (Double.isNaN(d)) {
            return d;
        }
        if (steps > 0) {
            return Math.round(d * steps) / (double) steps;
        }
        return Math.abs(d) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) ? 0.0 : d;
    }

    /** For a caption: how ties were decided. */
    String describe() {
        return steps > 0 ? String.format(Locale.ROOT, "in steps of 1/%d (values are counts out of %d)", steps, steps)
                : String.format(Locale.ROOT, "equal within a relative %.0e", RELATIVE_TOLERANCE);
    }
}
