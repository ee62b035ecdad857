package io.gradsweep.worker.task;

import io.gradsweep.core.train.TrialSpec;
import java.util.Objects;

/** One trial of a study as a task sees it: where it sits in the grid and what it trains. */
public final class PlannedTrial {
    private final long index;
    private final int replicate;
    private final TrialSpec spec;
    private final String key;
    private final String partitionValue;

    /**
     * @param key            unique within the study: {@code spec.trialId() + "-" + replicate}
     * @param partitionValue this trial's value of the study's partition column (unescaped)
     */
    public PlannedTrial(long index, int replicate, TrialSpec spec, String key, String partitionValue) {
        this.index = index;
        this.replicate = replicate;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.key = Objects.requireNonNull(key, "key");
        this.partitionValue = Objects.requireNonNull(partitionValue, "partitionValue");
        // The tables write the replicate once; a spec with another replicate would train
        // different seeds than the row claims.
        if (spec.replicate() != replicate) {
            throw new IllegalArgumentException("trial " + key + ": replicate " + replicate
                    + " differs from the spec's replicate " + spec.replicate());
        }
    }

    /** Position in the study's grid. */
    public long index() {
        return index;
    }

    public int replicate() {
        return replicate;
    }

    public TrialSpec spec() {
        return spec;
    }

    public String key() {
        return key;
    }

    public String partitionValue() {
        return partitionValue;
    }

    @Override
    public String toString() {
        return "PlannedTrial{" + index + ", " + key + "}";
    }
}
