package io.gradsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.activation.Activation;
import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Batch;
import io.gradsweep.core.loss.BinaryCrossEntropy;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.loss.MeanSquaredError;
import io.gradsweep.core.loss.SoftmaxCrossEntropy;
import io.gradsweep.core.random.SplitMix64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against central finite differences of the loss, for every activation, loss and several depths. */
class GradientCheckTest {
    private static final int INPUTS = 4;
    private static final int WIDTH = 6;
    private static final int ROWS = 5;

    static Stream<Arguments> activationsAndDepths() {
        return Activations.names().stream().flatMap(a -> Stream.of(1, 3).map(d -> Arguments.of(a, d)));
    }

    static Stream<Arguments> lossesAndDepths() {
        return Stream.of("cross_entropy", "mse", "bce", "mse_regression")
                .flatMap(l -> Stream.of(0, 1, 2).map(d -> Arguments.of(l, d)));
    }

    @ParameterizedTest(name = "{0} depth {1}")
    @MethodSource("activationsAndDepths")
    void backpropMatchesFiniteDifferencesForEveryActivation(String activation, int depth) {
        check(Activations.parse(activation), depth, "cross_entropy");
    }

    @ParameterizedTest(name = "{0} depth {1}")
    @MethodSource("lossesAndDepths")
    void backpropMatchesFiniteDifferencesForEveryLoss(String loss, int depth) {
        check(Activations.parse("tanh"), depth, loss);
    }

    private static void check(Activation activation, int depth, String lossName) {
        SplitMix64 rng = new SplitMix64(11);
        float[] x = new float[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Dataset data;
        Loss loss;
        switch (lossName) {
            case "bce" -> {
                data = Dataset.binary("t", x, ROWS, INPUTS, new int[] {0, 1, 1, 0, 1});
                loss = new BinaryCrossEntropy();
            }
            case "mse_regression" -> {
                float[] y = new float[ROWS * 2];
                for (int i = 0; i < y.length; i++) {
                    y[i] = (float) rng.nextGaussian();
                }
                data = Dataset.regression("t", x, ROWS, INPUTS, y, 2);
                loss = new MeanSquaredError();
            }
            default -> {
                data = Dataset.classification("t", x, ROWS, INPUTS, new int[] {0, 2, 1, 2, 0}, 3);
                loss = lossName.equals("mse") ? new MeanSquaredError() : new SoftmaxCrossEntropy();
            }
        }
        Network net = Network.create(INPUTS, data.outputs(), depth, WIDTH, activation, Initializer.GLOROT_NORMAL,
                1.0, 0f, 5, ROWS);
        // Biases off zero so that units sit away from kinks in a generic position.
        for (Parameter p : net.parameters()) {
            if (!p.decays()) {
                for (int i = 0; i < p.size(); i++) {
                    p.value()[i] = (float) (0.3 * rng.nextGaussian());
                }
            }
        }
        Batch batch = new Batch(data, ROWS);
        batch.gatherRange(data, 0, ROWS);
        int width = data.outputs();
        float[] out = net.forward(batch.x(), ROWS);
        loss.evaluate(out, width, batch, net.outputLayer().deltas(), 1f / ROWS);
        net.backward(batch.x(), ROWS, false);

        double h = 1e-3;
        double diffSquares = 0;
        double normSquares = 0;
        for (Parameter p : net.parameters()) {
            float[] grad = p.grad().clone();
            for (int i = 0; i < p.size(); i++) {
                float original = p.value()[i];
                p.value()[i] = (float) (original + h);
                double up = loss.evaluate(net.forward(batch.x(), ROWS), width, batch, null, 0f) / ROWS;
                p.value()[i] = (float) (original - h);
                double down = loss.evaluate(net.forward(batch.x(), ROWS), width, batch, null, 0f) / ROWS;
                p.value()[i] = original;
                double numeric = (up - down) / ((double) (float) (original + h) - (float) (original - h));
                diffSquares += (numeric - grad[i]) * (numeric - grad[i]);
                normSquares += numeric * numeric + (double) grad[i] * grad[i];
            }
        }
        double relative = Math.sqrt(diffSquares) / Math.max(Math.sqrt(normSquares), 1e-12);
        assertTrue(relative < 2e-3, activation + " " + lossName + " depth " + depth
                + ": relative gradient error " + relative);
        assertTrue(normSquares > 1e-10, "gradient must not vanish in this check");
    }
}
