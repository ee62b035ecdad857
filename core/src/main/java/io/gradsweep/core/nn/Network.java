package io.gradsweep.core.nn;

import io.gradsweep.core.activation.Activation;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.random.Seeds;
import io.gradsweep.core.random.SplitMix64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A multilayer perceptron: {@code depth} hidden Dense layers of {@code width} units, then a linear output layer. */
public final class Network {
    private final Dense[] layers;
    private final int capacity;

    private Network(Dense[] layers, int capacity) {
        this.layers = layers;
        this.capacity = capacity;
    }

    /**
     * A network whose initial weights depend only on {@code initSeed} and each layer's index and
     * shape: never on the activation, so two trials that differ only in activation start equal.
     * {@code capacity} is the largest number of rows a forward pass will take.
     */
    public static Network create(int inputs, int outputs, int depth, int width, Activation activation,
                                 Initializer init, double gain, float biasInit, long initSeed, int capacity) {
        Dense[] layers = new Dense[depth + 1];
        int fanIn = inputs;
        for (int l = 0; l <= depth; l++) {
            boolean output = l == depth;
            int fanOut = output ? outputs : width;
            Dense layer = new Dense(fanIn, fanOut, output ? null : activation, capacity);
            SplitMix64 rng = new SplitMix64(Seeds.derive(initSeed, "layer", l, fanIn, fanOut));
            init.fill(layer.weights(), fanIn, fanOut, gain, rng);
            java.util.Arrays.fill(layer.bias(), biasInit);
            layers[l] = layer;
            fanIn = fanOut;
        }
        return new Network(layers, capacity);
    }

    /**
     * Runs x [rows x inputs] through every layer, keeping each activation's derivative for a
     * {@link #backward} pass; returns the output layer's z (the logits).
     */
    public float[] forward(float[] x, int rows) {
        return pass(x, rows, true);
    }

    /**
     * The same outputs as {@link #forward}, bit for bit, without the derivatives: for passes that
     * only measure. A {@link #backward} pass may not follow it.
     */
    public float[] predict(float[] x, int rows) {
        return pass(x, rows, false);
    }

    private float[] pass(float[] x, int rows, boolean keepDerivatives) {
        checkRows(rows);
        float[] input = x;
        for (Dense layer : layers) {
            layer.forward(input, rows, keepDerivatives);
            input = layer.outputsBuffer();
        }
        return input;
    }

    /**
     * Backpropagates the output layer's deltas (written by the loss) through the network and
     * stores (or, with {@code accumulate}, adds) every layer's weight and bias gradients.
     */
    public void backward(float[] x, int rows, boolean accumulate) {
        for (int l = layers.length - 1; l >= 0; l--) {
            Dense layer = layers[l];
            float[] input = l == 0 ? x : layers[l - 1].outputsBuffer();
            layer.accumulateGradients(input, rows, accumulate);
            if (l > 0) {
                layer.propagateBack(layers[l - 1], rows);
            }
        }
    }

    private void checkRows(int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("rows must be in 1.." + capacity + ", was " + rows);
        }
    }

    public List<Dense> layers() {
        return Collections.unmodifiableList(java.util.Arrays.asList(layers));
    }

    public Dense outputLayer() {
        return layers[layers.length - 1];
    }

    public int capacity() {
        return capacity;
    }

    /** Weights and biases together. */
    public long parameterCount() {
        long n = 0;
        for (Dense d : layers) {
            n += (long) d.inputs() * d.outputs() + d.outputs();
        }
        return n;
    }

    /** Multiply-adds of one forward pass per row (weights only): FLOPs of a training step are 6 x rows x this. */
    public long weightCount() {
        long n = 0;
        for (Dense d : layers) {
            n += (long) d.inputs() * d.outputs();
        }
        return n;
    }

    /** Every parameter tensor with its gradient, weights before biases, layer by layer. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            ps.add(new Parameter("layer" + l + ".weight", layers[l].weights(), layers[l].weightGrad(), true));
            ps.add(new Parameter("layer" + l + ".bias", layers[l].bias(), layers[l].biasGrad(), false));
        }
        return ps;
    }
}
