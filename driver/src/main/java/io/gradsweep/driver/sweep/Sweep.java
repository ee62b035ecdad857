package io.gradsweep.driver.sweep;

import io.gradsweep.core.CodeVersion;
import io.gradsweep.driver.analysis.CellPrecision;
import io.gradsweep.driver.analysis.StudyTables;
import io.gradsweep.worker.folder.AdaptiveRound;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.folder.RunFence;
import io.gradsweep.worker.study.ReplicationRule;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import io.gradsweep.worker.task.TaskOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * One run of a study into an output folder: check the folder, plan what is missing, train it on
 * Spark, and keep the manifest true at every step. The steps are named methods so that the
 * pipeline reads top to bottom in {@link #run}.
 */
public final class Sweep {
    /**
     * Tasks per core by default: enough that the estimated costs' errors even out at the end of a
     * run (the last tasks leave cores idle), few enough that files stay large.
     */
    private static final int TASKS_PER_CORE = 8;
    /** How long the clean-up after a failed run waits for local tasks that were still running (see LocalTaskThreads). */
    private static final java.time.Duration TASK_END_WAIT = java.time.Duration.ofSeconds(30);

    /** At least this much disk is set aside for the manifest that ends a run (see OutputFolder.reserveSpace). */
    private static final int MANIFEST_RESERVE_BYTES = 64 * 1024;

    /** How a run is asked for. */
    public static final class Options {
        public String master;
        /** Spark settings from a properties file (--properties-file); system properties win over them. */
        public Map<String, String> sparkSettings = Map.of();
        public int partitions;
        public boolean replace;
        public boolean failFast;
        public long progressMillis = 5000;
    }

    /** What a run did. */
    public static final class Result {
        public long trained;
        public long alreadyDone;
        public Map<String, Long> counts;
        public double sparkStartSeconds;
        public double jobSeconds;
        public double trainingSeconds;
        /** Wall time inside tasks, training included: the rest of taskSeconds is writing Parquet and planning trials. */
        public double taskSeconds;
        public int cores;

        /** Training time over (job wall time x cores): how much of the cluster trained. */
        public double efficiency() {
            return jobSeconds <= 0 ? 0 : trainingSeconds / (jobSeconds * cores);
        }
    }

    private final Study study;
    private final OutputFolder folder;
    /** An adaptive run's rounds so far, so that a run that ends early still records them. */
    private List<AdaptiveRound> rounds = List.of();
    private final Options options;
    private final PrintStream log;

    public Sweep(Study study, OutputFolder folder, Options options, PrintStream log) {
        this.study = study;
        this.folder = folder;
        this.options = options;
        this.log = log;
    }

    /**
     * Refuses a folder that is not this study's (unless asked to replace a gradsweep folder).
     * Reads only: runs before Spark starts and before the lock is taken, so a refusal writes
     * nothing. {@link #run} checks again under the lock and only then deletes.
     */
    public void checkFolder() throws IOException {
        mustReplace();
    }

    /** True when the folder holds another study and --replace says delete it; throws when it may not be used. */
    private boolean mustReplace() throws IOException {
        Optional<Manifest> existing;
        try {
            existing = folder.manifest();
        } catch (OutputFolder.NotOurs e) {
            throw new FolderRefused(e.getMessage()); // --replace or not: a folder that is not ours is never touched
        }
        if (existing.isPresent()) {
            String hash = existing.get().studyHash();
            if (!hash.equals(study.hash())) {
                if (!options.replace) {
                    throw new FolderRefused(folder.uri() + " holds another study ('" + existing.get().study()
                            + "', hash " + hash.substring(0, 12) + "); use --replace to delete"
                            + " it and start over, or choose another --out");
                }
                return true;
            }
        } else if (!folder.isEmpty()) {
            throw new FolderRefused(folder.uri() + " is not empty and holds no " + OutputFolder.MANIFEST
                    + ": not a gradsweep output folder; choose an empty or new folder");
        }
        return false;
    }

    /**
     * Checks the folder, takes its lock (refused with {@link RunLock.Held} while another run
     * holds it), replaces it if asked, trains, and releases the lock however the run ends.
     */
    public Result run() throws IOException {
        checkFolder();
        try (RunLock lock = RunLock.acquire(folder, study.name(), log)) {
            if (mustReplace()) { // again under the lock: another run may have changed the folder meanwhile
                log.println("replacing " + folder.uri() + " (study '" + folder.manifest().map(Manifest::study)
                        .orElse("?") + "')");
                List<org.apache.hadoop.fs.Path> kept = folder.deleteOwnFolder();
                for (org.apache.hadoop.fs.Path p : kept) {
                    log.println("kept " + p + ": not a file gradsweep writes");
                }
            }
            try (Interrupts interrupts = Interrupts.watch(log)) {
                return train(lock.fence(), interrupts);
            }
        }
    }

    private Result train(RunFence fence, Interrupts interrupts) throws IOException {
        Result result = new Result();
        long sparkStart = System.nanoTime();
        SparkSession spark = SparkSessions.start(options.master, "gradsweep " + study.name(), options.sparkSettings);
        interrupts.onInterrupt(() -> spark.sparkContext().cancelAllJobs());
        Manifest manifest = null;
        boolean ended = false;
        try {
            result.sparkStartSeconds = (System.nanoTime() - sparkStart) / 1e9;
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            printWhereToLook(spark);
            result.cores = ClusterCores.await(spark.sparkContext(), log);
            interrupts.check();
            CommittedTables tables = repair();
            DoneTrials done = DoneTrials.of(tables.gridIndexes());
            result.alreadyDone = done.size();
            int targetTasks = options.partitions > 0 ? options.partitions : TASKS_PER_CORE * result.cores;
            if (study.replicationRule().isPresent()) {
                log.printf(Locale.ROOT, "study %s: adaptive, %s; %d trials at most, %d already done, on %d cores%n",
                        study.name(), study.replicationRule().get(), study.trialCount(), done.size(), result.cores);
                manifest = manifest(spark);
                folder.writeManifest(manifest);
                reserveRoomFor(manifest);
                manifest = trainByRounds(spark, jsc, fence, interrupts, result, targetTasks, manifest);
            } else {
                StudyPlanner.Plan plan = StudyPlanner.plan(study, done, new CostModel(), targetTasks, result.cores);
                log.printf(Locale.ROOT, "study %s: %d trials, %d already done, %d to train in %d tasks on %d cores%n",
                        study.name(), study.trialCount(), done.size(), plan.trials(), plan.tasks().size(), result.cores);
                manifest = manifest(spark);
                folder.writeManifest(manifest);
                reserveRoomFor(manifest);
                interrupts.check();
                if (!plan.tasks().isEmpty()) {
                    train(jsc, plan, fence, result);
                }
                result.trained = plan.trials();
            }
            interrupts.check();
            result.counts = folder.tables(study.hash()).countsByStatus();
            folder.writeManifest(manifest.withCounts(result.counts).withState(Manifest.State.COMPLETE, Optional.empty(),
                    Optional.empty(), Optional.of(Instant.now().toString())));
            ended = true;
            return result;
        } catch (Exception | FSError e) { // Spark's SparkException is checked but arrives undeclared from Scala
            RunEnd end = interrupts.interrupted() ? RunEnd.interrupted() : RunEnd.of(e);
            recordEnd(manifest, end, e);
            if (end.state() == Manifest.State.INTERRUPTED) {
                throw new Interrupted();
            }
            if (end.failure().isPresent()) {
                throw new NoSpace(folder.uri() + ": " + end.message());
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            boolean local = spark.sparkContext().isLocal();
            spark.stop();
            if (!ended) {
                if (local && !interrupts.interrupted() && !LocalTaskThreads.awaitNone(TASK_END_WAIT)) {
                    log.println("warning: a task of the stopped job is still running after " + TASK_END_WAIT.toSeconds()
                            + " s; what it leaves behind, the next run removes");
                }
                removeLeftovers(fence);
            }
            try {
                folder.releaseSpace();
            } catch (IOException | RuntimeException | FSError e) {
                log.println("warning: could not delete the reserve file in " + folder.uri() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Adaptive replication: round 1 trains the rule's minimum of every cell (all arms of a cell
     * together, since the effect is paired); after each round each cell's half-width is computed
     * from the committed trials of the replicates decided so far, and the next round trains the
     * missing trials of the open cells only, until none is open. Every decision depends only on
     * the (deterministic) trials of earlier rounds, so a rerun after a kill replays the same rounds
     * from the committed trials and trains only what is missing. Returns the manifest with the rounds.
     */
    private Manifest trainByRounds(SparkSession spark, JavaSparkContext jsc, RunFence fence, Interrupts interrupts,
            Result result, int targetTasks, Manifest manifest) throws IOException {
        ReplicationRule rule = study.replicationRule().orElseThrow();
        CellPrecision precision = new CellPrecision(study);
        int max = study.replicates(); // the index space holds the maximum: trial = point * max + replicate
        Map<Long, List<String>> cellOfPoint = new HashMap<>();
        Map<List<String>, Integer> replicates = new LinkedHashMap<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext(); ) {
            StudyTrial t = it.next();
            if (t.index() % max == 0) {
                List<String> cell = precision.cellOf(t);
                cellOfPoint.put(t.index() / max, cell);
                replicates.putIfAbsent(cell, rule.min());
            }
        }
        StudyTables.fewShufflePartitions(spark); // the rounds' queries are small
        List<AdaptiveRound> recorded = new ArrayList<>();
        Map<List<String>, AdaptiveRounds.Cell> decided = null;
        for (int round = 1; ; round++) {
            Map<List<String>, Integer> n = new LinkedHashMap<>(replicates);
            DoneTrials done = DoneTrials.of(folder.tables(study.hash()).gridIndexes());
            StudyPlanner.Plan plan = StudyPlanner.plan(study, done, new CostModel(), targetTasks, result.cores,
                    index -> index % max < n.get(cellOfPoint.get(index / max)));
            log.println(AdaptiveRounds.describe(round, decided, n, plan.trials()));
            recorded.add(new AdaptiveRound(round, cells(precision, n, null)));
            this.rounds = List.copyOf(recorded);
            manifest = manifest.withRounds(recorded);
            folder.writeManifest(manifest);
            interrupts.check();
            if (!plan.tasks().isEmpty()) {
                train(jsc, plan, fence, result);
            }
            result.trained += plan.trials();
            interrupts.check();
            decided = AdaptiveRounds.decide(rule, n, precision.halfWidths(spark, folder, n, log));
            recorded.set(recorded.size() - 1, new AdaptiveRound(round, cells(precision, n, decided)));
            this.rounds = List.copyOf(recorded);
            manifest = manifest.withRounds(recorded);
            folder.writeManifest(manifest);
            reserveRoomFor(manifest); // the rounds make it grow
            if (AdaptiveRounds.finished(decided)) {
                log.println(recorded.get(recorded.size() - 1).describe() + ": done");
                return manifest;
            }
            decided.forEach((cell, d) -> replicates.put(cell, d.next()));
        }
    }

    /** Room for the last manifest (a few times this one's size), should the tasks fill the disk. */
    private void reserveRoomFor(Manifest manifest) throws IOException {
        folder.reserveSpace(Math.max(MANIFEST_RESERVE_BYTES, 4 * manifest.toJson().length));
    }

    /** The manifest's record of a round's cells: all training while {@code decided} is null. */
    private static List<AdaptiveRound.Cell> cells(CellPrecision precision, Map<List<String>, Integer> n,
            Map<List<String>, AdaptiveRounds.Cell> decided) {
        List<AdaptiveRound.Cell> cells = new ArrayList<>();
        n.forEach((cell, k) -> {
            AdaptiveRounds.Cell d = decided == null ? null : decided.get(cell);
            cells.add(new AdaptiveRound.Cell(precision.label(cell), k,
                    d == null || !Double.isFinite(d.halfWidth()) ? Double.NaN : d.halfWidth(),
                    d == null ? AdaptiveRound.CellState.TRAINING : switch (d.state()) {
                        case SETTLED -> AdaptiveRound.CellState.SETTLED;
                        case AT_MAX -> AdaptiveRound.CellState.AT_MAX;
                        case OPEN -> AdaptiveRound.CellState.OPEN;
                    }));
        });
        return cells;
    }

    /**
     * Reads what earlier runs committed, says what is not counted and why, and deletes what is
     * provably ours and not whole (hidden temporaries, orphaned traces, empty or truncated part
     * files): their trials are trained again.
     */
    private CommittedTables repair() throws IOException {
        CommittedTables tables = folder.tables(study.hash());
        for (CommittedTables.Problem p : tables.problems()) {
            log.println((p.repairable() ? "repairing: " : "warning: ") + p.describe());
        }
        List<org.apache.hadoop.fs.Path> removed = folder.repair(tables);
        if (removed.isEmpty()) {
            return tables;
        }
        log.println("removed " + removed.size() + " uncommitted file(s) of an interrupted run");
        return folder.tables(study.hash());
    }

    /**
     * After a run that failed or was interrupted, once Spark has stopped: a task that was still
     * writing when the job ended (killed, or racing the failure) can leave its hidden temporary
     * behind. While this run still holds the lock every uncommitted file here is its own and is
     * deleted; if another run has taken the lock over, nothing is touched.
     */
    private void removeLeftovers(RunFence fence) {
        try {
            List<org.apache.hadoop.fs.Path> removed = folder.removeUncommittedWhileHolding(fence, study.hash());
            if (!removed.isEmpty()) {
                log.println("removed " + removed.size() + " uncommitted file(s) left by the stopped tasks");
            }
        } catch (RunFence.Lost e) {
            log.println("not removing uncommitted files: " + e.getMessage());
        } catch (IOException | RuntimeException | FSError e) {
            log.println("warning: could not remove the stopped tasks' temporaries in " + folder.uri() + ": "
                    + e.getMessage() + " (the next run removes them)");
        }
    }

    /** Writes how the run ended into the manifest, if it got that far; a failure to do so is logged, not thrown. */
    private void recordEnd(Manifest manifest, RunEnd end, Throwable cause) {
        try {
            folder.releaseSpace(); // on a full disk, the room the manifest is written in
            Manifest m = manifest != null ? manifest : folder.manifest().orElse(null);
            if (m != null && !rounds.isEmpty()) {
                m = m.withRounds(rounds);
            }
            if (m != null) {
                folder.writeManifest(m.withState(end.state(), end.failure(), Optional.of(end.message()),
                        Optional.of(Instant.now().toString())));
            }
        } catch (IOException | RuntimeException | FSError e) {
            cause.addSuppressed(e);
            log.println("warning: could not record the run's end (" + end.state().label() + ") in the manifest: "
                    + e.getMessage());
        }
    }

    /** Where to watch the run (Spark UI) and inspect it afterwards (event log, for the History Server). */
    private void printWhereToLook(SparkSession spark) {
        var sc = spark.sparkContext();
        if (sc.uiWebUrl().isDefined()) {
            log.println("Spark UI: " + sc.uiWebUrl().get() + " (master " + sc.master() + ", application " + sc.applicationId() + ")");
        }
        if (sc.getConf().getBoolean("spark.eventLog.enabled", false)) {
            log.println("event log: " + sc.getConf().get("spark.eventLog.dir", "") + " (for Spark's History Server)");
        }
    }

    private void train(JavaSparkContext jsc, StudyPlanner.Plan plan, RunFence fence, Result result) {
        LongAccumulator[] counts = {
            jsc.sc().longAccumulator("ok"), jsc.sc().longAccumulator("diverged"),
            jsc.sc().longAccumulator("failed"), jsc.sc().longAccumulator("timeout")};
        Broadcast<String> text = jsc.broadcast(study.text());
        Map<String, String> hadoop = new HashMap<>();
        for (Tuple2<String, String> kv : jsc.getConf().getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                hadoop.put(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        RunTask task = new RunTask(text, folder.uri(), hadoop, CodeVersion.get(), options.failFast, fence, counts);
        long start = System.nanoTime();
        List<TaskOutcome> outcomes;
        try (Progress progress = new Progress(log, plan.trials(), counts, options.progressMillis)) {
            outcomes = jsc.parallelize(plan.tasks(), plan.tasks().size()).map(task).collect();
        }
        // added up: an adaptive run trains a job per round
        result.jobSeconds += (System.nanoTime() - start) / 1e9;
        long trainingNanos = 0;
        long taskNanos = 0;
        for (TaskOutcome o : outcomes) {
            trainingNanos += o.trainingNanos();
            taskNanos += o.taskNanos();
        }
        result.trainingSeconds += trainingNanos / 1e9;
        result.taskSeconds += taskNanos / 1e9;
    }

    /** The manifest of a run that is starting. */
    private Manifest manifest(SparkSession spark) {
        Map<String, String> sparkSettings = new TreeMap<>();
        for (Tuple2<String, String> kv : spark.sparkContext().getConf().getAll()) {
            sparkSettings.put(kv._1(), SecretSettings.shown(kv._1(), kv._2()));
        }
        return new Manifest(study.name(), study.hash(), CodeVersion.get(), Manifest.State.RUNNING, Optional.empty(),
                Optional.empty(), study.trialCount(), study.partitionBy(), Instant.now().toString(), Optional.empty(),
                Map.of(), sparkSettings, study.text()).withJdk(Manifest.thisJdk());
    }

    /** The run was interrupted (SIGINT, SIGTERM): tasks cancelled, manifest says so, lock released. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted; run the same command again to resume");
        }
    }

    /** The output folder's file system is full; the manifest says so. */
    public static final class NoSpace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSpace(String message) {
            super(message);
        }
    }

    /** The output folder belongs to something else; nothing was written. */
    public static final class FolderRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FolderRefused(String message) {
            super(message);
        }
    }
}
