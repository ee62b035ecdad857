package io.gradsweep.core.activation;

/**
 * Double-precision kernels behind {@link FloatMath} and the activations.
 *
 * <p>Why double inside float functions: every float result is one rounding of a double that is
 * accurate to about 2^-40, so results are within ~0.5 ulp and fused formulas (mish, gelu, ...)
 * keep their accuracy without hi/lo tricks. Determinism: only IEEE +, -, *, / on double, bit
 * moves and integer ops (all exact by the JLS since Java 17); no Math.fma, which is a slow
 * BigDecimal fallback on CPUs without FMA. The tables are built once with StrictMath, whose
 * results are specified to the bit (fdlibm), so they are the same on every JVM.
 *
 * <p>Domains are the callers' job (noted per method); outside them the results are garbage, but
 * a NaN argument gives NaN (log excepted) and never an exception. Clamps are written as
 * {@code a > c ? c : a}, not Math.min/max: that keeps NaN too, and JDK 17's double min/max
 * intrinsic costs ~8 ns a call on x86, more than the whole exp.
 */
final class Kernels {
    private Kernels() {
    }

    static final double LN2 = 0x1.62e42fefa39efp-1;
    static final double INV_SQRT2 = 0x1.6a09e667f3bcdp-1;
    static final double TWO_OVER_SQRT_PI = 0x1.20dd750429b6dp0;
    static final double INV_SQRT_2PI = 0x1.9884533d43651p-2;

    /**
     * (double) f, bit for bit, but without the cvtss2sd instruction. C2 in JDK 17 encodes it as
     * vcvtss2sd dst,dst,src, which waits for dst's previous value (JDK-8323116, fixed in later JDKs);
     * in a loop that dst often holds the previous element's result, so every element waits for the
     * one before and the loop runs 3-4x slower. Moving bits through a long has no such input.
     */
    static double widen(float f) {
        int bits = Float.floatToRawIntBits(f);
        int abs = bits & 0x7fffffff;
        if ((abs - 0x00800000) >>> 24 >= 0x7f) {
            return f; // zero, subnormal, infinity or NaN: rare, so the plain conversion will do
        }
        // A normal float: exponent rebiased by 1023 - 127 = 896, fraction moved up by 52 - 23 bits.
        return Double.longBitsToDouble(((long) (bits & 0x80000000) << 32 | (long) abs << 29) + (896L << 52));
    }

    // ---- exp: e^x = 2^(k/64) * e^(r*ln2/64), k = round(x*64/ln2), |r| <= 1/2 (glibc's scheme).
    // The argument reduction is done in double, so it needs no hi/lo split of ln2 for a float answer.
    private static final double SHIFT = 0x1.8p52; // adding it rounds to an integer, kept in the low bits
    private static final double INV_LN2_64 = 0x1.71547652b82fep0 * 64;
    private static final long[] EXP2_TABLE = new long[64]; // bits of 2^(j/64)
    // Taylor coefficients of e^(r*ln2/64): (ln2/64)^n / n!; |r*ln2/64| <= 0.0055, so degree 5 is
    // exact to 2^-54.
    private static final double E1;
    private static final double E2;
    private static final double E3;
    private static final double E4;
    private static final double E5;

    static {
        for (int j = 0; j < 64; j++) {
            EXP2_TABLE[j] = Double.doubleToRawLongBits(StrictMath.pow(2.0, j / 64.0));
        }
        double c = LN2 / 64;
        E1 = c;
        E2 = E1 * c / 2;
        E3 = E2 * c / 3;
        E4 = E3 * c / 4;
        E5 = E4 * c / 5;
    }

    /** e^x - off for |x| <= 700; off = 0 gives exp, off = 1 expm1 without cancellation near 0. */
    private static double expMinus(double x, double off) {
        double z = x * INV_LN2_64;
        double kd = z + SHIFT;
        int k = (int) Double.doubleToRawLongBits(kd); // the low 32 bits hold round(z)
        kd -= SHIFT;
        double r = z - kd; // exact: kd is the integer nearest z
        double s = Double.longBitsToDouble(EXP2_TABLE[k & 63] + ((long) (k >> 6) << 52));
        double q = r * (E1 + r * (E2 + r * (E3 + r * (E4 + r * E5))));
        // For |x| < ln2/128, k = 0 and s = 1 exactly, so s - 1 = 0 and expm1 = q to full precision.
        return (s - off) + s * q;
    }

    /** e^x for |x| <= 700 (result always a normal double). */
    static double exp(double x) {
        return expMinus(x, 0.0);
    }

    /** e^x - 1 for |x| <= 700, accurate relative to the result also near 0. */
    static double expm1(double x) {
        return expMinus(x, 1.0);
    }

    // ---- log: u = 2^k * z, z in [0.699, 1.398); z = c * (1 + r) with c the centre of one of 64
    // sub-intervals, so log u = k*ln2 - log(1/c) + log1p(r), |r| <= 2^-7. The sub-interval holding
    // 1 uses c = 1 exactly, so log(1) = 0 and log near 1 has no cancellation.
    private static final long LOG_OFF = 0x3fe6600000000000L; // 0.69921875
    private static final double[] LOG_INVC = new double[64];
    private static final double[] LOG_LOGC = new double[64];

    static {
        for (int i = 0; i < 64; i++) {
            double lo = Double.longBitsToDouble(LOG_OFF + ((long) i << 46));
            double hi = Double.longBitsToDouble(LOG_OFF + ((long) (i + 1) << 46));
            double invc = lo <= 1.0 && 1.0 < hi ? 1.0 : 2.0 / (lo + hi);
            LOG_INVC[i] = invc;
            LOG_LOGC[i] = -StrictMath.log(invc);
        }
    }

    /** log(1+r) by Taylor series to r^7: relative error below 2^-50 for |r| <= 2^-7. */
    private static double log1pPoly(double r) {
        double p = -1.0 / 2 + r * (1.0 / 3 + r * (-1.0 / 4 + r * (1.0 / 5 + r * (-1.0 / 6 + r * (1.0 / 7)))));
        return r + r * r * p;
    }

    /** log(u) for a positive, normal, finite u (every nonzero finite float is a normal double). */
    static double log(double u) {
        long bits = Double.doubleToRawLongBits(u);
        long tmp = bits - LOG_OFF;
        int i = (int) (tmp >>> 46) & 63;
        int k = (int) (tmp >> 52);
        double z = Double.longBitsToDouble(bits - (tmp & 0xfff0000000000000L));
        double r = z * LOG_INVC[i] - 1.0;
        return k * LN2 + LOG_LOGC[i] + log1pPoly(r);
    }

    /** log(1+v) for v > -1 (NaN gives NaN). */
    static double log1p(double v) {
        // Below 2^-9 the series on v itself beats rounding 1+v; above it 1+v loses < 2^-44.
        // Written so that NaN takes the series (log's bit tricks would turn NaN into a number).
        return Math.abs(v) >= 0x1p-9 ? log(1.0 + v) : log1pPoly(v);
    }

    /** min(|x|, cap) keeping NaN. */
    private static double absAtMost(double x, double cap) {
        double a = Math.abs(x);
        return a > cap ? cap : a;
    }

    /** log(1+e^x), any x including infinities; NaN gives NaN. */
    static double softplus(double x) {
        double e = exp(-absAtMost(x, 700.0));
        return (x > 0 ? x : 0.0) + log1p(e); // NaN: e and log1p(e) are NaN
    }

    /** 1/(1+e^-x), any x. */
    static double sigmoid(double x) {
        double m = -x;
        return 1.0 / (1.0 + exp(m > 700.0 ? 700.0 : m < -700.0 ? -700.0 : m));
    }

    /** sigmoid'(x) = e/(1+e)^2 with e = e^-|x|, any x. */
    static double sigmoidDerivative(double x) {
        double e = exp(-absAtMost(x, 700.0));
        double d = 1.0 + e;
        return e / (d * d);
    }

    /** tanh(x), any x: -expm1(-2|x|)/(2+expm1(-2|x|)), no cancellation anywhere. */
    static double tanh(double x) {
        double m = expm1(-2.0 * absAtMost(x, 20.0)); // tanh(20) is 1 in double
        return Math.copySign(-m / (2.0 + m), x);
    }

    /** tanh'(x) = 4e/(1+e)^2 with e = e^-2|x|, any x. */
    static double tanhDerivative(double x) {
        double e = exp(-2.0 * absAtMost(x, 350.0));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }

    // ---- erf on [0, 2): Taylor series of degree 7 around the nearest j/16 (|h| <= 1/32), with
    // coefficients erf^(n)(x0)/n! = 2/sqrt(pi) (-1)^(n-1) H_(n-1)(x0) e^(-x0^2) / n! (Hermite H):
    // relative error below 2^-43.
    // erfc on [2, 10.5): e^(-t^2) * erfcx(t), erfcx = e^(t^2) erfc(t) being smooth and slowly
    // varying, again by degree-7 Taylor series around 2 + j/16 (error below 2^-46).
    private static final int DEG = 7;
    private static final int STRIDE = DEG + 1;
    private static final double[] ERF_TAYLOR = new double[33 * STRIDE];
    private static final double[] ERFCX_TAYLOR = new double[137 * STRIDE];
    private static final double ERFC_END = 10.5; // erfc(10.5) < 1e-49: zero in any float result

    static {
        for (int j = 0; j <= 32; j++) {
            double x0 = j / 16.0;
            double g = StrictMath.exp(-x0 * x0);
            ERF_TAYLOR[j * STRIDE] = erfBySeries(x0, g);
            double hPrev = 0;
            double h = 1; // H_0
            double fact = 1;
            for (int n = 1; n <= DEG; n++) {
                fact *= n;
                double sign = (n & 1) == 1 ? 1 : -1;
                ERF_TAYLOR[j * STRIDE + n] = TWO_OVER_SQRT_PI * sign * h * g / fact;
                double next = 2 * x0 * h - 2 * (n - 1) * hPrev; // H_n from H_(n-1), H_(n-2)
                hPrev = h;
                h = next;
            }
        }
        for (int j = 0; j <= 136; j++) {
            double x0 = 2 + j / 16.0;
            // Taylor coefficients a_n of erfcx at x0, from erfcx' = 2x erfcx - 2/sqrt(pi).
            double a0 = erfcxByContinuedFraction(x0);
            double a1 = 2 * x0 * a0 - TWO_OVER_SQRT_PI;
            ERFCX_TAYLOR[j * STRIDE] = a0;
            ERFCX_TAYLOR[j * STRIDE + 1] = a1;
            for (int n = 1; n < DEG; n++) {
                double a2 = (2 * x0 * a1 + 2 * a0) / (n + 1);
                ERFCX_TAYLOR[j * STRIDE + n + 1] = a2;
                a0 = a1;
                a1 = a2;
            }
        }
    }

    /** erf(x) = 2/sqrt(pi) e^(-x^2) sum (2x^2)^n x / (2n+1)!!: all terms positive, so no cancellation. */
    private static double erfBySeries(double x, double expMinusX2) {
        double term = x;
        double sum = x;
        for (int n = 1; term > 1e-18 * sum; n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * expMinusX2 * sum;
    }

    /** erfcx(x) for x >= 2 by the continued fraction of erfc, evaluated from the tail (converged by 200 terms). */
    private static double erfcxByContinuedFraction(double x) {
        double f = 0;
        for (int k = 400; k >= 1; k--) {
            f = (k / 2.0) / (x + f);
        }
        return 1.0 / ((x + f) * StrictMath.sqrt(Math.PI));
    }

    private static double taylor(double[] table, int j, double h) {
        int b = j * STRIDE;
        return table[b] + h * (table[b + 1] + h * (table[b + 2] + h * (table[b + 3]
                + h * (table[b + 4] + h * (table[b + 5] + h * (table[b + 6] + h * table[b + 7]))))));
    }

    /** erf(t) for 0 <= t < 2. */
    private static double erfSmall(double t) {
        int j = (int) (t * 16 + 0.5);
        return taylor(ERF_TAYLOR, j, t - j * 0.0625);
    }

    /** erf(t) for t >= 0 (or NaN). */
    static double erf(double t) {
        return t < 2 ? erfSmall(t) : 1.0 - erfc(t);
    }

    /** erfc(t) for t >= 0 (or NaN), relative error below 2^-34 (2^-43 away from t near 2). */
    static double erfc(double t) {
        if (t < 2) {
            return 1.0 - erfSmall(t);
        }
        if (t < ERFC_END) {
            int j = (int) ((t - 2) * 16 + 0.5);
            return exp(-t * t) * taylor(ERFCX_TAYLOR, j, t - (2 + j * 0.0625));
        }
        return t == t ? 0.0 : t;
    }
}
