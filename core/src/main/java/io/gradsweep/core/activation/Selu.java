package io.gradsweep.core.activation;

import static io.gradsweep.core.activation.Lanes.atLeast;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

/** selu(z) = lambda*(z if z > 0 else alpha*(e^z - 1)) with Klambauer et al.'s constants; selu'(0) = lambda*alpha. */
final class Selu extends Activation {
    static final Selu INSTANCE = new Selu();
    static final double LAMBDA = 1.0507009873554804934193349852946;
    static final double ALPHA = 1.6732632423543772848170429916717;
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    private Selu() {
    }

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String canonical() {
        return "selu";
    }

    @Override
    public float value(float z) {
        return (float) f(Kernels.widen(z));
    }

    @Override
    public float derivative(float z, float y) {
        return (float) df(Kernels.widen(z));
    }

    // The vector part runs as passes over this thread's scratch arrays, each pass a small loop (see
    // Lanes.expPass for why); the tail runs the scalar twins, which perform the same operations.
    @Override
    public void forward(float[] z, float[] y, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            forwardArgument(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 1.0);
            forwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            backwardArgument(s.x, s.a, m);
            Lanes.expPass(s.a, s.b, m, 0.0);
            backwardResult(s.x, s.b, s.r, m);
            Lanes.scalePass(s.r, grad, m);
        }
        for (int i = m; i < n; i++) {
            grad[i] *= derivative(z[i], y[i]);
        }
    }

    /** f and f' from one pass over their shared part, each by the same operations as forward and backward. */
    @Override
    public void forward(float[] z, float[] y, float[] d, int n) {
        int m = Lanes.vectorPart(n);
        if (m > 0) {
            Lanes.Scratch s = Lanes.scratch(m);
            Lanes.widenPass(z, s.x, m);
            forwardArgument(s.x, s.a, m); // the same argument as backwardArgument's
            Lanes.expBothPass(s.a, s.c, s.b, m);
            forwardResult(s.x, s.b, s.r, m);
            Lanes.narrowPass(s.r, y, m);
            backwardResult(s.x, s.c, s.r, m);
            Lanes.narrowPass(s.r, d, m);
        }
        for (int i = m; i < n; i++) {
            y[i] = value(z[i]);
            d[i] = derivative(z[i], y[i]);
        }
    }

    private static void forwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atLeast(x, -200.0).intoArray(arg, i);
        }
    }

    private static void forwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            e.mul(LAMBDA_ALPHA).blend(x.mul(LAMBDA), x.compare(GT, 0.0)).intoArray(out, i);
        }
    }

    private static void backwardArgument(double[] xs, double[] arg, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            atLeast(x, -200.0).intoArray(arg, i);
        }
    }

    private static void backwardResult(double[] xs, double[] es, double[] out, int m) {
        for (int i = 0; i < m; i += Lanes.STEP) {
            DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
            DoubleVector e = DoubleVector.fromArray(Lanes.D, es, i);
            e.mul(LAMBDA_ALPHA).blend(LAMBDA, x.compare(GT, 0.0)).intoArray(out, i);
        }
    }

    // The clamp keeps expm1 in its domain. lambda > 1, so z above MAX_VALUE/lambda rounds to +Inf.
    static double f(double x) {
        return x > 0 ? x * LAMBDA : Lanes.expm1(atLeast(x, -200.0)) * LAMBDA_ALPHA;
    }

    static double df(double x) {
        return x > 0 ? LAMBDA : Lanes.exp(atLeast(x, -200.0)) * LAMBDA_ALPHA;
    }
}
