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
import java.util.Map;
import io.gradsweep.driver.sweep.HadoopSettings;

/** {@code gradsweep run STUDY --out DIR}: train a study's trials on Spark into Parquet, resuming what is there. */
public final class RunCommand {
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]|local-cluster\\[[1-9]\\d*,[1-9]\\d*,[1-9]\\d*]"
            + "|spark://\\S+|yarn|k8s://\\S+");
    /** 128 + SIGINT, what a shell reports for a command ended by Ctrl-C. */
    static final int INTERRUPTED = 130;

    private RunCommand() {
    }

    public static String help() {
        return """
                Usage: gradsweep run STUDY.yaml --out DIR [--master URL] [--properties-file FILE] [--partitions N]
                                         [--replace] [--fail-fast] [--max-trials N]

                Validates the study, then trains every trial not yet in DIR on Spark (local[*] unless --master
                says otherwise) and writes DIR/trials/ and DIR/traces/ (Parquet) and DIR/manifest.json.
                Running it again on the same DIR resumes: only missing trials are trained. DIR may be any
                Hadoop filesystem URI (file:, hdfs:, s3a: with its jars and settings).

                  --out DIR          output folder (created if missing)
                  --master URL       Spark master, e.g. local[2], spark://host:7077 (default local[*],
                                     or what spark-submit or --properties-file set)
                  --properties-file FILE  Spark settings, one 'spark.key value' a line, as spark-submit
                                     takes them, e.g. the spark.conf of bin/gradsweep-cluster start
                                     (master, authentication secret, event log); a file holding a
                                     secret must be readable by its owner only
                  --partitions N     number of tasks to pack the trials into (default 8 x cores)
                  --replace          DIR holds another study: delete it (only if it has a gradsweep
                                     manifest, and only the files gradsweep writes, never through a
                                     link; any other non-empty folder is refused) and start over
                  --fail-fast        stop the run at the first failed trial
                  --progress-seconds S  seconds between progress lines (default 5)
                  --max-trials N     refuse a study of more than N trials (default 10000000), with
                                     its count and cost estimate; the study's own max_trials key is
                                     a separate cap its author sets

                One run at a time per DIR: a run holds DIR/_gradsweep.lock (host, pid, heartbeat) and a
                second run is refused while it lives. A lock left by a run that died is taken over once
                its heartbeat is 2 minutes old, or at once if its process on this host is gone.

                A spark:// master is asked for once, within 8 s, before the driver registers: a cluster
                that refuses this driver's secret (or its lack of one) is reported as such at once.

                Ctrl-C (SIGINT) or SIGTERM stops the run in order: tasks cancelled, the manifest says
                interrupted, the lock released; run the same command again to resume.

                Exit codes: 0 done, 1 the Spark job failed (or the disk is full: the manifest says
                failed: no space), 2 bad input (the study file, the flags, a DIR that is not this
                study's, or a cluster that refused authentication), 3 DIR is locked by another run,
                130 interrupted.
                """;
    }

    public static int run(String[] args, PrintStream out) {
        Flags flags = Flags.parse(args, List.of("help", "replace", "fail_fast"));
        if (flags.has("help")) {
            out.print(help());
            return 0;
        }
        if (flags.positional().size() != 1) {
            throw new UsageException("run takes one study file, got " + flags.positional() + "; see gradsweep run --help");
        }
        String outDir = flags.take("out", null);
        if (outDir == null) {
            throw new UsageException("--out DIR is required: where the tables and the manifest go");
        }
        if (outDir.isBlank()) {
            throw new UsageException("--out '" + outDir + "': empty; name the folder for the tables and the manifest"
                    + " (e.g. --out quickstart-out; '.' for the current folder)");
        }
        Sweep.Options options = new Sweep.Options();
        options.master = checkMaster(flags.take("master", null));
        String propertiesFile = flags.take("properties_file", null);
        options.sparkSettings = sparkSettings(propertiesFile);
        if (options.sparkSettings.containsKey("spark.master")) {
            checkMaster("spark.master in --properties-file " + propertiesFile, options.sparkSettings.get("spark.master"));
        }
        options.partitions = flags.takeInt("partitions", 0, 1);
        options.replace = flags.takeSwitch("replace");
        options.failFast = flags.takeSwitch("fail_fast");
        options.progressMillis = (long) (flags.takePositive("progress_seconds", 5) * 1000);
        long maxTrials = flags.takeLong("max_trials", TrialLimit.DEFAULT, 1);
        rejectUnknown(flags, "run");
        String studyFile = flags.positional().get(0);
        Study study = loadStudy(studyFile, maxTrials);
        if (study.replicationRule().isPresent()) {
            // plan reads and costs a rule; training by rounds is not built yet, and running the
            // maximum everywhere would silently ignore the rule
            throw new UsageException(studyFile + ": replicates: " + study.replicationRule().get() + " is an adaptive rule,"
                    + " which plan estimates but run does not train by rounds yet; write replicates: N (e.g. "
                    + study.replicationRule().get().max() + ", the rule's maximum) to run it");
        }
        OutputFolder folder = OutputFolder.at(outDir, HadoopSettings.fromSystemProperties());
        Sweep sweep = new Sweep(study, folder, options, out);
        try {
            Sweep.Result r = sweep.run();
            out.printf(Locale.ROOT, "done: %d trials trained this run (%d were already done); by status: %s%n",
                    r.trained, r.alreadyDone, r.counts);
            if (r.trained > 0) {
                out.printf(Locale.ROOT, "spark start %.1f s, training job %.1f s on %d cores, sweep efficiency %.1f%%"
                        + " (training %.1f s, in tasks %.1f s)%n", r.sparkStartSeconds, r.jobSeconds, r.cores,
                        100 * r.efficiency(), r.trainingSeconds, r.taskSeconds);
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

    static void rejectUnknown(Flags flags, String command) {
        Map<String, String> rest = flags.remaining();
        if (!rest.isEmpty()) {
            throw new UsageException("unknown flag --" + rest.keySet().iterator().next().replace('_', '-')
                    + "; see gradsweep " + command + " --help");
        }
    }
}
