package io.gradsweep.worker.study;

import io.gradsweep.core.train.TrialSpec;

/** One trial of a study: its index in the study's order, its replicate and its complete spec. */
public final class StudyTrial {
    private final long index;
    private final TrialSpec spec;
    private final String partitionValue;
    private String key;

    StudyTrial(long index, TrialSpec spec, String partitionValue) {
        this.index = index;
        this.spec = spec;
        this.partitionValue = partitionValue;
    }

    /** Position in the study: grid point x replicates + replicate; excluded points keep their numbers. */
    public long index() {
        return index;
    }

    public int replicate() {
        return spec.replicate();
    }

    public TrialSpec spec() {
        return spec;
    }

    /** {@code trialId-replicate}: unique within the study, stable across machines and runs. */
    public String key() {
        if (key == null) {
            key = spec.trialId() + "-" + spec.replicate(); // SHA-256: computed only if asked
        }
        return key;
    }

    /** The value of the study's partition_by setting, as the output folder names it. */
    public String partitionValue() {
        return partitionValue;
    }

    @Override
    public String toString() {
        return "trial " + index + " " + spec.canonicalJson();
    }
}
