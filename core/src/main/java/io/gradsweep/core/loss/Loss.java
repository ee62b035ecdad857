package io.gradsweep.core.loss;

import io.gradsweep.core.data.Dataset;
import java.util.List;

/**
 * A loss over the network's linear outputs (logits) with its gradient. Per-row losses are summed
 * in row order in double so that a mean over many chunks does not depend on the chunking.
 */
public abstract class Loss {

    /** The name users type: {@code cross_entropy}, {@code mse} or {@code bce}. */
    public abstract String name();

    /**
     * Returns the sum over the batch's rows of the per-row loss of {@code out} [rows x width]; if
     * {@code deltas} is not null, writes into it {@code scale} times the gradient of that sum
     * with respect to {@code out} (scale = 1 / rows gives the gradient of the mean).
     */
    public abstract double evaluate(float[] out, int width, Batch batch, float[] deltas, float scale);

    /** The names users may type. */
    public static List<String> names() {
        return List.of("cross_entropy", "mse", "bce");
    }

    /** The default for a task: cross_entropy for classification, bce for binary, mse for regression. */
    public static Loss defaultFor(Dataset.Task task) {
        return switch (task) {
            case CLASSIFICATION -> new SoftmaxCrossEntropy();
            case BINARY -> new BinaryCrossEntropy();
            case REGRESSION -> new MeanSquaredError();
        };
    }

    /** Parses a loss name and checks that it fits the task. */
    public static Loss parse(String name, Dataset.Task task) {
        Loss loss = switch (name) {
            case "auto" -> defaultFor(task);
            case "cross_entropy" -> new SoftmaxCrossEntropy();
            case "mse" -> new MeanSquaredError();
            case "bce" -> new BinaryCrossEntropy();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; known: auto, "
                    + String.join(", ", names()));
        };
        boolean fits = switch (loss.name()) {
            case "cross_entropy" -> task == Dataset.Task.CLASSIFICATION;
            case "bce" -> task == Dataset.Task.BINARY;
            default -> true; // mse: regression targets, or one-hot class targets
        };
        if (!fits) {
            throw new IllegalArgumentException("loss '" + name + "' does not fit a " + task.name().toLowerCase()
                    + " data set; use " + defaultFor(task).name() + " or mse");
        }
        return loss;
    }

    /** Number of rows whose prediction is right (argmax for classes, logit > 0 for binary); 0 for regression. */
    public static int correct(float[] out, int width, Batch batch) {
        int[] labels = batch.labels();
        if (labels == null) {
            return 0;
        }
        int right = 0;
        for (int r = 0; r < batch.rows(); r++) {
            int predicted;
            if (width == 1) {
                predicted = out[r] > 0f ? 1 : 0;
            } else {
                predicted = 0;
                for (int j = 1; j < width; j++) {
                    if (out[r * width + j] > out[r * width + predicted]) {
                        predicted = j;
                    }
                }
            }
            if (predicted == labels[r]) {
                right++;
            }
        }
        return right;
    }
}
