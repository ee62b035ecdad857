package io.gradsweep.driver.report;

import java.util.Objects;

/**
 * An axis as the caller describes it: its label, whether its scale is logarithmic, and whether its
 * values are whole numbers (layers, say), ticked at whole numbers only.
 */
public record ChartAxis(String label, boolean log, boolean integer) {

    public ChartAxis {
        Objects.requireNonNull(label, "label");
        if (log && integer) {
            throw new IllegalArgumentException("axis '" + label + "': a log axis cannot be an integer one");
        }
    }

    public ChartAxis(String label, boolean log) {
        this(label, log, false);
    }

    /** A linear axis of whole numbers: ticks at 1, 2, 3, never at 1.5. */
    public static ChartAxis integer(String label) {
        return new ChartAxis(label, false, true);
    }

    public static ChartAxis linear(String label) {
        return new ChartAxis(label, false);
    }

    public static ChartAxis log(String label) {
        return new ChartAxis(label, true);
    }

    /** Whether a value can be drawn on this axis: finite, and positive if the scale is log. */
    boolean canShow(double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }
}
