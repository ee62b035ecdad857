package io.gradsweep.core.curvature;

/**
 * The eigenvalue of largest magnitude of a symmetric operator by power iteration: the Rayleigh
 * quotient v.Av of the normalised iterate, stopped when it changes by at most {@code tolerance}
 * relative to itself, or after {@code maxIterations} products. For a training loss's Hessian this
 * is the top eigenvalue (sharpness) whenever the most negative eigenvalue is smaller in magnitude,
 * as it is in practice (Cohen et al. 2021); the sign is kept, so a negative answer says so.
 */
public final class PowerIteration {
    /**
     * Applies a symmetric operator: out = A v. It may first move v slightly (to a direction it can
     * represent exactly); the Rayleigh quotient is then taken with the moved v.
     */
    public interface Operator {
        void apply(double[] v, double[] out);
    }

    /** An eigenvalue estimate and the products it took. */
    public record Estimate(double value, int iterations) {
    }

    private PowerIteration() {
    }

    /**
     * Starts from {@code v} (any non-zero vector; normalised here) and leaves the last unit iterate
     * in it, so that the next call can start warm.
     */
    public static Estimate run(Operator a, double[] v, int maxIterations, double tolerance) {
        return run(a, v, maxIterations, tolerance, 0);
    }

    /** The same, with the change measured relative to |estimate - offset| (the unshifted value). */
    private static Estimate run(Operator a, double[] v, int maxIterations, double tolerance, double offset) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        normalise(v);
        double[] av = new double[v.length];
        double previous = Double.NaN;
        for (int k = 1; k <= maxIterations; k++) {
            a.apply(v, av);
            double rayleigh = dot(v, av) / dot(v, v);
            double norm = Math.sqrt(dot(av, av));
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return new Estimate(rayleigh, k); // A v = 0 (or overflow): nothing better to iterate towards
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = av[i] / norm;
            }
            if (k > 1 && Math.abs(rayleigh - previous) <= tolerance * Math.abs(rayleigh - offset)) {
                return new Estimate(rayleigh, k);
            }
            previous = rayleigh;
        }
        return new Estimate(previous, maxIterations);
    }

    /**
     * The largest (most positive) eigenvalue. Power iteration from {@code v} finds the one of
     * largest magnitude; when that is negative, -m, a second run from {@code second} on A + m I
     * (positive semi-definite, same eigenvectors) finds the top one as its answer minus m. Each
     * run takes at most {@code maxIterations} products; the estimate counts both. The second run's
     * tolerance is relative to the unshifted value. It converges slowly when many eigenvalues sit
     * near the top one after the shift; an estimate that used every product can then be low.
     */
    public static Estimate top(Operator a, double[] v, double[] second, int maxIterations, double tolerance) {
        Estimate dominant = run(a, v, maxIterations, tolerance);
        if (!(dominant.value() < 0)) {
            return dominant;
        }
        double shift = -dominant.value();
        Estimate shifted = run((x, out) -> {
            a.apply(x, out);
            for (int i = 0; i < out.length; i++) {
                out[i] += shift * x[i];
            }
        }, second, maxIterations, tolerance, shift);
        return new Estimate(shifted.value() - shift, dominant.iterations() + shifted.iterations());
    }

    static void normalise(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the start vector is zero");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
