package io.gradsweep.driver.cli;

import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TraceSink;
import io.gradsweep.core.trace.TrialStatus;
import io.gradsweep.core.trace.TrialSummary;
import io.gradsweep.core.train.SpecException;
import io.gradsweep.core.train.Trainer;
import io.gradsweep.core.train.TrialSetup;
import io.gradsweep.core.train.TrialSpec;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import java.util.Map;

/** {@code gradsweep train}: one trial on this machine, its trace printed as a table or CSV. */
public final class TrainCommand implements Callable<Integer> {
    private static final String FORMAT = "--format";

    private final PrintStream out;
    /** Each trial setting's flag and its key, e.g. --init-gain and init_gain. */
    private final Map<OptionSpec, String> settingFlags = new LinkedHashMap<>();
    private CommandSpec spec;

    private TrainCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * The command, built from {@link TrialSpec#describeSettings()}: every trial setting is a flag
     * (underscores become dashes), with its default, its allowed values and its help, so that a
     * setting added to the trainer is a flag and in the help without touching this class.
     */
    public static CommandSpec spec(PrintStream out) {
        TrainCommand command = new TrainCommand(out);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("train");
        spec.addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
        spec.usageMessage().sortOptions(false).abbreviateSynopsis(true).description(
                "train one trial on this machine and print its trace and summary", "",
                "Trains one trial on one core and prints its trace (one row per evaluation point) and its"
                        + " summary. Every trial setting of a study file is a flag; dashes and underscores are the"
                        + " same (--test-fraction = --test_fraction).", "",
                "Example:", "  gradsweep train --dataset digits --activation elu --depth 8 --lr 0.01 --epochs 20", "")
                .footer("", "Exit codes: 0 the trial ran (status ok, diverged or timeout), 1 it failed, 2 bad input.");
        spec.addOption(OptionSpec.builder(FORMAT).paramLabel("table|csv").type(String.class).defaultValue("table")
                .description("table: rounded for reading; csv: every value at full precision, per-layer arrays"
                        + " joined by ';', the summary on stderr (default ${DEFAULT-VALUE})").build());
        for (String[] row : TrialSpec.describeSettings()) {
            String key = row[0];
            OptionSpec option = OptionSpec.builder("--" + key.replace('_', '-')).type(String.class)
                    .paramLabel(label(row[2])).defaultValue(row[1])
                    .description(escaped(row[3]) + " (default ${DEFAULT-VALUE}; " + escaped(row[2]) + ")").build();
            spec.addOption(option);
            command.settingFlags.put(option, key);
        }
        command.spec = spec;
        return spec;
    }

    /** A placeholder for the value, from what the setting allows. */
    private static String label(String allowed) {
        if (allowed.startsWith("an integer")) {
            return "N";
        }
        if (allowed.startsWith("a list")) {
            return "X,Y";
        }
        if (allowed.startsWith("a number")) {
            return "X";
        }
        return allowed.startsWith("one of") ? "NAME" : "TEXT";
    }

    /** Help texts are format strings to picocli. */
    private static String escaped(String text) {
        return text.replace("%", "%%");
    }

    /**
     * A data set's parameters are only checked when it is loaded: load it once here so that a bad
     * parameter is bad input (exit 2, naming the flag), while a file that cannot be read stays a
     * failed trial (exit 1), as it is in a study.
     */
    private static void checkDataParameters(TrialSpec spec) {
        try {
            DataSets.load(DataSpec.parse(spec.text("dataset")), TrialSetup.dataSeed(spec));
        } catch (java.io.UncheckedIOException e) {
            return; // reported by the trial itself
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dataset " + spec.text("dataset") + ": " + e.getMessage());
        }
    }

    /** Runs the command; returns the exit code. */
    @Override
    public Integer call() {
        String format = spec.findOption(FORMAT).getValue();
        if (!format.equals("table") && !format.equals("csv")) {
            throw new UsageException(FORMAT + " " + format + ": must be table or csv");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (OptionSpec matched : spec.commandLine().getParseResult().matchedOptions()) {
            if (settingFlags.containsKey(matched)) { // only what was given: the trainer fills in its own defaults
                settings.put(settingFlags.get(matched), matched.getValue());
            }
        }
        TrialSpec trial;
        try {
            trial = TrialSpec.of(settings);
        } catch (SpecException e) {
            throw new UsageException("--" + e.key().replace('_', '-') + " " + e.reason());
        }
        checkDataParameters(trial);
        TracePrinter printer = format.equals("csv") ? TracePrinter.csv(out) : TracePrinter.table(out);
        if (format.equals("table")) {
            out.println("trial " + trial.trialId() + " " + trial.canonicalJson());
        }
        TrialSummary summary = Trainer.run(trial, new TraceSink() {
            @Override
            public void point(TracePoint point) {
                printer.print(point);
            }
        });
        PrintStream summaryOut = format.equals("csv") ? System.err : out;
        summaryOut.println(SummaryText.of(summary));
        return summary.status() == TrialStatus.FAILED ? 1 : 0;
    }
}
