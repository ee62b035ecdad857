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
    // |r| <= ln2/2; e^r - 1 by its Taylor series to r^12 (remainder below 2^-56 relative).
    // 2^k is built in the exponent field: adding 1.5*2^52 leaves k in the low bits of kd, and
    // (bits(kd) << 52) + bits(1.0) is 2^k for any |k| <= 1022 (two's complement wraps correctly).
    private static final double SHIFT = 0x1.8p52;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double LN2_HI = 0x1.62e42fefa3800p-1; // 43 bits: k * LN2_HI is exact
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final long ONE_BITS = 0x3ff0000000000000L;
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;

    private static double expScale(double x) {
        double kd = x * INV_LN2 + SHIFT;
        return Double.longBitsToDouble((Double.doubleToRawLongBits(kd) << 52) + ONE_BITS);
    }

    private static double expQ(double x) {
        double k = (x * INV_LN2 + SHIFT) - SHIFT;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = Math.fma(C12, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
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
        DoubleVector c12 = splat(C12);
        DoubleVector c11 = splat(C11);
        DoubleVector c10 = splat(C10);
        DoubleVector c9 = splat(C9);
        DoubleVector c8 = splat(C8);
        DoubleVector c7 = splat(C7);
        DoubleVector c6 = splat(C6);
        DoubleVector c5 = splat(C5);
        DoubleVector c4 = splat(C4);
        DoubleVector c3 = splat(C3);
        DoubleVector c2 = splat(C2);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector x = DoubleVector.fromArray(D, in, i);
            DoubleVector kd = x.mul(INV_LN2).add(shift);
            DoubleVector s = kd.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ONE_BITS)
                    .reinterpretAsDoubles();
            DoubleVector k = kd.sub(shift);
            DoubleVector r = k.fma(minusHi, x);
            r = k.fma(minusLo, r);
            DoubleVector p = c12.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
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
        DoubleVector c12 = splat(C12);
        DoubleVector c11 = splat(C11);
        DoubleVector c10 = splat(C10);
        DoubleVector c9 = splat(C9);
        DoubleVector c8 = splat(C8);
        DoubleVector c7 = splat(C7);
        DoubleVector c6 = splat(C6);
        DoubleVector c5 = splat(C5);
        DoubleVector c4 = splat(C4);
        DoubleVector c3 = splat(C3);
        DoubleVector c2 = splat(C2);
        DoubleVector one = splat(1.0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector x = DoubleVector.fromArray(D, in, i);
            DoubleVector kd = x.mul(INV_LN2).add(shift);
            DoubleVector s = kd.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).add(ONE_BITS)
                    .reinterpretAsDoubles();
            DoubleVector k = kd.sub(shift);
            DoubleVector r = k.fma(minusHi, x);
            r = k.fma(minusLo, r);
            DoubleVector p = c12.fma(r, c11);
            p = p.fma(r, c10);
            p = p.fma(r, c9);
            p = p.fma(r, c8);
            p = p.fma(r, c7);
            p = p.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
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
    // by its series to s^15 (remainder below 2^-52 relative).
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
    // Phi(-a) = tau * e^(-a^2/2 + P(tau)), P smooth on tau in [1/6, 1] (the form of Numerical
    // Recipes' erfc). P is a degree-16 Chebyshev fit (numpy, to mpmath's erfc at 40 digits, on 600
    // Chebyshev nodes) in u = (tau - 7/12) / (5/12) in [-1, 1], converted to monomials; relative
    // error of the result below 6e-13 (checked against the double reference in the tests).
    private static final double PHI_C = 3.0;
    private static final double PHI_U_SCALE = 0x1.3333333333333p+1;
    private static final double PHI_U_OFF = -0x1.6666666666667p+0;
    private static final double P0 = -0x1.4bdeab0a45be3p+0;
    private static final double P1 = 0x1.32a25bdc60572p-1;
    private static final double P2 = 0x1.1326087e2bcf0p-5;
    private static final double P3 = -0x1.d79adfba51decp-6;
    private static final double P4 = -0x1.01a104058f472p-8;
    private static final double P5 = 0x1.de578743280f7p-9;
    private static final double P6 = 0x1.46ff07cba254fp-12;
    private static final double P7 = -0x1.3fec8aa72375ap-11;
    private static final double P8 = 0x1.f2416247aae5dp-16;
    private static final double P9 = 0x1.ad75544cbb8a9p-14;
    private static final double P10 = -0x1.8e4b743404c65p-16;
    private static final double P11 = -0x1.dd7726619ec90p-17;
    private static final double P12 = 0x1.e3ece2458e18cp-18;
    private static final double P13 = 0x1.4d2d357cab713p-20;
    private static final double P14 = -0x1.7b19e41412bcap-20;
    private static final double P15 = -0x1.8e6e50760339dp-26;
    private static final double P16 = 0x1.3bfd2302b7986p-23;

    /**
     * The first half of {@link #phiLower(double)} lane by lane for a = min(|x[i]|, 15): tau[i] and
     * the exponent arg[i], so that Phi(-a) = tau * e^arg (the caller's exp pass and product).
     */
    static void phiLowerPass(double[] x, double[] tau, double[] arg, int m) {
        // Broadcast once per call, not per element: see log1pUnitPass.
        DoubleVector phiC = splat(PHI_C);
        DoubleVector uScale = splat(PHI_U_SCALE);
        DoubleVector uOff = splat(PHI_U_OFF);
        DoubleVector p16 = splat(P16);
        DoubleVector p15 = splat(P15);
        DoubleVector p14 = splat(P14);
        DoubleVector p13 = splat(P13);
        DoubleVector p12 = splat(P12);
        DoubleVector p11 = splat(P11);
        DoubleVector p10 = splat(P10);
        DoubleVector p9 = splat(P9);
        DoubleVector p8 = splat(P8);
        DoubleVector p7 = splat(P7);
        DoubleVector p6 = splat(P6);
        DoubleVector p5 = splat(P5);
        DoubleVector p4 = splat(P4);
        DoubleVector p3 = splat(P3);
        DoubleVector p2 = splat(P2);
        DoubleVector p1 = splat(P1);
        DoubleVector p0 = splat(P0);
        for (int i = 0; i < m; i += STEP) {
            DoubleVector a = atMost(DoubleVector.fromArray(D, x, i).abs(), 15.0);
            DoubleVector t = phiC.div(a.add(PHI_C));
            DoubleVector u = t.fma(uScale, uOff);
            DoubleVector p = p16.fma(u, p15);
            p = p.fma(u, p14);
            p = p.fma(u, p13);
            p = p.fma(u, p12);
            p = p.fma(u, p11);
            p = p.fma(u, p10);
            p = p.fma(u, p9);
            p = p.fma(u, p8);
            p = p.fma(u, p7);
            p = p.fma(u, p6);
            p = p.fma(u, p5);
            p = p.fma(u, p4);
            p = p.fma(u, p3);
            p = p.fma(u, p2);
            p = p.fma(u, p1);
            p = p.fma(u, p0);
            t.intoArray(tau, i);
            a.fma(a.mul(-0.5), p).intoArray(arg, i);
        }
    }

    /** Phi(-a) for 0 <= a <= 15 or NaN. */
    static double phiLower(double a) {
        double tau = PHI_C / (a + PHI_C);
        double u = Math.fma(tau, PHI_U_SCALE, PHI_U_OFF);
        double p = Math.fma(P16, u, P15);
        p = Math.fma(p, u, P14);
        p = Math.fma(p, u, P13);
        p = Math.fma(p, u, P12);
        p = Math.fma(p, u, P11);
        p = Math.fma(p, u, P10);
        p = Math.fma(p, u, P9);
        p = Math.fma(p, u, P8);
        p = Math.fma(p, u, P7);
        p = Math.fma(p, u, P6);
        p = Math.fma(p, u, P5);
        p = Math.fma(p, u, P4);
        p = Math.fma(p, u, P3);
        p = Math.fma(p, u, P2);
        p = Math.fma(p, u, P1);
        p = Math.fma(p, u, P0);
        return tau * exp(Math.fma(a, a * -0.5, p));
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
