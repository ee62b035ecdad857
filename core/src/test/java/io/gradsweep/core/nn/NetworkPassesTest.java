package io.gradsweep.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** A measuring pass (predict) gives the training pass's outputs, and no backward pass may follow it. */
class NetworkPassesTest {
    private static final int INPUTS = 5;
    private static final int ROWS = 7;

    private static Network network() {
        return Network.create(INPUTS, 3, 3, 8, Activations.parse("gelu"), Initializer.HE_NORMAL, 1.0, 0f, 3, ROWS);
    }

    private static float[] inputs() {
        SplitMix64 rng = new SplitMix64(4);
        float[] x = new float[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextGaussian());
        }
        return x;
    }

    @Test
    void predictGivesTheTrainingPassOutputsBitForBit() {
        Network net = network();
        float[] x = inputs();
        float[] trained = net.forward(x, ROWS).clone();
        assertArrayEquals(trained, net.predict(x, ROWS).clone(), 0f);
    }

    @Test
    void aBackwardPassNeedsTheDerivativesOfItsOwnRows() {
        Network net = network();
        float[] x = inputs();
        net.predict(x, ROWS);
        assertThrows(IllegalStateException.class, () -> net.backward(x, ROWS, false), "after predict");
        net.forward(x, ROWS - 2);
        assertThrows(IllegalStateException.class, () -> net.backward(x, ROWS, false), "after fewer rows");
        net.forward(x, ROWS);
        net.backward(x, ROWS, false); // the training pass of the same rows
    }
}
