package io.gradsweep.core.loss;

import io.gradsweep.core.activation.FloatMath;

/** -log softmax(z)[label], computed as logsumexp(z) - z[label] with the max subtracted first. */
public final class SoftmaxCrossEntropy extends Loss {
    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public double evaluate(float[] out, int width, Batch batch, float[] deltas, float scale) {
        int[] labels = batch.labels();
        double total = 0;
        for (int r = 0; r < batch.rows(); r++) {
            int o = r * width;
            float max = out[o];
            for (int j = 1; j < width; j++) {
                max = Math.max(max, out[o + j]);
            }
            float sum = 0f;
            for (int j = 0; j < width; j++) {
                sum += FloatMath.exp(out[o + j] - max);
            }
            float logSum = FloatMath.log(sum);
            total += (double) max + logSum - out[o + labels[r]];
            if (deltas != null) {
                float inverse = 1f / sum;
                for (int j = 0; j < width; j++) {
                    float p = FloatMath.exp(out[o + j] - max) * inverse;
                    deltas[o + j] = (p - (j == labels[r] ? 1f : 0f)) * scale;
                }
            }
        }
        return total;
    }
}
