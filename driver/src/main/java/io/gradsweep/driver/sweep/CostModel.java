package io.gradsweep.driver.sweep;

import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.data.TrainTest;
import io.gradsweep.core.train.TrialBudget;
import io.gradsweep.core.train.TrialSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Estimated FLOPs of a trial, for packing trials into tasks of similar cost: training steps
 * (6 x rows x weights per step) plus its evaluation passes, both counted by {@link TrialBudget}. Each data set is loaded once to learn
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
        long weights = TrialBudget.weights(shape[2], shape[3], spec.integer("depth"), spec.integer("width"));
        TrialBudget budget = TrialBudget.of(spec, trainRows);
        double points = budget.evaluations().count();
        double evaluationRows = points * (trainRows + testRows + 3.0 * Math.min(spec.integer("eval_subset"), trainRows));
        return 2.0 * weights * (3 * budget.rowsTrained() + evaluationRows);
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
