package io.gradsweep.core.activation;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** leaky_relu(z) = z if z > 0 else alpha*z; the derivative at 0 is alpha, as in PyTorch. */
final class LeakyRelu extends Activation {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private final float alpha;

    LeakyRelu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String canonical() {
        return "leaky_relu(alpha=" + alpha + ")";
    }

    @Override
    public float value(float z) {
        return f(z, alpha);
    }

    @Override
    public float derivative(float z, float y) {
        return df(z, alpha);
    }

    @Override
    public void forward(float[] z, float[] y, int n) {
        float a = alpha;
        int i = 0;
        for (; i < S.loopBound(n); i += S.length()) {
            FloatVector zv = FloatVector.fromArray(S, z, i);
            zv.mul(a).blend(zv, zv.compare(VectorOperators.GT, 0f)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = f(z[i], a);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        float a = alpha;
        int i = 0;
        FloatVector slope = FloatVector.broadcast(S, a);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < S.loopBound(n); i += S.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(S, grad, i).mul(slope.blend(one, positive)).intoArray(grad, i);
        }
        for (; i < n; i++) {
            grad[i] *= df(z[i], a);
        }
    }

    private static float f(float z, float alpha) {
        return z > 0 ? z : alpha * z;
    }

    private static float df(float z, float alpha) {
        return z > 0 ? 1f : alpha;
    }
}
