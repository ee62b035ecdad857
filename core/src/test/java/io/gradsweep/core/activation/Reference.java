package io.gradsweep.core.activation;

/**
 * Test-side truth: closed forms in double via StrictMath, plus an erf/erfc written independently
 * of Kernels (Maclaurin series and a forward-evaluated continued fraction, not Taylor tables).
 */
final class Reference {
    private Reference() {
    }

    static final double SQRT_PI = StrictMath.sqrt(Math.PI);

    /** erf by its alternating Maclaurin series for |x| < 2.5, else 1 - erfc. */
    static double erf(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        if (a >= 2.5) {
            return Math.copySign(1.0 - erfc(a), x);
        }
        double sum = 0;
        double power = a; // a^(2n+1) / n!
        for (int n = 0; n < 200; n++) {
            double term = power / (2 * n + 1);
            sum += (n & 1) == 0 ? term : -term;
            power *= a * a / (n + 1);
            if (term < 1e-20 * Math.abs(sum)) {
                break;
            }
        }
        return Math.copySign(2 / SQRT_PI * sum, x);
    }

    /** erfc: 1 - erf below 2.5, the continued fraction (modified Lentz) above. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 2.5) {
            return 1.0 - erf(x);
        }
        if (x > 27) {
            return 0.0;
        }
        // erfc(x) = e^-x^2/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 5000; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-17) {
                break;
            }
        }
        return StrictMath.exp(-x * x) / SQRT_PI / f;
    }

    /** Standard normal CDF, accurate in the lower tail. */
    static double phi(double x) {
        return x < 0 ? 0.5 * erfc(-x / StrictMath.sqrt(2)) : 1 - 0.5 * erfc(x / StrictMath.sqrt(2));
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + StrictMath.exp(-x)) : StrictMath.exp(x) / (1 + StrictMath.exp(x));
    }

    static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    /**
     * Error of {@code got} in units of the float spacing at {@code ref} (2^-149 among subnormals);
     * 0 for matching NaN or infinities, infinite for a NaN/infinity mismatch.
     */
    static double ulps(float got, double ref) {
        if (Double.isNaN(ref) || Float.isNaN(got)) {
            return Double.isNaN(ref) && Float.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        double a = Math.abs(ref);
        float below = (float) a;
        if (below > a) {
            below = Math.nextDown(below);
        }
        double ulp = Math.ulp(below);
        if (Float.isInfinite(got)) {
            // A float result rounds to infinity at or above MAX_VALUE + half its ulp.
            boolean overflows = a >= Float.MAX_VALUE + Math.ulp(Float.MAX_VALUE) / 2.0;
            return overflows && Math.signum(got) == Math.signum(ref) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(got - ref) / ulp;
    }
}
