package io.gradsweep.driver.cli;

import io.gradsweep.core.trace.TracePoint;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints evaluation points as they come: an aligned table rounded for reading, or CSV with every
 * value at full precision (shortest repr that parses back to the same double) and the per-layer
 * arrays joined by ';', for machines and for bitwise comparisons. A trial that measures sharpness
 * measures it at step 0, so the first point decides whether the sharpness columns are printed;
 * without them the output is what it always was.
 */
final class TracePrinter {
    private static final String[] COLUMNS = {"step", "epoch", "mb_loss", "train_loss", "train_acc", "test_loss",
        "test_acc", "lr", "grad_first", "grad_last", "dead_max", "elapsed_s"};
    private static final String[] CSV_COLUMNS = {"step", "epoch", "minibatch_loss", "train_loss", "train_accuracy",
        "test_loss", "test_accuracy", "learning_rate", "gradient_norm", "dead_fraction", "activation_mean",
        "activation_std", "elapsed_seconds"};
    private static final String ROW = "%8s %7s %10s %10s %9s %10s %8s %9s %10s %10s %8s %10s%n";
    private static final String SHARPNESS_ROW = ROW.replace("%n", " %10s %5s%n");

    private final PrintStream out;
    private final boolean csv;
    private boolean headerDone;
    private boolean sharpness;

    private TracePrinter(PrintStream out, boolean csv) {
        this.out = out;
        this.csv = csv;
    }

    static TracePrinter table(PrintStream out) {
        return new TracePrinter(out, false);
    }

    static TracePrinter csv(PrintStream out) {
        return new TracePrinter(out, true);
    }

    void print(TracePoint p) {
        if (!headerDone) {
            sharpness = p.hasSharpness();
            header();
            headerDone = true;
        }
        if (csv) {
            out.println(String.join(",", Long.toString(p.step()), full(p.epoch()), full(p.minibatchLoss()),
                    full(p.trainLoss()), full(p.trainAccuracy()), full(p.testLoss()), full(p.testAccuracy()),
                    full(p.learningRate()), joined(p.gradientNorm()), joined(p.deadFraction()),
                    joined(p.activationMean()), joined(p.activationStd()),
                    Double.toString(p.elapsedNanos() / 1e9)) // seconds, as in the traces table
                    + (sharpness ? "," + full(p.sharpness()) + "," + p.sharpnessIterations() : ""));
            return;
        }
        float[] g = p.gradientNorm();
        float deadMax = 0;
        for (float d : p.deadFraction()) {
            deadMax = Math.max(deadMax, d);
        }
        Object[] cells = {Long.toString(p.step()), fixed(p.epoch(), 2), number(p.minibatchLoss()),
            number(p.trainLoss()), fixed(p.trainAccuracy(), 4), number(p.testLoss()), fixed(p.testAccuracy(), 4),
            number(p.learningRate()), number(g[0]), number(g[g.length - 1]), fixed(deadMax, 3),
            fixed(p.elapsedNanos() / 1e9, 3)};
        if (sharpness) {
            Object[] wider = Arrays.copyOf(cells, cells.length + 2);
            wider[cells.length] = number(p.sharpness());
            wider[cells.length + 1] = p.hasSharpness() ? Integer.toString(p.sharpnessIterations()) : "";
            out.printf(Locale.ROOT, SHARPNESS_ROW, wider);
        } else {
            out.printf(Locale.ROOT, ROW, cells);
        }
    }

    private void header() {
        if (csv) {
            out.println(String.join(",", CSV_COLUMNS) + (sharpness ? ",sharpness,sharpness_iterations" : ""));
        } else {
            Object[] header = sharpness ? Arrays.copyOf(COLUMNS, COLUMNS.length + 2) : COLUMNS;
            if (sharpness) {
                header[COLUMNS.length] = "sharpness";
                header[COLUMNS.length + 1] = "hvps";
            }
            out.printf(Locale.ROOT, sharpness ? SHARPNESS_ROW : ROW, header);
        }
    }

    private static String full(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String joined(float[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i > 0 ? ";" : "").append(values[i]);
        }
        return b.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
