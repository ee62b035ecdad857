package io.gradsweep.core.activation;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** relu(z) = max(z, 0); relu'(0) = 0 as in PyTorch. NaN propagates; relu(-0) = +0. */
final class Relu extends Activation {
    static final Relu INSTANCE = new Relu();
    // Vector loops: the scalar z > 0 branch is taken at random and mispredicts half the time.
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    private Relu() {
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String canonical() {
        return "relu";
    }

    @Override
    public float value(float z) {
        return f(z);
    }

    @Override
    public float derivative(float z, float y) {
        return df(z);
    }

    @Override
    public void forward(float[] z, float[] y, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i < S.loopBound(n); i += S.length()) {
            FloatVector.fromArray(S, z, i).max(zero).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = f(z[i]);
        }
    }

    @Override
    public void backward(float[] z, float[] y, float[] grad, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < S.loopBound(n); i += S.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(S, grad, i).mul(zero.blend(one, positive)).intoArray(grad, i);
        }
        for (; i < n; i++) {
            grad[i] *= df(z[i]);
        }
    }

    private static float f(float z) {
        return Math.max(z, 0f); // unlike z > 0 ? z : 0, keeps a NaN visible
    }

    private static float df(float z) {
        return z > 0 ? 1f : 0f;
    }
}
