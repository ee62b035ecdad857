package io.gradsweep.worker.task;

import java.util.Optional;

/**
 * Where a task looks up the trials it was given by grid index: the study, seen from an executor.
 * The study parser adapts to this, so the task code can be tested without a study file.
 */
public interface TrialSource {
    /** The study's name, written to every trials row. */
    String studyName();

    /** The hash of the resolved study, written to every trials row and mixed into task keys. */
    String studyHash();

    /**
     * The column the output tables are partitioned by (the directory level {@code name=value});
     * empty for no partition directories.
     */
    String partitionBy();

    /** The trial at this grid index; empty when the grid has no such index. */
    Optional<PlannedTrial> trial(long index);
}
