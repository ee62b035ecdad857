package io.gradsweep.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.data.Dataset;
import org.junit.jupiter.api.Test;

class LossTest {

    private static Batch batchOf(Dataset d) {
        Batch b = new Batch(d, d.rows());
        b.gatherRange(d, 0, d.rows());
        return b;
    }

    @Test
    void crossEntropyOfEqualLogitsIsLogOfTheClassCount() {
        Dataset d = Dataset.classification("t", new float[2], 2, 1, new int[] {0, 3}, 4);
        double sum = new SoftmaxCrossEntropy().evaluate(new float[8], 4, batchOf(d), null, 0);
        assertEquals(2 * Math.log(4), sum, 1e-6);
    }

    @Test
    void crossEntropyMatchesTheClosedFormAndStaysFiniteForHugeLogits() {
        Dataset d = Dataset.classification("t", new float[2], 2, 1, new int[] {1, 0}, 3);
        float[] logits = {1f, 2f, 3f, 1e4f, -1e4f, 0f};
        float[] deltas = new float[6];
        double sum = new SoftmaxCrossEntropy().evaluate(logits, 3, batchOf(d), deltas, 1f);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(lse - 2 + 0.0, sum, 1e-5); // the second row predicts its label with certainty: loss 0
        assertEquals(Math.exp(1) / Math.exp(lse), deltas[0], 1e-6);
        assertEquals(Math.exp(2) / Math.exp(lse) - 1, deltas[1], 1e-6);
        assertEquals(0f, deltas[3], 1e-6f);
    }

    @Test
    void binaryCrossEntropyMatchesTheClosedForm() {
        Dataset d = Dataset.binary("t", new float[3], 3, 1, new int[] {1, 0, 1});
        float[] z = {0f, 2f, -50f};
        float[] deltas = new float[3];
        double sum = new BinaryCrossEntropy().evaluate(z, 1, batchOf(d), deltas, 1f);
        double expected = Math.log(2) + Math.log(1 + Math.exp(2)) + Math.log(1 + Math.exp(50));
        assertEquals(expected, sum, 1e-4);
        assertEquals(0.5 - 1, deltas[0], 1e-6);
        assertEquals(1 / (1 + Math.exp(-2)), deltas[1], 1e-6);
    }

    @Test
    void meanSquaredErrorAveragesOverOutputs() {
        Dataset d = Dataset.regression("t", new float[2], 2, 1, new float[] {1f, 2f, 3f, 4f}, 2);
        float[] out = {0f, 0f, 3f, 6f};
        double sum = new MeanSquaredError().evaluate(out, 2, batchOf(d), null, 0);
        assertEquals((1 + 4) / 2.0 + (0 + 4) / 2.0, sum, 1e-6);
    }

    @Test
    void aLossThatDoesNotFitTheTaskIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.parse("cross_entropy", Dataset.Task.REGRESSION));
        assertTrue(e.getMessage().contains("mse"), e.getMessage());
        assertEquals("bce", Loss.parse("auto", Dataset.Task.BINARY).name());
    }
}
