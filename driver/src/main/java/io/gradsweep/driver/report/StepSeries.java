package io.gradsweep.driver.report;

/**
 * One named Kaplan-Meier curve of a {@link StepChart}: {@code values[i]} is the fraction reached
 * by {@code times[i]} and holds until the next time (right-continuous); {@code times} ascending.
 * {@code censoredAt} are the times of censored observations, drawn as tick marks on the curve
 * (an empty array for none); the curve is drawn on to the last of them.
 */
public record StepSeries(String name, double[] times, double[] values, double[] censoredAt) {

    public StepSeries {
        SeriesData.name(name);
        SeriesData.sameLength(name, new String[] {"times", "values"}, times, values);
        if (censoredAt == null) {
            throw new IllegalArgumentException("series '" + name + "': censoredAt is null (use an empty array)");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] >= times[i - 1])) {
                throw new IllegalArgumentException("series '" + name + "': times must be ascending, but "
                    + times[i] + " follows " + times[i - 1]);
            }
        }
        times = times.clone();
        values = values.clone();
        censoredAt = censoredAt.clone();
    }

    public static StepSeries withoutCensoring(String name, double[] times, double[] values) {
        return new StepSeries(name, times, values, new double[0]);
    }

    /** The curve's value at time {@code t}: the last value at a time <= t, or NaN before the first. */
    double valueAt(double t) {
        double value = Double.NaN;
        for (int i = 0; i < times.length && times[i] <= t; i++) {
            value = values[i];
        }
        return value;
    }
}
