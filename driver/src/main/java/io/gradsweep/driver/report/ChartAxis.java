package io.gradsweep.driver.report;

import java.util.Objects;

/** An axis as the caller describes it: its label and whether its scale is logarithmic. */
public record ChartAxis(String label, boolean log) {

    public ChartAxis {
        Objects.requireNonNull(label, "label");
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
