package io.gradsweep.driver.cli;

import io.gradsweep.core.bench.StepBenchmark;
import io.gradsweep.driver.plan.DataShape;
import io.gradsweep.driver.plan.StudyCost;
import io.gradsweep.worker.study.Dimension;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gradsweep plan STUDY}: checks a study file in full and says what running it means: how
 * many trials, along which dimensions, how much arithmetic, roughly how much core time, and where
 * the output goes. Nothing is written; any problem exits 2 before anything is printed.
 */
@Command(name = "plan", sortOptions = false,
        description = {"validate a study file and print its trials, cost and output layout", "",
            "Checks a study file and prints its plan: name and hash, the number of trials (and of grid points x"
                    + " replicates before exclusions), each dimension with its values, the estimated work in FLOPs"
                    + " (per trial 6 x weights x training rows x epochs, or 6 x weights x the rows of max_steps steps;"
                    + " evaluation passes not counted), an estimate of the core time from this machine's measured"
                    + " speed, and the output layout.", "",
            "The speed is measured by training a network of the study's most common width (and the depth that"
                    + " holds most of its work) on random data for about --bench-seconds; the best 0.1 s slice"
                    + " counts. It is an estimate: evaluations, data loading and JVM start-up add to the real time,"
                    + " and another machine or JVM runs at another speed.", "",
            "Every problem of the file is reported with its key path (e.g. grid.lr[2], when[0].set.init), the"
                    + " value and what is allowed. Each distinct data set is loaded once to learn its size, so a"
                    + " data set that cannot be read is reported too.", "",
            "A study of more than --max-trials trials is refused with its count (the product of its dimensions"
                    + " when that alone is over the limit) and an estimate of its work, before any trial is walked;"
                    + " so is a network that cannot be built (a layer or all weights beyond one Java array's"
                    + " 2,147,483,639), with its arithmetic and the key path of the width or depth.", ""},
        footer = {"", "Exit codes: 0 the study is valid, 2 it is not (nothing is written either way)."})
public final class PlanCommand implements Callable<Integer> {
    private static final int SHOWN_VALUES = 12;
    private static final int SHOWN_PARTITIONS = 8;

    /** A measured training speed, and how long measuring took (past --bench-seconds while the JIT compiles). */
    private record Speed(double gflops, double seconds) {
    }

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "STUDY.yaml", arity = "0..*", hideParamSyntax = true,
            description = "the study file (conf/studies/README.md)")
    List<String> files = new ArrayList<>();

    @Option(names = "--bench-seconds", paramLabel = "S", defaultValue = "1",
            description = "seconds to measure this machine's training speed for the core-time estimate; 0 skips it"
                    + " (default ${DEFAULT-VALUE})")
    String benchSeconds;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "10000000",
            description = "refuse a study of more than N trials, as run does (default ${DEFAULT-VALUE})")
    String maxTrials;

    @Option(names = "--pilot", paramLabel = "DIR", description = "for an adaptive study: an output folder of it (or"
            + " of a study with the same grid and analysis block, e.g. with fixed replicates); prints each cell's"
            + " interval half-width there and the replicates it is likely to need (reads the tables on local Spark)")
    String pilot;

    private final PrintStream out;

    public PlanCommand(PrintStream out) {
        this.out = out;
    }

    /** Evaluation gaps above this fraction of the budget make a time-to-threshold endpoint coarse: plan warns. */
    static final double COARSE_EVALUATION = 0.1;

    /** Runs the command; returns the exit code. */
    @Override
    public Integer call() {
        double benchSeconds = benchSeconds(this.benchSeconds);
        long maxTrials = FlagValues.longAtLeast("--max-trials", this.maxTrials, 1);
        if (files.size() != 1) {
            throw new UsageException("expected one study file, got " + files.size()
                    + "; e.g. gradsweep plan conf/studies/quickstart.yaml");
        }
        String file = files.get(0);
        Study study;
        StudyCost cost;
        try {
            study = Study.load(Path.of(file));
            TrialLimit.check(study, maxTrials, file); // before walking a grid too large to walk
            cost = StudyCost.of(study); // checks every grid point before anything is printed
        } catch (StudyException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
        Speed speed = benchSeconds > 0 ? measure(cost, benchSeconds) : null;
        print(out, study, cost, speed, benchSeconds);
        if (pilot != null) {
            PilotEstimate.print(out, study, pilot);
        }
        return 0;
    }

    private static double benchSeconds(String text) {
        try {
            double s = Double.parseDouble(text.trim());
            if (s >= 0 && s <= 600) {
                return s;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UsageException("--bench-seconds " + text + ": must be a number from 0 (no measurement) to 600");
    }

    /** GFLOP/s of one core on the study's most common shape, or null when that network is too big to build here. */
    private static Speed measure(StudyCost cost, double seconds) {
        DataShape shape = cost.shapes().get(cost.mostCommonDataset());
        long width = cost.mostCommonWidth();
        long depth = cost.heaviestDepth();
        long bytes = 16 * shape.weights(depth, width); // weights, gradients, packed copies, optimiser state
        if (bytes > Runtime.getRuntime().maxMemory() / 4) {
            return null;
        }
        StepBenchmark bench = new StepBenchmark(shape.inputs(), (int) width, (int) depth, Math.max(2, shape.outputs()),
                (int) cost.mostCommonBatch(), "relu");
        // Best of short slices: the first ones run while the JIT still compiles the kernels, and
        // on a shared machine the best slice is the steadiest figure of what a core can do. Go on
        // past the budget (up to 5 times it) while the best still improves: a busy machine
        // compiles late, and an interpreted rate would inflate the estimate tenfold.
        long start = System.nanoTime();
        long budget = (long) (seconds * 1e9);
        double best = 0;
        long improvedAt = start;
        long now;
        do {
            double rate = bench.stepsPerSecond(0.1);
            now = System.nanoTime();
            if (rate > best * 1.3) { // a JIT tier, not noise
                improvedAt = now;
            }
            best = Math.max(best, rate);
        } while (now - start < budget || (now - improvedAt < (now - start) / 2 && now - start < 5 * budget));
        return new Speed(best * bench.flopsPerStep() / 1e9, (now - start) / 1e9);
    }

    private static void print(PrintStream out, Study study, StudyCost cost, Speed speed, double benchSeconds) {
        long excluded = study.indexSpace() - cost.trials();
        out.printf(Locale.ROOT, "study       %s  (%s)%n", study.name(), study.source());
        out.printf(Locale.ROOT, "hash        %s%n", study.hash());
        out.printf(Locale.ROOT, "trials      %,d  (index space %,d = grid points x replicates; %,d excluded)%n",
                cost.trials(), study.indexSpace(), excluded);
        // an adaptive study trains from min to max replicates per cell; every replicate of a grid
        // point costs the same (same settings), so the range is the maximum's cost scaled by min / max
        double least = study.replicationRule().map(r -> (double) r.min() / r.max()).orElse(1.0);
        if (study.replicationRule().isPresent()) {
            out.printf(Locale.ROOT, "replicates  adaptive: %s  (seed %d)%n", study.replicationRule().get(), study.seed());
            out.printf(Locale.ROOT, "cost range  %,d trials if every cell settles at the minimum, %,d if none settles"
                    + " before the maximum (the trials line counts the maximum)%n", Math.round(cost.trials() * least), cost.trials());
        } else {
            out.printf(Locale.ROOT, "replicates  %d  (seed %d)%n", study.replicates(), study.seed());
        }
        List<Dimension> dims = study.dimensions();
        if (dims.isEmpty()) {
            out.println("dimensions  none: one grid point");
        }
        for (int i = 0; i < dims.size(); i++) {
            out.printf(Locale.ROOT, "%-12s%s (%d): %s%n", i == 0 ? "dimensions" : "", dims.get(i).name(),
                    dims.get(i).size(), shown(dims.get(i).values()));
        }
        if (!study.thresholds().isEmpty()) {
            out.printf(Locale.ROOT, "thresholds  %s%n", study.thresholds());
        }
        boolean first = true;
        for (Map.Entry<String, DataShape> e : cost.shapes().entrySet()) {
            DataShape s = e.getValue();
            out.printf(Locale.ROOT, "%-12s%s: %,d training rows, %d inputs, %d outputs%n", first ? "data" : "",
                    e.getKey(), s.trainRows(), s.inputs(), s.outputs());
            first = false;
        }
        out.printf(Locale.ROOT, "work        %sFLOPs, estimated (6 x weights x rows trained on; evaluations not"
                + " counted)%n", range(cost.flops(), least, ""));
        if (cost.sharpnessFlops() > 0) {
            out.printf(Locale.ROOT, "            of which sharpness %.3g FLOPs: sharpness_iterations x 2 gradient passes"
                    + " over the sharpness rows per measured point, at the cap%n", cost.sharpnessFlops());
        }
        if (speed == null) {
            out.println("speed       not measured" + (benchSeconds > 0 ? ": the most common network is too large"
                    + " to benchmark in this JVM" : " (--bench-seconds 0)"));
        } else {
            out.printf(Locale.ROOT, "speed       %.1f GFLOP/s on one core, best 0.1 s slice of %.1f s measured here"
                    + " (width %d, depth %d, batch %d)%n", speed.gflops(), speed.seconds(), cost.mostCommonWidth(), cost.heaviestDepth(),
                    cost.mostCommonBatch());
            out.printf(Locale.ROOT, "core time   %s on one core, an estimate: work / speed; evaluations, data loading"
                    + " and JVM start-up add to it%n", coreTime(cost.flops() / (speed.gflops() * 1e9), least));
        }
        String partition = study.partitionBy() + "=<value>";
        out.printf(Locale.ROOT, "output      trials/%s/  one row per trial; %s%n", partition, partitions(cost));
        out.printf(Locale.ROOT, "            traces/%s/  one row per evaluation point of each trial%n", partition);
        if (!study.thresholds().isEmpty() && cost.coarsestEvaluation() > COARSE_EVALUATION) {
            out.printf(Locale.ROOT, "warning     evaluation points are up to %.0f%% of a trial's budget apart late in"
                    + " training (once per epoch, or eval_every_steps): a time to a threshold is known only to that"
                    + " interval, coarser than %.0f%%; more epochs or a smaller eval_every_steps give a finer time%n",
                    100 * cost.coarsestEvaluation(), 100 * COARSE_EVALUATION);
        }
    }

    /** "x " for a fixed study; "least*x to x " for an adaptive one. */
    private static String range(double max, double least, String unit) {
        return least < 1 ? String.format(Locale.ROOT, "%.3g to %.3g %s", max * least, max, unit)
                : String.format(Locale.ROOT, "%.3g %s", max, unit);
    }

    /** Seconds on one core for people; "least*x to x" for an adaptive study. */
    private static String coreTime(double seconds, double least) {
        return least < 1 ? HumanText.duration(seconds * least) + " to " + HumanText.duration(seconds)
                : HumanText.duration(seconds);
    }

    private static String shown(List<String> values) {
        if (values.size() <= SHOWN_VALUES) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, SHOWN_VALUES - 2)) + ", ... " + values.get(values.size() - 1)
                + " (" + (values.size() - SHOWN_VALUES + 1) + " not shown)";
    }

    private static String partitions(StudyCost cost) {
        Map<String, Long> p = cost.partitions();
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, Long> e : p.entrySet()) {
            if (items.size() == SHOWN_PARTITIONS) {
                items.add("...");
                break;
            }
            items.add(e.getKey() + " (" + e.getValue() + ")");
        }
        String count = cost.morePartitions() ? "more than " + p.size() : Integer.toString(p.size());
        return count + " partition" + (p.size() == 1 ? "" : "s") + ": " + String.join(", ", items);
    }
}
