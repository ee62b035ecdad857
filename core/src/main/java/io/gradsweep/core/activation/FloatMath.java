package io.gradsweep.core.activation;

/**
 * Deterministic float transcendentals: bitwise identical on every JVM, CPU, interpreter and JIT.
 *
 * <p>Math.exp/log/tanh may be CPU-specific intrinsics whose last bit differs between machines
 * and between the interpreter and compiled code; StrictMath is portable but slow. These use only
 * IEEE arithmetic (see {@link Kernels}): each result is a double accurate to about 2^-34 or better,
 * rounded once to float, so the error is at most about 0.5 ulp (measured in FloatMathTest).
 * Float arguments reach double through {@link Kernels#widen}, not a cast (see there why).
 * Special values follow the C99/Java conventions: NaN in gives NaN out, overflow gives infinity,
 * underflow gives (signed) zero or a correctly rounded subnormal.
 */
public final class FloatMath {
    private FloatMath() {
    }

    /** e^x; overflows to +Inf above ~88.72, underflows to 0 below ~-103.97. */
    public static float exp(float x) {
        return (float) Kernels.exp(clampExpArgument(x));
    }

    /** e^x - 1, accurate also near 0. */
    public static float expm1(float x) {
        return (float) Kernels.expm1(clampExpArgument(x));
    }

    /** Keeps the kernel in its domain (NaN passes); the final cast does the overflow and underflow. */
    private static double clampExpArgument(float x) {
        return x > 90f ? 90.0 : x < -110f ? -110.0 : Kernels.widen(x);
    }

    /** Natural log; log(0) = -Inf, log(x < 0) = NaN, log(+Inf) = +Inf. */
    public static float log(float x) {
        if (x > 0 && x < Float.POSITIVE_INFINITY) {
            return (float) Kernels.log(Kernels.widen(x)); // subnormal floats are normal doubles
        }
        return x == 0 ? Float.NEGATIVE_INFINITY : x < 0 ? Float.NaN : x;
    }

    /** log(1+x), accurate also near 0; log1p(-1) = -Inf, NaN below -1. */
    public static float log1p(float x) {
        if (x > -1 && x < Float.POSITIVE_INFINITY) {
            return (float) Kernels.log1p(Kernels.widen(x));
        }
        return x == -1 ? Float.NEGATIVE_INFINITY : x < -1 ? Float.NaN : x;
    }

    /** log(1+e^x) without overflow: x + log1p(e^-x) for large x, ~e^x for very negative x. */
    public static float softplus(float x) {
        return (float) Kernels.softplus(Kernels.widen(x));
    }

    /** Hyperbolic tangent; odd, so tanh(-0) = -0. */
    public static float tanh(float x) {
        return (float) Kernels.tanh(Kernels.widen(x));
    }

    /** 1/(1+e^-x); 0 at -Inf, 1 at +Inf. */
    public static float sigmoid(float x) {
        return (float) Kernels.sigmoid(Kernels.widen(x));
    }

    /** The error function; odd, ±1 beyond |x| ~ 3.92. */
    public static float erf(float x) {
        return Math.copySign((float) Kernels.erf(Kernels.widen(Math.abs(x))), x);
    }

    /** 1 - erf(x) without cancellation for large x; in (0, 2], underflows to 0 above ~10.05. */
    public static float erfc(float x) {
        double c = Kernels.erfc(Kernels.widen(Math.abs(x)));
        return (float) (x < 0 ? 2.0 - c : c);
    }
}
