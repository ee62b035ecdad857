package io.gradsweep.driver.sweep;

import io.gradsweep.worker.study.StudyCache;
import io.gradsweep.worker.task.StudyTrialSource;
import io.gradsweep.worker.task.TaskOutcome;
import io.gradsweep.worker.task.TaskPlan;
import io.gradsweep.worker.task.TaskRunner;
import io.gradsweep.worker.folder.RunFence;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

/**
 * What each Spark task runs: a plain function of the task plan, the study text and the output
 * location (and the run's fence: see {@link RunFence}), with no hidden state (the parsed study is cached per executor JVM by its text).
 */
final class RunTask implements Function<TaskPlan, TaskOutcome> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<String> studyText;
    private final String outputUri;
    private final Map<String, String> hadoopSettings;
    private final String codeVersion;
    private final boolean failFast;
    private final RunFence fence;
    private final LongAccumulator[] counts;

    RunTask(Broadcast<String> studyText, String outputUri, Map<String, String> hadoopSettings, String codeVersion,
            boolean failFast, RunFence fence, LongAccumulator[] counts) {
        this.studyText = studyText;
        this.outputUri = outputUri;
        this.hadoopSettings = hadoopSettings;
        this.codeVersion = codeVersion;
        this.failFast = failFast;
        this.fence = fence;
        this.counts = counts;
    }

    @Override
    public TaskOutcome call(TaskPlan plan) throws Exception {
        Configuration conf = TaskHadoopConf.forTask(hadoopSettings);
        StudyTrialSource source = new StudyTrialSource(StudyCache.get(studyText.value()));
        TaskOutcome outcome = TaskRunner.run(plan, source, outputUri, conf, codeVersion, failFast, Optional.of(fence));
        counts[0].add(outcome.ok());
        counts[1].add(outcome.diverged());
        counts[2].add(outcome.failed());
        counts[3].add(outcome.timeout());
        return outcome;
    }
}
