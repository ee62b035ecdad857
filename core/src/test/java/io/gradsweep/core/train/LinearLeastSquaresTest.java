package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.MeanSquaredError;
import io.gradsweep.core.nn.Dense;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.optim.Optimizer;
import io.gradsweep.core.optim.OptimizerSettings;
import io.gradsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** A depth-0 network with MSE is linear regression: full-batch descent must reach the normal-equations solution. */
class LinearLeastSquaresTest {

    @Test
    void linearModelConvergesToTheLeastSquaresSolution() {
        int rows = 200;
        int features = 3;
        SplitMix64 rng = new SplitMix64(5);
        float[] x = new float[rows * features];
        float[] y = new float[rows];
        double[] trueW = {1.5, -2.0, 0.5};
        for (int r = 0; r < rows; r++) {
            double t = 0.7;
            for (int f = 0; f < features; f++) {
                x[r * features + f] = (float) rng.nextGaussian();
                t += trueW[f] * x[r * features + f];
            }
            y[r] = (float) (t + 0.3 * rng.nextGaussian());
        }
        Dataset data = Dataset.regression("linear", x, rows, features, y, 1);
        double[] expected = leastSquaresWithIntercept(x, y, rows, features);

        Network net = Network.create(features, 1, 0, 1, Activations.parse("identity"), Initializer.GLOROT_UNIFORM,
                1.0, 0f, 1, rows);
        Optimizer sgd = Optimizer.create(OptimizerSettings.defaults("sgd"), net.parameters());
        TrainingStep step = new TrainingStep(net, new MeanSquaredError(), sgd, 0);
        Batch batch = new Batch(data, rows);
        batch.gatherRange(data, 0, rows);
        for (int i = 0; i < 3000; i++) {
            step.forward(batch);
            step.backwardAndUpdate(batch, 0.1f);
        }
        Dense layer = net.outputLayer();
        for (int f = 0; f < features; f++) {
            assertEquals(expected[f], layer.weights()[f], 1e-4, "weight " + f);
        }
        assertEquals(expected[features], layer.bias()[0], 1e-4, "intercept");
    }

    /** Solves (X'X) w = X'y with a column of ones, by Gaussian elimination with partial pivoting, in double. */
    private static double[] leastSquaresWithIntercept(float[] x, float[] y, int rows, int features) {
        int n = features + 1;
        double[][] m = new double[n][n + 1];
        for (int r = 0; r < rows; r++) {
            double[] row = new double[n];
            for (int f = 0; f < features; f++) {
                row[f] = x[r * features + f];
            }
            row[features] = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i][j] += row[i] * row[j];
                }
                m[i][n] += row[i] * y[r];
            }
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = m[i][n] / m[i][i];
        }
        return w;
    }
}
