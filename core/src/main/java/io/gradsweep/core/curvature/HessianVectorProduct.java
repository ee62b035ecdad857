package io.gradsweep.core.curvature;

import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.nn.Parameter;
import java.util.List;

/**
 * Products of the Hessian of the mean loss over a fixed set of rows with a vector, by central
 * differences of the network's own gradient: Hv ~ (g(w + eps v) - g(w - eps v)) / (2 eps), with
 * eps = {@link #RELATIVE_STEP} x max(||w||, 1) for a unit v. Differences and vectors are kept in
 * double; the gradients are the trainer's float ones, so the product needs no second derivative
 * of any activation and cannot drift from the backward pass the training uses. Its accuracy is
 * measured against closed-form and dense Hessians in HessianVectorProductTest. The weights are
 * put back bit for bit after every product; the gradient buffers are overwritten.
 */
public final class HessianVectorProduct {
    /**
     * Step as a fraction of the weight norm. Measured in HessianVectorProductTest against dense
     * Hessians (tanh, softplus, elu, relu): at 1e-4 every error is below 1e-4 relative; at 1e-3 elu
     * is off by 5e-3 (its second derivative jumps at 0) and relu by 380% (one pre-activation
     * crossed its kink, and a gradient jump divided by 2 eps is huge); smaller steps lose digits to
     * float rounding of w + eps v. A product also counts every kink that a pre-activation crosses
     * within eps: for relu-like activations the estimate is the curvature of the loss smoothed
     * over that scale, which is noisier than the kink-free Hessian autodiff would give.
     */
    public static final double RELATIVE_STEP = 1e-4;

    private final Network network;
    private final Loss loss;
    private final Batch batch;
    private final Dataset data;
    private final int rows;
    private final List<Parameter> parameters;
    private final int size;
    private final float[] saved;
    private final double[] plus;
    private final double step;

    /**
     * Products for the mean loss over the first {@code rows} rows of {@code data} (all of them when
     * {@code rows} is 0 or larger than the set), at the network's current weights.
     */
    public HessianVectorProduct(Network network, Loss loss, Batch batch, Dataset data, int rows) {
        this(network, loss, batch, data, rows, RELATIVE_STEP);
    }

    /** The same with another step (as a fraction of the weight norm), for measuring the choice. */
    HessianVectorProduct(Network network, Loss loss, Batch batch, Dataset data, int rows, double relativeStep) {
        this.network = network;
        this.loss = loss;
        this.batch = batch;
        this.data = data;
        this.rows = rows <= 0 ? data.rows() : Math.min(rows, data.rows());
        this.parameters = network.parameters();
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        this.size = n;
        this.saved = new float[n];
        this.plus = new double[n];
        copyWeights(saved);
        double norm = 0;
        for (float w : saved) {
            norm += (double) w * w;
        }
        this.step = relativeStep * Math.max(Math.sqrt(norm), 1.0);
    }

    /** Parameters, weights and biases of every layer. */
    public int size() {
        return size;
    }

    /** Rows the loss is averaged over. */
    public int rows() {
        return rows;
    }

    /**
     * Writes H v into {@code out}, where v is first replaced by the direction the float weights
     * can take: (fl(w + eps v) - fl(w - eps v)) / (2 eps). Without that, the rounding of w + eps v
     * to float (about 3e-4 of each step at the default eps) would be an error of that size in
     * the product; with it, a quadratic loss is exact up to the float rounding of its gradient.
     * {@code v} should have a norm near 1 (the step is scaled for it).
     */
    public void multiply(double[] v, double[] out) {
        int i = 0;
        for (Parameter p : parameters) {
            for (int j = 0; j < p.size(); j++, i++) {
                float up = (float) (saved[i] + step * v[i]);
                float down = (float) (saved[i] - step * v[i]);
                v[i] = ((double) up - down) / (2 * step);
            }
        }
        gradientAt(v, step, plus);
        gradientAt(v, -step, out);
        double scale = 1 / (2 * step);
        for (i = 0; i < size; i++) {
            out[i] = (plus[i] - out[i]) * scale;
        }
        writeWeights(saved);
    }

    /** The gradient of the mean loss over the rows at the saved weights moved by {@code eps v}. */
    private void gradientAt(double[] v, double eps, double[] gradient) {
        int i = 0;
        for (Parameter p : parameters) {
            float[] w = p.value();
            for (int j = 0; j < w.length; j++, i++) {
                w[j] = (float) (saved[i] + eps * v[i]);
            }
        }
        int width = network.outputLayer().outputs();
        float scale = 1f / rows;
        for (int from = 0; from < rows; from += network.capacity()) {
            int chunk = Math.min(network.capacity(), rows - from);
            batch.gatherRange(data, from, chunk);
            float[] out = network.forward(batch.x(), chunk);
            loss.evaluate(out, width, batch, network.outputLayer().deltas(), scale);
            network.backward(batch.x(), chunk, from > 0);
        }
        i = 0;
        for (Parameter p : parameters) {
            for (float g : p.grad()) {
                gradient[i++] = g;
            }
        }
    }

    private void copyWeights(float[] into) {
        int i = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value(), 0, into, i, p.size());
            i += p.size();
        }
    }

    private void writeWeights(float[] from) {
        int i = 0;
        for (Parameter p : parameters) {
            System.arraycopy(from, i, p.value(), 0, p.size());
            i += p.size();
        }
    }
}
