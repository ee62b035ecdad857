package io.gradsweep.core.loss;

import io.gradsweep.core.activation.FloatMath;

/** Binary cross-entropy on one logit, in the stable form max(z,0) - z t + log(1 + e^-|z|). */
public final class BinaryCrossEntropy extends Loss {
    @Override
    public String name() {
        return "bce";
    }

    @Override
    public double evaluate(float[] out, int width, Batch batch, float[] deltas, float scale) {
        int[] labels = batch.labels();
        double total = 0;
        for (int r = 0; r < batch.rows(); r++) {
            float z = out[r];
            float t = labels[r];
            total += Math.max(z, 0f) - z * t + FloatMath.log1p(FloatMath.exp(-Math.abs(z)));
            if (deltas != null) {
                deltas[r] = (FloatMath.sigmoid(z) - t) * scale;
            }
        }
        return total;
    }
}
