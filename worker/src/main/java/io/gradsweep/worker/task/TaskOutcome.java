package io.gradsweep.worker.task;

import java.util.Objects;

/**
 * What a finished task reports back to the driver: how its trials ended and where the time went.
 * A plain final class, not a record: Kryo 4 (Spark's) cannot serialise records.
 */
public final class TaskOutcome {
    private final String taskKey;
    private final int ok;
    private final int diverged;
    private final int failed;
    private final int timeout;
    private final long trainingNanos;
    private final long taskNanos;
    private final long traceRows;

    public TaskOutcome(String taskKey, int ok, int diverged, int failed, int timeout, long trainingNanos,
                       long taskNanos, long traceRows) {
        this.taskKey = Objects.requireNonNull(taskKey, "taskKey");
        this.ok = ok;
        this.diverged = diverged;
        this.failed = failed;
        this.timeout = timeout;
        this.trainingNanos = trainingNanos;
        this.taskNanos = taskNanos;
        this.traceRows = traceRows;
    }

    public String taskKey() {
        return taskKey;
    }

    public int ok() {
        return ok;
    }

    public int diverged() {
        return diverged;
    }

    public int failed() {
        return failed;
    }

    public int timeout() {
        return timeout;
    }

    /** Trials of every status. */
    public int trials() {
        return ok + diverged + failed + timeout;
    }

    /** Sum of the trials' own wall times (the Trainer's), without loading specs or writing files. */
    public long trainingNanos() {
        return trainingNanos;
    }

    /** Wall time of the whole task: training, buffering and writing the files. */
    public long taskNanos() {
        return taskNanos;
    }

    /** Rows written to the traces table. */
    public long traceRows() {
        return traceRows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskOutcome t && t.taskKey.equals(taskKey) && t.ok == ok && t.diverged == diverged
                && t.failed == failed && t.timeout == timeout && t.trainingNanos == trainingNanos
                && t.taskNanos == taskNanos && t.traceRows == traceRows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskKey, ok, diverged, failed, timeout, trainingNanos, taskNanos, traceRows);
    }

    @Override
    public String toString() {
        return "TaskOutcome{" + taskKey + ": ok " + ok + ", diverged " + diverged + ", failed " + failed
                + ", timeout " + timeout + ", " + traceRows + " trace rows, " + taskNanos / 1_000_000 + " ms}";
    }
}
