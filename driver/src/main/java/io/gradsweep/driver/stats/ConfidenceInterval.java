package io.gradsweep.driver.stats;

/**
 * A two-sided confidence interval [lower, upper] at a confidence level (0.95 for 95%). A bound
 * the data cannot define is NaN.
 */
public record ConfidenceInterval(double lower, double upper, double level) implements java.io.Serializable {
    /** The interval neither bound of which the data can define. */
    static ConfidenceInterval undefined(double level) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level);
    }

    /** True when {@code value} lies in the closed interval (false when a bound is NaN). */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
