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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code gradsweep train}: one trial on this machine, its trace printed as a table or CSV. */
public final class TrainCommand {
    private TrainCommand() {
    }

    public static String help() {
        StringBuilder s = new StringBuilder();
        s.append("Usage: gradsweep train [--SETTING VALUE ...] [--format table|csv]\n\n");
        s.append("Trains one trial on one core and prints its trace (one row per evaluation point)\n");
        s.append("and its summary. Every trial setting of a study file is a flag; dashes and\n");
        s.append("underscores are the same (--test-fraction = --test_fraction).\n\n");
        s.append("Example:\n  gradsweep train --dataset digits --activation elu --depth 8 --lr 0.01 --epochs 20\n\n");
        s.append("Settings (default, allowed values):\n");
        for (String[] row : TrialSpec.describeSettings()) {
            s.append(String.format(Locale.ROOT, "  --%-20s %s [%s; %s]%n", row[0].replace('_', '-'), row[3], row[1],
                    row[2]));
        }
        s.append("\nExit codes: 0 the trial ran (status ok, diverged or timeout), 1 it failed, 2 bad input.\n");
        return s.toString();
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
    public static int run(String[] args, PrintStream out) {
        Flags flags = Flags.parse(args, List.of("help"));
        if (flags.has("help")) {
            out.print(help());
            return 0;
        }
        if (!flags.positional().isEmpty()) {
            throw new UsageException("train takes no positional arguments, got " + flags.positional()
                    + "; settings are flags, e.g. --dataset digits");
        }
        String format = flags.take("format", "table");
        if (!format.equals("table") && !format.equals("csv")) {
            throw new UsageException("--format " + format + ": must be table or csv");
        }
        Map<String, String> settings = flags.remaining();
        TrialSpec spec;
        try {
            spec = TrialSpec.of(settings);
        } catch (SpecException e) {
            throw new UsageException("--" + e.key().replace('_', '-') + " " + e.reason());
        }
        checkDataParameters(spec);
        TracePrinter printer = format.equals("csv") ? TracePrinter.csv(out) : TracePrinter.table(out);
        if (format.equals("table")) {
            out.println("trial " + spec.trialId() + " " + spec.canonicalJson());
        }
        TrialSummary summary = Trainer.run(spec, new TraceSink() {
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
