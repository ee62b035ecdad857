package io.gradsweep.driver.sweep;

import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import io.gradsweep.worker.task.TaskPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs the trials still to do into tasks of similar estimated cost, each holding trials of one
 * partition value (so a task writes one file per table). Streams the study twice (total cost,
 * then packing) and holds only trial indexes, never specs. Tasks come out largest first, so that
 * Spark, which launches them in order, finishes with the small ones (longest-processing-time first).
 */
public final class StudyPlanner {
    private StudyPlanner() {
    }

    /** The tasks of a run, and what they add up to. */
    public static final class Plan {
        private final List<TaskPlan> tasks;
        private final long trials;
        private final double flops;

        Plan(List<TaskPlan> tasks, long trials, double flops) {
            this.tasks = tasks;
            this.trials = trials;
            this.flops = flops;
        }

        public List<TaskPlan> tasks() {
            return tasks;
        }

        /** Trials to train in this run (done ones excluded). */
        public long trials() {
            return trials;
        }

        public double flops() {
            return flops;
        }
    }

    /**
     * Plans the trials of {@code study} that {@code done} does not hold, in about {@code targetTasks}
     * tasks, the last {@code 2 x cores} of them halved: smaller tasks at the end of a run even out the
     * errors of the cost estimate, so that no core idles long while the last task finishes.
     */
    public static Plan plan(Study study, DoneTrials done, CostModel cost, int targetTasks, int cores) {
        return plan(study, done, cost, targetTasks, cores, index -> true);
    }

    /** As {@link #plan(Study, DoneTrials, CostModel, int, int)}, of only the trials {@code wanted} accepts (by index). */
    public static Plan plan(Study study, DoneTrials done, CostModel cost, int targetTasks, int cores,
            java.util.function.LongPredicate wanted) {
        double total = 0;
        long count = 0;
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext(); ) {
            StudyTrial t = it.next();
            if (wanted.test(t.index()) && !done.contains(t.index())) {
                total += cost.flops(t.spec());
                count++;
            }
        }
        double target = total / Math.max(1, targetTasks);
        Map<String, OpenTask> open = new LinkedHashMap<>();
        List<TaskPlan> tasks = new ArrayList<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext(); ) {
            StudyTrial t = it.next();
            if (!wanted.test(t.index()) || done.contains(t.index())) {
                continue;
            }
            OpenTask task = open.computeIfAbsent(t.partitionValue(), v -> new OpenTask());
            task.add(t.index(), cost.flops(t.spec()));
            if (task.cost >= target) {
                tasks.add(task.close(study.hash()));
                open.remove(t.partitionValue());
            }
        }
        for (OpenTask task : open.values()) {
            tasks.add(task.close(study.hash()));
        }
        tasks.sort(Comparator.comparingDouble(TaskPlan::estimatedCost).reversed());
        List<TaskPlan> finer = new ArrayList<>(tasks.subList(0, Math.max(0, tasks.size() - 2 * cores)));
        for (TaskPlan tail : tasks.subList(finer.size(), tasks.size())) {
            finer.addAll(halves(tail, study, cost));
        }
        finer.sort(Comparator.comparingDouble(TaskPlan::estimatedCost).reversed());
        return new Plan(List.copyOf(finer), count, total);
    }

    private static List<TaskPlan> halves(TaskPlan task, Study study, CostModel cost) {
        long[] trials = task.trialIndexes();
        if (trials.length < 2) {
            return List.of(task);
        }
        List<TaskPlan> parts = new ArrayList<>();
        for (long[] part : new long[][] {Arrays.copyOfRange(trials, 0, trials.length / 2),
            Arrays.copyOfRange(trials, trials.length / 2, trials.length)}) {
            double c = 0;
            for (long t : part) {
                c += cost.flops(study.trial(t).orElseThrow().spec());
            }
            parts.add(TaskPlan.of(study.hash(), part, c));
        }
        return parts;
    }

    /** Trial indexes and cost gathered so far for one partition value. */
    private static final class OpenTask {
        private long[] indexes = new long[16];
        private int size;
        private double cost;

        void add(long index, double flops) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
            }
            indexes[size++] = index;
            cost += flops;
        }

        TaskPlan close(String studyHash) {
            long[] trials = Arrays.copyOf(indexes, size);
            return TaskPlan.of(studyHash, trials, cost);
        }
    }
}
