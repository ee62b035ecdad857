package io.gradsweep.core.loss;

/**
 * Mean over outputs of (z - t)^2 per row (PyTorch's MSELoss averaged per row). Class labels are
 * one-hot targets (or the 0/1 label itself for a single binary output).
 */
public final class MeanSquaredError extends Loss {
    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double evaluate(float[] out, int width, Batch batch, float[] deltas, float scale) {
        int[] labels = batch.labels();
        float[] targets = batch.targets();
        double total = 0;
        float perOutput = 1f / width;
        for (int r = 0; r < batch.rows(); r++) {
            int o = r * width;
            float rowSum = 0f;
            for (int j = 0; j < width; j++) {
                float t = targets != null ? targets[o + j]
                        : width == 1 ? labels[r] : (j == labels[r] ? 1f : 0f);
                float e = out[o + j] - t;
                rowSum += e * e;
                if (deltas != null) {
                    deltas[o + j] = 2f * e * perOutput * scale;
                }
            }
            total += rowSum * perOutput;
        }
        return total;
    }
}
