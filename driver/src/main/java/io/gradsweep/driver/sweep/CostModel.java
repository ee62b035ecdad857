package io.gradsweep.driver.sweep;

import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.data.TrainTest;
import io.gradsweep.core.train.TrialSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Estimated FLOPs of a trial, for packing trials into tasks of similar cost: training steps
 * (6 x rows x weights per step) plus its evaluation passes. Each data set is loaded once to learn
 * its shape; a data set that cannot be loaded here (a file only the executors see) is assumed to
 * have 1,000 rows of 64 features and 10 outputs.
 */
public final class CostModel {
    private final Map<String, int[]> shapes = new HashMap<>();

    /** FLOPs of one trial, estimated. */
    public double flops(TrialSpec spec) {
        int[] shape = shape(spec);
        int trainRows = shape[0];
        int testRows = shape[1];
        long weights = weights(shape[2], shape[3], (int) spec.integer("depth"), (int) spec.integer("width"));
        long batch = spec.integer("batch");
        long stepsPerEpoch = (trainRows + batch - 1) / batch;
        long steps = spec.integer("max_steps") > 0 ? spec.integer("max_steps") : spec.integer("epochs") * stepsPerEpoch;
        double trainingRows = Math.min(batch, trainRows) * (double) steps;
        long every = spec.integer("eval_every_steps") > 0 ? spec.integer("eval_every_steps") : stepsPerEpoch;
        double points = 2 + steps / (double) Math.max(1, every) + 3.0 * spec.integer("eval_log_per_decade");
        double evaluationRows = points * (trainRows + testRows + 3.0 * Math.min(spec.integer("eval_subset"), trainRows));
        return 2.0 * weights * (3 * trainingRows + evaluationRows);
    }

    /** Weight count of an MLP inputs -> width x depth -> outputs. */
    public static long weights(int inputs, int outputs, int depth, int width) {
        if (depth == 0) {
            return (long) inputs * outputs;
        }
        return (long) inputs * width + (long) (depth - 1) * width * width + (long) width * outputs;
    }

    /** {train rows, test rows, features, outputs}. */
    private int[] shape(TrialSpec spec) {
        return shapes.computeIfAbsent(spec.text("dataset"), text -> {
            try {
                TrainTest data = DataSets.load(DataSpec.parse(text), 0);
                return new int[] {data.train().rows(), data.test().rows(), data.train().features(),
                    data.train().outputs()};
            } catch (RuntimeException e) {
                return new int[] {800, 200, 64, 10};
            }
        });
    }
}
