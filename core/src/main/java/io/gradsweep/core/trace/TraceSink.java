package io.gradsweep.core.trace;

/** Where a trial's evaluation points and summary go; the core knows nothing of files or Spark. */
public interface TraceSink {
    /** Called once per evaluation point, in step order. */
    void point(TracePoint point);

    /** Called once at the end, also when the trial diverged or failed. */
    default void summary(TrialSummary summary) {
    }
}
