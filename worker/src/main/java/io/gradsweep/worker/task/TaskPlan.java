package io.gradsweep.worker.task;

import io.gradsweep.core.Sha256;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The trials one Spark task trains, one after another, and the key its output files are named by.
 * A plain final class, not a record: Kryo 4 (Spark's) cannot serialise records.
 */
public final class TaskPlan {
    /** Task keys become file names: keep them to characters every file system and reader takes. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String taskKey;
    private final long[] trialIndexes;
    private final double estimatedCost;

    public TaskPlan(String taskKey, long[] trialIndexes, double estimatedCost) {
        Objects.requireNonNull(taskKey, "taskKey");
        if (!KEY.matcher(taskKey).matches()) {
            throw new IllegalArgumentException("task key '" + taskKey + "' must be 1 to 64 of A-Z a-z 0-9 _ -");
        }
        this.taskKey = taskKey;
        this.trialIndexes = trialIndexes.clone();
        this.estimatedCost = estimatedCost;
    }

    /**
     * A plan whose key is derived from the study hash and the trial indexes (16 hex digits of
     * SHA-256), so a retried or speculative attempt of the same task writes the same file names
     * and the commit can tell that an earlier attempt already finished.
     */
    public static TaskPlan of(String studyHash, long[] trialIndexes, double estimatedCost) {
        return new TaskPlan(keyOf(studyHash, trialIndexes), trialIndexes, estimatedCost);
    }

    static String keyOf(String studyHash, long[] trialIndexes) {
        StringBuilder text = new StringBuilder(studyHash).append(':');
        for (int i = 0; i < trialIndexes.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(trialIndexes[i]);
        }
        return Sha256.hex(text.toString(), 8);
    }

    public String taskKey() {
        return taskKey;
    }

    /** Grid indexes of the trials, in the order they are trained. */
    public long[] trialIndexes() {
        return trialIndexes.clone();
    }

    /** The planner's cost estimate (training FLOPs), for balancing; not used by the task. */
    public double estimatedCost() {
        return estimatedCost;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskPlan p && p.taskKey.equals(taskKey) && Arrays.equals(p.trialIndexes, trialIndexes)
                && Double.compare(p.estimatedCost, estimatedCost) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskKey, Arrays.hashCode(trialIndexes), estimatedCost);
    }

    @Override
    public String toString() {
        return "TaskPlan{" + taskKey + ", " + trialIndexes.length + " trials, cost " + estimatedCost + "}";
    }
}
