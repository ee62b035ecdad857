package io.gradsweep.driver.cli;

import io.gradsweep.driver.plan.NetworkCheck;
import io.gradsweep.driver.sweep.MasterPreflight;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.SparkPropertiesFile;
import io.gradsweep.driver.sweep.Sweep;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import io.gradsweep.driver.sweep.HadoopSettings;

/** {@code gradsweep run STUDY --out DIR}: train a study's trials on Spark into Parquet, resuming what is there. */
@Command(name = "run", sortOptions = false,
        description = {"train a study's trials on Spark into Parquet (resumes what is there)", "",
            "Validates the study, then trains every trial not yet in DIR on Spark (local[*] unless --master says"
                    + " otherwise) and writes DIR/trials/ and DIR/traces/ (Parquet) and DIR/manifest.json. Running it"
                    + " again on the same DIR resumes: only missing trials are trained. DIR may be any Hadoop"
                    + " filesystem URI (file:, hdfs:, s3a: with its jars and settings).", "",
            "A study whose replicates is a rule ({min, max, step, half_width}) is trained by rounds: min replicates"
                    + " of every cell, then step more only for the cells whose primary paired effect's interval is"
                    + " still wider than half_width, until each is settled or at max; the manifest records the rounds,"
                    + " and a rerun replays them from the committed trials.", ""},
        footer = {"",
            "One run at a time per DIR: a run holds DIR/_gradsweep.lock (host, pid, heartbeat) and a second run is"
                    + " refused while it lives. A lock left by a run that died is taken over once its heartbeat is"
                    + " 2 minutes old, or at once if its process on this host is gone.", "",
            "A spark:// master is asked for once, within 8 s, before the driver registers: a cluster that refuses"
                    + " this driver's secret (or its lack of one) is reported as such at once.", "",
            "Ctrl-C (SIGINT) or SIGTERM stops the run in order: tasks cancelled, the manifest says interrupted, the"
                    + " lock released; run the same command again to resume.", "",
            "Exit codes: 0 done, 1 the Spark job failed (or the disk is full: the manifest says failed: no space),"
                    + " 2 bad input (the study file, the flags, a DIR that is not this study's, or a cluster that"
                    + " refused authentication), 3 DIR is locked by another run, 130 interrupted."})
public final class RunCommand implements Callable<Integer> {
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]|local-cluster\\[[1-9]\\d*,[1-9]\\d*,[1-9]\\d*]"
            + "|spark://\\S+|yarn|k8s://\\S+");
    /** 128 + SIGINT, what a shell reports for a command ended by Ctrl-C. */
    static final int INTERRUPTED = 130;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "STUDY.yaml", arity = "0..*", hideParamSyntax = true,
            description = "the study file (conf/studies/README.md)")
    List<String> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "where the tables and the manifest go (a folder, created if missing)")
    String outDir;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2], spark://host:7077"
            + " (default local[*], or what spark-submit or --properties-file set)")
    String master;

    @Option(names = "--properties-file", paramLabel = "FILE", description = "Spark settings, one 'spark.key value' a"
            + " line, as spark-submit takes them, e.g. the spark.conf of bin/gradsweep-cluster start (master,"
            + " authentication secret, event log); a file holding a secret must be readable by its owner only")
    String propertiesFile;

    @Option(names = "--partitions", paramLabel = "N",
            description = "number of tasks to pack the trials into (default 8 x cores)")
    String partitions;

    @Option(names = "--replace", arity = "0..1", paramLabel = "true|false", converter = SwitchValue.class,
            defaultValue = "false", fallbackValue = "true", description = "DIR holds another study: delete it (only if"
            + " it has a gradsweep manifest, and only the files gradsweep writes, never through a link; any other"
            + " non-empty folder is refused) and start over")
    boolean replace;

    @Option(names = "--fail-fast", arity = "0..1", paramLabel = "true|false", converter = SwitchValue.class,
            defaultValue = "false", fallbackValue = "true", description = "stop the run at the first failed trial")
    boolean failFast;

    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "5",
            description = "seconds between progress lines (default ${DEFAULT-VALUE})")
    String progressSeconds;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "10000000",
            description = "refuse a study of more than N trials (default ${DEFAULT-VALUE}), with its count and cost"
                    + " estimate; the study's own max_trials key is a separate cap its author sets")
    String maxTrials;

    private final PrintStream out;

    public RunCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (files.size() != 1) {
            throw new UsageException("run takes one study file, got " + files + "; see gradsweep run --help");
        }
        if (outDir.isBlank()) {
            throw new UsageException("--out '" + outDir + "': empty; name the folder for the tables and the manifest"
                    + " (e.g. --out quickstart-out; '.' for the current folder)");
        }
        Sweep.Options options = new Sweep.Options();
        options.master = checkMaster(master);
        options.sparkSettings = sparkSettings(propertiesFile);
        if (options.sparkSettings.containsKey("spark.master")) {
            checkMaster("spark.master in --properties-file " + propertiesFile, options.sparkSettings.get("spark.master"));
        }
        options.partitions = partitions == null ? 0 : FlagValues.intAtLeast("--partitions", partitions, 1);
        options.replace = replace;
        options.failFast = failFast;
        options.progressMillis = (long) (FlagValues.positive("--progress-seconds", progressSeconds) * 1000);
        long maxTrials = FlagValues.longAtLeast("--max-trials", this.maxTrials, 1);
        String studyFile = files.get(0);
        Study study = loadStudy(studyFile, maxTrials);
        OutputFolder folder = OutputFolder.at(outDir, HadoopSettings.fromSystemProperties());
        Sweep sweep = new Sweep(study, folder, options, out);
        try {
            Sweep.Result r = sweep.run();
            out.printf(Locale.ROOT, "done: %,d trials trained this run (%,d were already done); by status: %s%n",
                    r.trained, r.alreadyDone, HumanText.counts(r.counts));
            if (r.trained > 0) {
                out.printf(Locale.ROOT, "spark start %s, training job %s on %d cores, sweep efficiency %.1f%%"
                        + " (training %s, in tasks %s)%n", HumanText.duration(r.sparkStartSeconds),
                        HumanText.duration(r.jobSeconds), r.cores, 100 * r.efficiency(),
                        HumanText.duration(r.trainingSeconds), HumanText.duration(r.taskSeconds));
            }
            out.println("output: " + folder.uri());
            return 0;
        } catch (Sweep.FolderRefused | MasterPreflight.Refused e) {
            throw new UsageException(e.getMessage());
        } catch (Sweep.Interrupted e) {
            out.println(e.getMessage());
            return INTERRUPTED;
        } catch (Sweep.NoSpace e) {
            out.println("failed: no space left: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UsageException("cannot use " + outDir + ": " + e.getMessage());
        }
    }

    /** The settings of a Spark properties file (--properties-file), or none when {@code file} is null. */
    static java.util.Map<String, String> sparkSettings(String file) {
        if (file == null) {
            return java.util.Map.of();
        }
        try {
            return SparkPropertiesFile.read(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--properties-file " + file + ": " + e.getMessage());
        }
    }

    /** Returns {@code master} if it is a Spark master URL (or null), else refuses it with the forms allowed. */
    static String checkMaster(String master) {
        return checkMaster("--master", master);
    }

    /** As {@link #checkMaster(String)}, naming {@code where} the value came from. */
    static String checkMaster(String where, String master) {
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new UsageException(where + " " + master + ": not a Spark master URL; use local, local[N],"
                    + " local[*], local[N,F], local-cluster[N,C,M] (each number at least 1), spark://HOST:PORT,"
                    + " yarn or k8s://URL");
        }
        return master;
    }

    /** Parses and checks the whole study, its size and every grid point, before anything starts. */
    static Study loadStudy(String file, long maxTrials) {
        try {
            Study study = Study.load(Path.of(file));
            TrialLimit.check(study, maxTrials, file); // before walking every point of a grid too large to run
            study.trialCount(); // walks every point: rules between settings are checked here
            NetworkCheck.check(study); // a network no executor could build, refused before Spark starts
            return study;
        } catch (StudyException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
