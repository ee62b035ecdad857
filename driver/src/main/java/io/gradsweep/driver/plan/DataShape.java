package io.gradsweep.driver.plan;

import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.train.TrialBudget;
import io.gradsweep.core.train.TrialSetup;
import io.gradsweep.core.train.TrialSpec;
import java.io.UncheckedIOException;

/** What the cost of a trial needs from its data: training rows, inputs and outputs. Loading is the only way to know them. */
public record DataShape(int trainRows, int inputs, int outputs) {
    /**
     * Loads {@code spec}'s data set as its trial would.
     *
     * @throws IllegalArgumentException naming the data set and why it cannot be had
     */
    public static DataShape of(TrialSpec spec) {
        String dataset = spec.text("dataset");
        try {
            Dataset train = DataSets.load(DataSpec.parse(dataset), TrialSetup.dataSeed(spec)).train();
            return new DataShape(train.rows(), train.features(), train.outputs());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalArgumentException("dataset " + dataset + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** Weights (not biases) of an MLP on this data: inputs -> width x depth -> outputs. */
    public long weights(long depth, long width) {
        return TrialBudget.weights(inputs, outputs, depth, width);
    }
}
