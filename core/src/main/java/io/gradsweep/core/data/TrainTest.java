package io.gradsweep.core.data;

import java.util.Objects;

/** A training set and a test set of the same task and feature width. */
public final class TrainTest {
    private final Dataset train;
    private final Dataset test;

    public TrainTest(Dataset train, Dataset test) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        if (train.task() != test.task() || train.features() != test.features()
                || train.outputs() != test.outputs()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " do not match");
        }
    }

    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    @Override
    public String toString() {
        return "train " + train + ", test " + test;
    }
}
