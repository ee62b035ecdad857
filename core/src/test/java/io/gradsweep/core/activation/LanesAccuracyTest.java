package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The double kernels under the activations against independent references, before any rounding to
 * float: the bounds that their comments state (and that {@link VectorKernelSweepTest}'s 0.51 ulp
 * rests on), so that a polynomial refitted too short fails here even where no float sweep point
 * happens to sit near a rounding boundary.
 */
class LanesAccuracyTest {
    private static final int POINTS = 2_000_001;

    /** The largest relative error seen, and where. */
    private static final class Worst {
        double error;
        double at;

        /** Evenly spaced points from {@code from} to {@code to}, both included. */
        Worst over(double from, double to, int points, DoubleUnaryOperator got, DoubleUnaryOperator reference) {
            for (int i = 0; i < points; i++) {
                see(from + (to - from) * i / (points - 1), got, reference);
            }
            return this;
        }

        void see(double x, DoubleUnaryOperator got, DoubleUnaryOperator reference) {
            double ref = reference.applyAsDouble(x);
            if (ref == 0) {
                return;
            }
            double rel = Math.abs(got.applyAsDouble(x) / ref - 1);
            if (rel > error) {
                error = rel;
                at = x;
            }
        }

        String log2() {
            return String.format("2^%.2f at %s", Math.log(error) / Math.log(2), at);
        }
    }

    /** e^x within 2^-49 relative over [-708, 708]: the fit's 2^-49.6 plus StrictMath.exp's own error (under 1 ulp). */
    @Test
    void expIsWithinItsStatedBound() {
        Worst w = new Worst().over(-708, 708, POINTS, Lanes::exp, StrictMath::exp)
                // densely where the reduced argument reaches its ends (k changes at odd multiples of ln2/2)
                .over(-3, 3, POINTS, Lanes::exp, StrictMath::exp);
        System.out.println("exp: max relative error " + w.log2());
        assertTrue(w.error <= 0x1p-49, "exp: " + w.log2());
        assertEquals(1.0, Lanes.exp(0.0));
    }

    /**
     * e^x - 1 within 2^-47 relative, near 0 too, where a naive e^x - 1 loses everything to
     * cancellation. Looser than exp: just above ln2/2, e^x - 1 = 2 e^r - 1 with e^r near 0.71, and
     * the polynomial's error in e^r grows by 2 e^r / (2 e^r - 1), about 3.4.
     */
    @Test
    void expm1IsWithinItsStatedBound() {
        Worst w = new Worst().over(-40, 40, POINTS, Lanes::expm1, StrictMath::expm1);
        for (int e = -60; e <= 0; e++) {
            double[] near = {Math.scalb(1.0, e), -Math.scalb(1.0, e), Math.scalb(1.7, e), -Math.scalb(1.3, e)};
            for (double x : near) {
                w.see(x, Lanes::expm1, StrictMath::expm1);
            }
        }
        System.out.println("expm1: max relative error " + w.log2());
        assertTrue(w.error <= 0x1p-47, "expm1: " + w.log2());
    }

    /**
     * log(1+e) within 2^-44 relative for e in [0, 1]: the atanh series' first omitted term, 2^-44.7
     * of the result where |s| is largest (e = sqrt2 - 1), plus the rounding of the operations.
     */
    @Test
    void log1pUnitIsWithinItsStatedBound() {
        Worst w = new Worst().over(0, 1, POINTS, Lanes::log1pUnit, StrictMath::log1p);
        for (int e = -60; e < 0; e++) {
            w.see(Math.scalb(1.0, e), Lanes::log1pUnit, StrictMath::log1p);
        }
        System.out.println("log1pUnit: max relative error " + w.log2());
        assertTrue(w.error <= 0x1p-44, "log1pUnit: " + w.log2());
    }

    /**
     * Phi(-a) = phiTailFactor(a) * e^(a * (a * -0.5)) within 1e-12 relative on [0, 15] (the fit
     * alone: 2.6e-13). The reference is erfc's Maclaurin series in 60-digit decimals up to a = 4.5,
     * where {@link Reference#erfc}'s double 1 - erf loses up to 1e-10 to cancellation, and
     * Reference's continued fraction above.
     */
    @Test
    void phiTailIsWithinItsStatedBound() {
        DoubleUnaryOperator got = a -> Lanes.phiTailFactor(a) * Lanes.exp(a * (a * -0.5));
        Worst w = new Worst().over(0, 4.5, 20_001, got, LanesAccuracyTest::phiLowerDecimal)
                .over(4.5, 15, POINTS, got, a -> Reference.phi(-a));
        System.out.printf("Phi(-a): max relative error %.3g at a = %s%n", w.error, w.at);
        assertTrue(w.error <= 1e-12, "Phi(-a) relative error " + w.error + " at a = " + w.at);
    }

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI =
            new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    /** Phi(-a) = erfc(a / sqrt2) / 2 = 1/2 - erf(a / sqrt2) / 2, erf by its Maclaurin series in decimals. */
    private static double phiLowerDecimal(double a) {
        BigDecimal x = new BigDecimal(a).divide(BigDecimal.valueOf(2).sqrt(MC), MC);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x; // x^(2n+1) / n!
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 0; n < 1000; n++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = (n & 1) == 0 ? sum.add(term, MC) : sum.subtract(term, MC);
            if (term.compareTo(BigDecimal.ONE.movePointLeft(50)) < 0) {
                break;
            }
            power = power.multiply(x2, MC).divide(BigDecimal.valueOf(n + 1L), MC);
        }
        BigDecimal erf = sum.multiply(BigDecimal.valueOf(2), MC).divide(PI.sqrt(MC), MC);
        return BigDecimal.ONE.subtract(erf, MC).divide(BigDecimal.valueOf(2), MC).doubleValue();
    }
}
