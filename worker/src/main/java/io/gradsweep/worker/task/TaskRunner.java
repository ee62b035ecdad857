package io.gradsweep.worker.task;

import io.gradsweep.core.train.Trainer;
import io.gradsweep.worker.folder.RunFence;
import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TrialStatus;
import io.gradsweep.core.trace.TrialSummary;
import io.gradsweep.worker.table.TraceRow;
import io.gradsweep.worker.table.TrialRow;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What one Spark task does: trains its trials one after another on the calling thread, keeps
 * their rows in memory (a task's rows are small), and writes them at the end as one trials and
 * one traces file per partition value, committed atomically (see {@link TaskOutput}). A trial
 * that diverges, fails or times out is recorded with its status and never stops the task.
 */
public final class TaskRunner {
    private TaskRunner() {
    }

    /** {@link #run(TaskPlan, TrialSource, String, Configuration, String, boolean)} without fail-fast. */
    public static TaskOutcome run(TaskPlan plan, TrialSource source, String outputUri, Configuration conf,
                                  String codeVersion) throws IOException {
        return run(plan, source, outputUri, conf, codeVersion, false);
    }

    /**
     * @param outputUri   the study's output folder (file:, hdfs:, s3a:, ... or a path on the default file system)
     * @param codeVersion written to every trials row, for provenance
     * @param failFast    when true, a failed trial throws {@link TrialFailedException} and the
     *                    task writes nothing; diverged and timed-out trials are results, not failures
     */
    public static TaskOutcome run(TaskPlan plan, TrialSource source, String outputUri, Configuration conf,
                                  String codeVersion, boolean failFast) throws IOException {
        return run(plan, source, outputUri, conf, codeVersion, failFast, Optional.empty());
    }

    /**
     * As above; with a {@code fence}, the task's files are committed only while its run holds the
     * folder's lock (else {@link RunFence.Lost} is thrown and nothing is committed from then on).
     */
    public static TaskOutcome run(TaskPlan plan, TrialSource source, String outputUri, Configuration conf,
                                  String codeVersion, boolean failFast, Optional<RunFence> fence) throws IOException {
        long start = System.nanoTime();
        String host = localHostName();
        TaskOutput output = new TaskOutput(source.partitionBy(), source.studyHash(), fence);
        int[] byStatus = new int[TrialStatus.values().length];
        long trainingNanos = 0;
        for (long index : plan.trialIndexes()) {
            PlannedTrial trial = source.trial(index).orElseThrow(() -> new IllegalArgumentException(
                    "task " + plan.taskKey() + ": the study has no trial with grid index " + index));
            TraceCollector collector = new TraceCollector();
            TrialSummary summary = Trainer.run(trial.spec(), collector);
            if (failFast && summary.status() == TrialStatus.FAILED) {
                throw new TrialFailedException(trial.key(), index, summary.message().orElse("(no message)"));
            }
            byStatus[summary.status().ordinal()]++;
            trainingNanos += summary.wallNanos();
            TrialRow row = new TrialRow(source.studyName(), source.studyHash(), trial.key(), index, trial.spec(),
                    summary, host, codeVersion);
            output.add(trial.partitionValue(), row, traceRows(row, collector.points()));
        }
        output.write(new Path(outputUri), plan.taskKey(), conf);
        return new TaskOutcome(plan.taskKey(), byStatus[TrialStatus.OK.ordinal()],
                byStatus[TrialStatus.DIVERGED.ordinal()], byStatus[TrialStatus.FAILED.ordinal()],
                byStatus[TrialStatus.TIMEOUT.ordinal()], trainingNanos, System.nanoTime() - start,
                output.traceRows());
    }

    private static List<TraceRow> traceRows(TrialRow trial, List<TracePoint> points) {
        List<TraceRow> rows = new ArrayList<>(points.size());
        for (TracePoint p : points) {
            rows.add(new TraceRow(trial.trialKey(), trial.trialId(), trial.spec().replicate(), trial.gridIndex(), p));
        }
        return rows;
    }

    private static volatile String hostName;

    /** The executor's host name, looked up once per JVM (a lookup may wait on DNS). */
    static String localHostName() {
        String h = hostName;
        if (h == null) {
            h = lookUpHostName();
            hostName = h;
        }
        return h;
    }

    /** "unknown" rather than a failed task. */
    private static String lookUpHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }
}
