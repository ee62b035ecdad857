package io.gradsweep.core.activation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised transcendental kernels for the activations, each with a scalar twin that performs the
 * same IEEE operations in the same order, so that an element gives the same bits whether it falls
 * in a vector body or in a loop's tail (and whether {@link Activation#value} or
 * {@link Activation#forward} computes it).
 *
 * <p>Why this is deterministic everywhere: the species is FIXED (4 double lanes, 256 bits, native
 * on every AVX2 machine) rather than the machine's preferred width, and every kernel is range reduction plus polynomials built only from add, mul,
 * fma, one correctly rounded division where noted, compares, blends and bit moves. Each of these
 * is specified to the bit by IEEE 754 and the Vector API (no {@code VectorOperators.EXP} and the
 * like, whose last bits are the platform's). The scalar twins use {@link Math#fma}, which is the
 * same single rounding as the vector FMA.
 *
 * <p>Why double lanes inside float functions: a double polynomial accurate to about 2^-45,
 * rounded once to float, is within 0.5 ulp plus a hair, and the fused formulas (gelu, mish, the
 * derivatives) keep that accuracy without float hi/lo tricks, at half the lanes of float arithmetic.
 *
 * <p>Why passes over arrays: see {@link #expPass}. The activations chain small loops (argument,
 * exp, result) through this thread's {@link Scratch}; the doubles stored between passes are exact,
 * so a pass chain gives the bits of the scalar twin.
 *
 * <p>Why no float vectors: the float arrays are widened and narrowed by scalar passes
 * ({@link #widenPass}, {@link #narrowPass}, {@link #scalePass}), so the kernels touch only
 * {@code DoubleVector.SPECIES_256}. When they loaded 4 floats ({@code FloatVector.SPECIES_128}) and
 * converted them, that second float species reached the FloatVector methods that the matrix
 * product ({@code Gemm}, {@code SPECIES_256}) shares; if the kernels ran first, C2 (JDK 17) compiled
 * Gemm from those mixed profiles and a later relu trial ran 18x slower (6.8 s vs 0.38 s).
 *
 * <p>Why the passes broadcast their constants before the loop: a trial inlines a pass deep below
 * {@code Network.forward/backward}, and there C2 reaches MaxInlineLevel before the broadcast
 * intrinsic; a {@code splat} inside the loop then allocates a vector per element (gelu trials ran
 * 2-3x slower). A broadcast before the loop costs that at most once per call.
 *
 * <p>Domains are the callers' job (noted per kernel): the activations clamp first. Clamps are
 * compare-and-blend ({@code a > c ? c : a}), which keeps NaN.
 */
final class Lanes {
    private Lanes() {
    }

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    static final int STEP = 4; // D.length(), constant so the loops' bounds are obvious

    /**
     * x[i] = (double) z[i] for i in [0, m). A plain cast, not {@link Kernels#widen}: alone in a loop
     * C2 vectorises it (vcvtps2pd, 0.4 ns/element on JDK 17 against 2 ns for Kernels.widen's bit moves).
     */
    static void widenPass(float[] z, double[] x, int m) {
        for (int i = 0; i < m; i++) {
            x[i] = z[i];
        }
    }

    /** y[i] = (float) r[i] for i in [0, m): the rounding the D2F vector conversion did. */
    static void narrowPass(double[] r, float[] y, int m) {
        for (int i = 0; i < m; i++) {
            y[i] = (float) r[i];
        }
    }

    /** grad[i] *= (float) r[i] for i in [0, m): the float product the float vector multiply did. */
    static void scalePass(double[] r, float[] grad, int m) {
        for (int i = 0; i < m; i++) {
            grad[i] *= (float) r[i];
        }
    }

    static DoubleVector splat(double c) {
        return DoubleVector.broadcast(D, c);
    }

    /** {@code x > c ? c : x} lane by lane (NaN stays). */
    static DoubleVector atMost(DoubleVector x, double c) {
        return x.blend(c, x.compare(VectorOperators.GT, c));
    }

    static double atMost(double x, double c) {
        return x > c ? c : x;
    }

    /** {@code x < c ? c : x} lane by lane (NaN stays). */
    static DoubleVector atLeast(DoubleVector x, double c) {
        return x.blend(c, x.compare(VectorOperators.LT, c));
    }

    static double atLeast(double x, double c) {
        return x < c ? c : x;
    }

    // ---- exp: e^x = 2^k * e^r, k = round(x/ln2), r = x - k*ln2 in two fma steps (Cody-Waite),
    // |r| <= ln2/2; e^r = 1 + r + r^2 * E(r), E a degree-8 Chebyshev fit (mpmath.chebyfit, 50 digits,
    // on |r| <= 1.0001 * ln2/2; bench/fit_kernels.py prints these constants) of (e^r - 1 - r)/r^2,
    // within 2^-49.6 relative with its coefficients rounded to double; exp within 2^-49.4 and expm1
    // within 2^-47.8 as computed (LanesAccuracyTest).
    // The Taylor series to r^12 that it replaced was within 2^-56 and took two more fma (1.33 against
    // 0.97 ns per element for an exp pass here, in a one-off probe timing both in one JVM), for bits
    // that the float results almost never see: run over all 2^32 floats beside the old kernels (also
    // a one-off), only two selu values and two gelu_tanh derivatives rounded differently.
    // 2^k is built in the exponent field: adding 1.5*2^52 leaves k in the low bits of kd, and
    // (bits(kd) << 52) + bits(1.0) is 2^k for any |k| <= 1022 (two's complement wraps correctly).
    private static final double SHIFT = 0x1.8p52;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double LN2_HI = 0x1.62e42fefa3800p-1; // 43 bits: k * LN2_HI is exact
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final long ONE_BITS = 0x3ff0000000000000L;
    private static final double E0 = 0x1.0000000000000p-1;
    private static final double E1 = 0x1.5555555553b78p-3;
    private static final double E2 = 0x1.5555555554cb7p-5;
    private static final double E3 = 0x1.1111111c478ebp-7;
    private static final double E4 = 0x1.6c16c1738ff55p-10;
    private static final double E5 = 0x1.a019ada3609f3p-13;
    private static final double E6 = 0x1.a019c9a5652d3p-16;
    private static final double E7 = 0x1.72c72ca338df0p-19;
    private static final double E8 = 0x1.2880411bad1aap-22;

    private static double expScale(double x) {
        double kd = x * INV_LN2 + SHIFT;
        return Double.longBitsToDouble((Double.doubleToRawLongBits(kd) << 52) + ONE_BITS);
    }

    private static double expQ(double x) {
        double k = (x * INV_LN2 + SHIFT) - SHIFT;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = Math.fma(E8, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, E1);
        p = Math.fma(p, r, E0);
        return Math.fma(p, r * r, r);
    }

    /**
     * out[i] = e^in[i] - off for i in [0, m), m a multiple of {@link #STEP}: off = 0 gives exp,
     * off = 1 expm1 (for |x| < ln2/2, k = 0 and s - 1 = 0, so there is no cancellation). Inputs
     * within |x| <= 708 or NaN. The same operations as {@link #exp(double)} and
     * {@link #expm1(double)} (s - 0 is s), written out in the loop: C2 compiles a Vector API loop
     * well only when every vector op is inlined into it, and it stops inlining helper methods of
     * ours once a loop body grows (NodeCountInliningCutoff), boxing every vector that crosses a
     * call. So the activations work in passes over scratch arrays, each pass a small loop.
     */
    static void expPass(double[] in, double[] out, int m, double off) {
        DoubleVector shift = splat(SHIFT);
        DoubleVector minusHi = splat(-LN2_HI);
        DoubleVector minusLo = splat(-LN2_LO);
        // Broadcast once per call, not per element: see log1pUnitPass.
        DoubleVector e8 = splat(E8);
        DoubleVector e7 = splat(E7);
        DoubleVector e6 = splat(E6);
        DoubleVector e5 = splat(E5);
        DoubleVector e4 = splat(E4);
        DoubleVector e3 = splat(E3);
        DoubleVector e2 = splat(E2);
        DoubleVector e1 = splat(E1);
        DoubleVector e0 = splat(E0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector x = DoubleVector.fromArray(D, in, i);
            DoubleVector kd = x.mul(INV_LN2).add(shift);
            DoubleVector s = kd.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ONE_BITS)
                    .reinterpretAsDoubles();
            DoubleVector k = kd.sub(shift);
            DoubleVector r = k.fma(minusHi, x);
            r = k.fma(minusLo, r);
            DoubleVector p = e8.fma(r, e7);
            p = p.fma(r, e6);
            p = p.fma(r, e5);
            p = p.fma(r, e4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            DoubleVector q = p.fma(r.mul(r), r);
            s.fma(q, s.sub(off)).intoArray(out, i);
        }
    }

    /**
     * exp[i] = e^in[i] and expm1[i] = e^in[i] - 1 from one range reduction and polynomial: the same
     * operations as {@link #expPass} with off = 0 and off = 1, so the same bits, for the members
     * whose value needs e^x - 1 and whose derivative needs e^x (elu, celu, selu, tanh). The
     * reduction and the polynomial are written out again rather than shared through a helper that
     * returns vectors: see expPass for why a pass keeps every vector operation in its own loop.
     */
    static void expBothPass(double[] in, double[] exp, double[] expm1, int m) {
        DoubleVector shift = splat(SHIFT);
        DoubleVector minusHi = splat(-LN2_HI);
        DoubleVector minusLo = splat(-LN2_LO);
        DoubleVector e8 = splat(E8);
        DoubleVector e7 = splat(E7);
        DoubleVector e6 = splat(E6);
        DoubleVector e5 = splat(E5);
        DoubleVector e4 = splat(E4);
        DoubleVector e3 = splat(E3);
        DoubleVector e2 = splat(E2);
        DoubleVector e1 = splat(E1);
        DoubleVector e0 = splat(E0);
        DoubleVector one = splat(1.0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector x = DoubleVector.fromArray(D, in, i);
            DoubleVector kd = x.mul(INV_LN2).add(shift);
            DoubleVector s = kd.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ONE_BITS)
                    .reinterpretAsDoubles();
            DoubleVector k = kd.sub(shift);
            DoubleVector r = k.fma(minusHi, x);
            r = k.fma(minusLo, r);
            DoubleVector p = e8.fma(r, e7);
            p = p.fma(r, e6);
            p = p.fma(r, e5);
            p = p.fma(r, e4);
            p = p.fma(r, e3);
            p = p.fma(r, e2);
            p = p.fma(r, e1);
            p = p.fma(r, e0);
            DoubleVector q = p.fma(r.mul(r), r);
            s.fma(q, s).intoArray(exp, i);
            s.fma(q, s.sub(one)).intoArray(expm1, i);
        }
    }

    /** e^x for |x| <= 708 or NaN (the result is then a normal double). */
    static double exp(double x) {
        double s = expScale(x);
        return Math.fma(s, expQ(x), s);
    }

    /** e^x - 1 for |x| <= 708 or NaN, without cancellation near 0. */
    static double expm1(double x) {
        double s = expScale(x);
        return Math.fma(s, expQ(x), s - 1.0);
    }

    // ---- log(1+e) for e in [0, 1] (softplus): above sqrt2 - 1, log(1+e) = ln2 + log(1+m) with
    // m = (e-1)/2, so |m| <= 0.293 on both branches; log(1+m) = 2 atanh(s), s = m/(2+m), |s| <= 0.172,
    // by its series to s^15: the first term left out, s^17 * 2/17, is at most 2^-44.7 of 2 atanh(s)
    // (at |s| = 0.172), and the result is within 2^-44 relative (LanesAccuracyTest).
    private static final double SQRT2_M1 = 0x1.a827999fcef32p-2;
    static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double L3 = 2.0 / 3;
    private static final double L5 = 2.0 / 5;
    private static final double L7 = 2.0 / 7;
    private static final double L9 = 2.0 / 9;
    private static final double L11 = 2.0 / 11;
    private static final double L13 = 2.0 / 13;
    private static final double L15 = 2.0 / 15;

    /** out[i] = log(1+e[i]) for 0 <= e[i] <= 1 or NaN, i in [0, m): {@link #log1pUnit(double)} lane by lane. */
    static void log1pUnitPass(double[] in, double[] out, int m) {
        // Constants broadcast once per call: inlined into a trial's deep call chain (Dense.forward ->
        // Softplus.forward -> here), C2 hit MaxInlineLevel before the broadcast intrinsic and called
        // DoubleSpecies.broadcastBits, allocating a vector, for each constant of each element.
        DoubleVector l15 = splat(L15);
        DoubleVector l13 = splat(L13);
        DoubleVector l11 = splat(L11);
        DoubleVector l9 = splat(L9);
        DoubleVector l7 = splat(L7);
        DoubleVector l5 = splat(L5);
        DoubleVector l3 = splat(L3);
        DoubleVector zero = splat(0.0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector e = DoubleVector.fromArray(D, in, i);
            VectorMask<Double> big = e.compare(VectorOperators.GT, SQRT2_M1);
            DoubleVector mm = e.blend(e.sub(1.0).mul(0.5), big);
            DoubleVector base = zero.blend(LN2, big);
            DoubleVector s = mm.div(mm.add(2.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector p = l15.fma(s2, l13);
            p = p.fma(s2, l11);
            p = p.fma(s2, l9);
            p = p.fma(s2, l7);
            p = p.fma(s2, l5);
            p = p.fma(s2, l3);
            base.add(s.mul(s2).fma(p, s.add(s))).intoArray(out, i);
        }
    }

    /** log(1+e) for 0 <= e <= 1 or NaN. */
    static double log1pUnit(double e) {
        boolean big = e > SQRT2_M1;
        double m = big ? (e - 1.0) * 0.5 : e;
        double base = big ? LN2 : 0.0;
        double s = m / (m + 2.0);
        double s2 = s * s;
        double p = Math.fma(L15, s2, L13);
        p = Math.fma(p, s2, L11);
        p = Math.fma(p, s2, L9);
        p = Math.fma(p, s2, L7);
        p = Math.fma(p, s2, L5);
        p = Math.fma(p, s2, L3);
        return base + Math.fma(s * s2, p, s + s);
    }

    // ---- Phi(-a), the standard normal's lower tail, for 0 <= a <= 15 (gelu): with tau = 3/(3+a),
    // Phi(-a) = tau * Q(tau) * e^(-a^2/2), Q smooth on tau in [1/6, 1] (the form of Numerical
    // Recipes' erfc, with the correction's exponential folded into Q). Q is a degree-16 Chebyshev
    // fit (mpmath.chebyfit, 40 digits; bench/fit_kernels.py) in u = (tau - 7/12) / (5/12) in
    // [-1, 1]; with its coefficients rounded to double, within 2.6e-13 relative, and Phi(-a) within
    // 3.0e-13 as computed (LanesAccuracyTest). Keeping e^(-a^2/2) outside Q lets gelu's derivative
    // reuse it for the density phi(a): one exp per element for f and f' instead of two.
    private static final double PHI_C = 3.0;
    private static final double PHI_U_SCALE = 0x1.3333333333333p+1;
    private static final double PHI_U_OFF = -0x1.6666666666667p+0;
    private static final double Q0 = 0x1.1816a3fd3ba89p-2;
    private static final double Q1 = 0x1.4f7cb2d989465p-3;
    private static final double Q2 = 0x1.dd1a4ec6849fap-5;
    private static final double Q3 = 0x1.e65d78f47b4f1p-8;
    private static final double Q4 = -0x1.4a9fe64edc381p-9;
    private static final double Q5 = -0x1.7c3ba39c0bf41p-11;
    private static final double Q6 = 0x1.d486aa1576b9bp-13;
    private static final double Q7 = 0x1.cffa9029feb12p-15;
    private static final double Q8 = -0x1.f6ee88a27ae96p-16;
    private static final double Q9 = -0x1.7148f86fc6e89p-20;
    private static final double Q10 = 0x1.03bae9349b94dp-18;
    private static final double Q11 = -0x1.8c9677df36d89p-21;
    private static final double Q12 = -0x1.551cf01b1017dp-22;
    private static final double Q13 = 0x1.93c986ca0d55fp-23;
    private static final double Q14 = -0x1.3c054b13d51e8p-27;
    private static final double Q15 = -0x1.53bbb607c9133p-26;
    private static final double Q16 = 0x1.5e32096304462p-28;

    /**
     * tailFactor[i] = Phi(-a) / e^(-a^2/2) = tau * Q(u) for a = min(|x[i]|, 15), lane by lane
     * {@link #phiTailFactor(double)}: the caller multiplies by its exp pass over a * (a * -0.5).
     */
    static void phiTailFactorPass(double[] x, double[] tailFactor, int m) {
        // Broadcast once per call, not per element: see log1pUnitPass.
        DoubleVector phiC = splat(PHI_C);
        DoubleVector uScale = splat(PHI_U_SCALE);
        DoubleVector uOff = splat(PHI_U_OFF);
        DoubleVector q16 = splat(Q16);
        DoubleVector q15 = splat(Q15);
        DoubleVector q14 = splat(Q14);
        DoubleVector q13 = splat(Q13);
        DoubleVector q12 = splat(Q12);
        DoubleVector q11 = splat(Q11);
        DoubleVector q10 = splat(Q10);
        DoubleVector q9 = splat(Q9);
        DoubleVector q8 = splat(Q8);
        DoubleVector q7 = splat(Q7);
        DoubleVector q6 = splat(Q6);
        DoubleVector q5 = splat(Q5);
        DoubleVector q4 = splat(Q4);
        DoubleVector q3 = splat(Q3);
        DoubleVector q2 = splat(Q2);
        DoubleVector q1 = splat(Q1);
        DoubleVector q0 = splat(Q0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector a = atMost(DoubleVector.fromArray(D, x, i).abs(), 15.0);
            DoubleVector t = phiC.div(a.add(PHI_C));
            DoubleVector u = t.fma(uScale, uOff);
            DoubleVector p = q16.fma(u, q15);
            p = p.fma(u, q14);
            p = p.fma(u, q13);
            p = p.fma(u, q12);
            p = p.fma(u, q11);
            p = p.fma(u, q10);
            p = p.fma(u, q9);
            p = p.fma(u, q8);
            p = p.fma(u, q7);
            p = p.fma(u, q6);
            p = p.fma(u, q5);
            p = p.fma(u, q4);
            p = p.fma(u, q3);
            p = p.fma(u, q2);
            p = p.fma(u, q1);
            p = p.fma(u, q0);
            t.mul(p).intoArray(tailFactor, i);
        }
    }

    /** Phi(-a) / e^(-a^2/2) for 0 <= a <= 15 or NaN: Phi(-a) is this times exp(a * (a * -0.5)). */
    static double phiTailFactor(double a) {
        double tau = PHI_C / (a + PHI_C);
        double u = Math.fma(tau, PHI_U_SCALE, PHI_U_OFF);
        double p = Math.fma(Q16, u, Q15);
        p = Math.fma(p, u, Q14);
        p = Math.fma(p, u, Q13);
        p = Math.fma(p, u, Q12);
        p = Math.fma(p, u, Q11);
        p = Math.fma(p, u, Q10);
        p = Math.fma(p, u, Q9);
        p = Math.fma(p, u, Q8);
        p = Math.fma(p, u, Q7);
        p = Math.fma(p, u, Q6);
        p = Math.fma(p, u, Q5);
        p = Math.fma(p, u, Q4);
        p = Math.fma(p, u, Q3);
        p = Math.fma(p, u, Q2);
        p = Math.fma(p, u, Q1);
        p = Math.fma(p, u, Q0);
        return tau * p;
    }

    /** Per-thread double buffers for the passes; they grow to the largest n seen and are then reused. */
    static final class Scratch {
        double[] x = new double[0]; // the widened input
        double[] r = new double[0]; // the result before narrowing
        double[] a = new double[0];
        double[] b = new double[0];
        double[] c = new double[0];
        double[] d = new double[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** This thread's scratch, each buffer holding at least n doubles. */
    static Scratch scratch(int n) {
        Scratch s = SCRATCH.get();
        if (s.a.length < n) {
            s.x = new double[n];
            s.r = new double[n];
            s.a = new double[n];
            s.b = new double[n];
            s.c = new double[n];
            s.d = new double[n];
        }
        return s;
    }

    /** The largest multiple of {@link #STEP} not above n: the part the vector passes cover. */
    static int vectorPart(int n) {
        return n & -STEP;
    }

    private static final long SIGN = 0x8000000000000000L;

    /** |m| with the sign of s, bit for bit {@link Math#copySign(double, double)}. */
    static DoubleVector copySign(DoubleVector m, DoubleVector s) {
        LongVector bits = m.reinterpretAsLongs().and(~SIGN).or(s.reinterpretAsLongs().and(SIGN));
        return bits.reinterpretAsDoubles();
    }
}
