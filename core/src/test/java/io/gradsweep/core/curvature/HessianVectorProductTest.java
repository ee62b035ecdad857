package io.gradsweep.core.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.loss.MeanSquaredError;
import io.gradsweep.core.loss.SoftmaxCrossEntropy;
import io.gradsweep.core.nn.Dense;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.nn.Parameter;
import io.gradsweep.core.random.SplitMix64;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Sharpness against independent truth: a linear model with MSE, whose Hessian is block-diagonal
 * with blocks 2 A'A / (n k) (A = [X 1], k outputs), and small MLPs whose dense Hessian is built by
 * second differences of a separate double-precision forward pass; eigenvalues by Jacobi rotations.
 */
class HessianVectorProductTest {

    @Test
    void jacobiFindsKnownEigenvalues() {
        double[] e = SymmetricEigen.eigenvalues(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, -5}});
        java.util.Arrays.sort(e);
        assertEquals(-5, e[0], 1e-12);
        assertEquals(1, e[1], 1e-12);
        assertEquals(3, e[2], 1e-12);
    }

    @Test
    void linearModelWithMseHasTheClosedFormTopEigenvalue() {
        int rows = 120;
        int features = 4;
        int outputs = 2;
        SplitMix64 rng = new SplitMix64(11);
        float[] x = new float[rows * features];
        float[] t = new float[rows * outputs];
        double[] scale = {3, 1, 0.5, 0.2}; // distinct scales: a clear gap under the top eigenvalue
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                x[r * features + f] = (float) (scale[f] * rng.nextGaussian() + 0.3);
            }
            for (int j = 0; j < outputs; j++) {
                t[r * outputs + j] = (float) rng.nextGaussian();
            }
        }
        Dataset data = Dataset.regression("linear", x, rows, features, t, outputs);
        // A'A with A = [X 1], in double
        double[][] ata = new double[features + 1][features + 1];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i <= features; i++) {
                double ai = i < features ? x[r * features + i] : 1;
                for (int j = 0; j <= features; j++) {
                    double aj = j < features ? x[r * features + j] : 1;
                    ata[i][j] += ai * aj;
                }
            }
        }
        double expected = 2.0 / (rows * outputs) * SymmetricEigen.dominant(ata);

        Network net = Network.create(features, outputs, 0, 1, Activations.parse("identity"), Initializer.GLOROT_UNIFORM,
                1.0, 0.1f, 3, 64);
        float[] before = net.outputLayer().weights().clone();
        SharpnessMeter meter = new SharpnessMeter(net, new MeanSquaredError(), new Batch(data, 64), data, 0, 500,
                1e-9, 7);
        PowerIteration.Estimate e = meter.measure();
        double relative = Math.abs(e.value() - expected) / expected;
        System.out.printf(Locale.ROOT, "linear mse: closed form %.9g, estimate %.9g, relative error %.2e, %d products%n",
                expected, e.value(), relative, e.iterations());
        // A quadratic has no truncation error: what is left is the float rounding of the outputs
        // (6e-8 of each) divided by the relative step 1e-4, so about 6e-4 (measured 5.6e-4).
        assertTrue(relative < 2e-3, "relative error " + relative);
        assertTrue(java.util.Arrays.equals(before, net.outputLayer().weights()), "weights restored bit for bit");
    }

    /** A tiny classification problem and an MLP on it, weights from the network's own initialiser. */
    private static final int INPUTS = 3;
    private static final int WIDTH = 5;
    private static final int DEPTH = 2;
    private static final int CLASSES = 3;
    private static final int ROWS = 40;

    private static Dataset classes() {
        SplitMix64 rng = new SplitMix64(21);
        float[] x = new float[ROWS * INPUTS];
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = r % CLASSES;
            for (int f = 0; f < INPUTS; f++) {
                x[r * INPUTS + f] = (float) (rng.nextGaussian() + (f == labels[r] ? 1.0 : 0.0));
            }
        }
        return Dataset.classification("blobs", x, ROWS, INPUTS, labels, CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tanh", "softplus", "elu", "relu"})
    void smallMlpMatchesTheDenseFiniteDifferenceHessian(String activation) {
        Dataset data = classes();
        Network net = Network.create(INPUTS, CLASSES, DEPTH, WIDTH, Activations.parse(activation),
                Initializer.HE_NORMAL, 1.0, 0.05f, 17, 16); // capacity 16 < rows: the gradient is summed over chunks
        double[] w = flatten(net);
        double[][] h = denseHessian(w, data, reference(activation));
        double expected = SymmetricEigen.dominant(h);
        assertTrue(expected > 0, "a positive top eigenvalue: " + expected);
        double[] errors = new double[3];
        double[] steps = {1e-3, 1e-4, 1e-5};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            HessianVectorProduct hvp = new HessianVectorProduct(net, new SoftmaxCrossEntropy(), new Batch(data, 16),
                    data, 0, steps[i]);
            double[] v = start(hvp.size());
            double value = PowerIteration.run(hvp::multiply, v, 2000, 1e-10).value();
            errors[i] = Math.abs(value - expected) / expected;
            line.append(String.format(Locale.ROOT, " step %.0e: %.2e", steps[i], errors[i]));
        }
        System.out.printf(Locale.ROOT, "%s mlp: dense top eigenvalue %.6g; relative error at%s%n", activation,
                expected, line);
        assertTrue(errors[1] < 0.01, activation + ": relative error " + errors[1] + " at the default step");
        assertEquals(HessianVectorProduct.RELATIVE_STEP, steps[1]);
        assertArrayEqualsBits(w, flatten(net));
    }

    @Test
    void hessianVectorProductsMatchTheDenseHessianEntryByEntry() {
        Dataset data = classes();
        Network net = Network.create(INPUTS, CLASSES, DEPTH, WIDTH, Activations.parse("tanh"), Initializer.HE_NORMAL,
                1.0, 0.05f, 17, 64);
        double[][] h = denseHessian(flatten(net), data, reference("tanh"));
        HessianVectorProduct hvp = new HessianVectorProduct(net, new SoftmaxCrossEntropy(), new Batch(data, 64), data,
                0);
        double[] v = start(hvp.size());
        PowerIteration.normalise(v);
        double[] out = new double[v.length];
        hvp.multiply(v, out);
        double norm = 0;
        double err = 0;
        for (int i = 0; i < v.length; i++) {
            double exact = 0;
            for (int j = 0; j < v.length; j++) {
                exact += h[i][j] * v[j];
            }
            norm += exact * exact;
            err += (out[i] - exact) * (out[i] - exact);
        }
        double relative = Math.sqrt(err / norm);
        System.out.printf(Locale.ROOT, "tanh mlp: ||Hv - dense H v|| / ||dense H v|| = %.2e%n", relative);
        assertTrue(relative < 0.01, "relative error " + relative);
    }

    private static double[] start(int n) {
        SplitMix64 rng = new SplitMix64(99);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static void assertArrayEqualsBits(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), "weight " + i + " restored");
        }
    }

    /** Every parameter in the order Network.parameters() lists them: per layer, weights then biases. */
    private static double[] flatten(Network net) {
        int n = (int) net.parameterCount();
        double[] w = new double[n];
        int i = 0;
        for (Parameter p : net.parameters()) {
            for (float f : p.value()) {
                w[i++] = f;
            }
        }
        return w;
    }

    private static DoubleUnaryOperator reference(String activation) {
        return switch (activation) {
            case "tanh" -> Math::tanh;
            case "softplus" -> z -> z > 30 ? z : Math.log1p(Math.exp(z));
            case "elu" -> z -> z > 0 ? z : Math.expm1(z);
            case "relu" -> z -> Math.max(z, 0);
            default -> throw new IllegalArgumentException(activation);
        };
    }

    /** Mean softmax cross-entropy of the MLP with parameters {@code w}, in double, written apart from the core. */
    private static double loss(double[] w, Dataset data, DoubleUnaryOperator f) {
        double total = 0;
        for (int r = 0; r < data.rows(); r++) {
            double[] a = new double[INPUTS];
            for (int i = 0; i < INPUTS; i++) {
                a[i] = data.x()[r * INPUTS + i];
            }
            int offset = 0;
            int in = INPUTS;
            for (int l = 0; l <= DEPTH; l++) {
                int out = l == DEPTH ? CLASSES : WIDTH;
                double[] z = new double[out];
                for (int j = 0; j < out; j++) {
                    double s = w[offset + in * out + j]; // bias after the [in x out] weights
                    for (int i = 0; i < in; i++) {
                        s += a[i] * w[offset + i * out + j];
                    }
                    z[j] = l == DEPTH ? s : f.applyAsDouble(s);
                }
                offset += in * out + out;
                a = z;
                in = out;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double z : a) {
                max = Math.max(max, z);
            }
            double sum = 0;
            for (double z : a) {
                sum += Math.exp(z - max);
            }
            total += Math.log(sum) + max - a[data.labels()[r]];
        }
        return total / data.rows();
    }

    /** H_ij by second central differences of the double loss, step 1e-4 (error ~1e-8 either way). */
    private static double[][] denseHessian(double[] w, Dataset data, DoubleUnaryOperator f) {
        int n = w.length;
        double h = 1e-4;
        double[][] hess = new double[n][n];
        double[] p = w.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= 1; sj += 2) {
                        p[i] += si * h;
                        p[j] += sj * h;
                        s += si * sj * loss(p, data, f);
                        p[i] = w[i];
                        p[j] = w[j];
                    }
                }
                hess[i][j] = s / (4 * h * h);
                hess[j][i] = hess[i][j];
            }
        }
        return hess;
    }
}
