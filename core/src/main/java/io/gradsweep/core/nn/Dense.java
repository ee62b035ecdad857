package io.gradsweep.core.nn;

import io.gradsweep.core.activation.Activation;
import io.gradsweep.core.kernel.Gemm;
import java.util.Arrays;

/**
 * One fully connected layer y = f(x W + b) that owns its weights, their gradients and the scratch
 * buffers of a forward and backward pass for up to {@code capacity} rows, so that a training step
 * allocates nothing. W is [in x out], row-major; {@link Gemm} reads it as B, and as B^T for the
 * backward product.
 */
public final class Dense {
    private final int in;
    private final int out;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;
    private final float[] weightGrad;
    private final float[] biasGrad;
    private final float[] z;
    private final float[] y;
    private final float[] dz;
    /** f'(z) of the last training forward pass, [rows x out]; null for the output layer. */
    private final float[] fPrime;
    /** Rows of the last forward pass if it kept f'(z), else -1: a backward pass needs that one. */
    private int derivativeRows = -1;

    /** {@code activation} null means an output layer: y is z. */
    Dense(int in, int out, Activation activation, int capacity) {
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.weights = new float[in * out];
        this.bias = new float[out];
        this.weightGrad = new float[in * out];
        this.biasGrad = new float[out];
        this.z = new float[capacity * out];
        this.y = activation == null ? z : new float[capacity * out];
        this.dz = new float[capacity * out];
        this.fPrime = activation == null ? null : new float[capacity * out];
    }

    /**
     * z = x W + b, y = f(z) for the first {@code rows} rows of x [rows x in]; with
     * {@code keepDerivative} also f'(z), which a backward pass through this layer needs (computing
     * it beside f shares their work; a pass that only measures skips it).
     */
    void forward(float[] x, int rows, boolean keepDerivative) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, 0, z, r * out, out);
        }
        Gemm.multiply(x, weights, z, rows, in, out, true);
        derivativeRows = keepDerivative ? rows : -1;
        if (activation == null) {
            return;
        }
        if (keepDerivative) {
            activation.forward(z, y, fPrime, rows * out);
        } else {
            activation.forward(z, y, rows * out);
        }
    }

    /** dW (+)= x^T dz and db (+)= column sums of dz, from this layer's dz. */
    void accumulateGradients(float[] x, int rows, boolean accumulate) {
        Gemm.multiplyTransposedA(x, dz, weightGrad, in, rows, out, accumulate);
        if (!accumulate) {
            Arrays.fill(biasGrad, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int o = r * out;
            for (int j = 0; j < out; j++) {
                biasGrad[j] += dz[o + j];
            }
        }
    }

    /** previous.dz = (dz W^T) * previous.f'(previous.z): the error one layer down. */
    void propagateBack(Dense previous, int rows) {
        Gemm.multiplyTransposedB(dz, weights, previous.dz, rows, out, in, false);
        if (previous.derivativeRows != rows) {
            throw new IllegalStateException("a backward pass of " + rows + " rows needs a forward pass of"
                    + " those rows that kept the derivative (Network.forward, not Network.predict)");
        }
        float[] d = previous.fPrime;
        float[] g = previous.dz;
        for (int i = 0, n = rows * in; i < n; i++) {
            g[i] *= d[i];
        }
    }

    public int inputs() {
        return in;
    }

    public int outputs() {
        return out;
    }

    /** Null for the output layer. */
    public Activation activation() {
        return activation;
    }

    /** [in x out] row-major; live, writable by optimisers. */
    public float[] weights() {
        return weights;
    }

    public float[] bias() {
        return bias;
    }

    public float[] weightGrad() {
        return weightGrad;
    }

    public float[] biasGrad() {
        return biasGrad;
    }

    /** Pre-activations of the last forward pass, [rows x out]. */
    public float[] preActivations() {
        return z;
    }

    /** Outputs of the last forward pass, [rows x out]. */
    public float[] outputsBuffer() {
        return y;
    }

    /** d loss / d z of the last backward pass; the loss writes the output layer's. */
    public float[] deltas() {
        return dz;
    }
}
