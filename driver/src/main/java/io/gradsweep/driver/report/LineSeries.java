package io.gradsweep.driver.report;

/**
 * One named series of a {@link LineChart}: y at each x. Points the axes cannot show (NaN,
 * infinite, or not positive on a log axis) are left out.
 */
public record LineSeries(String name, double[] x, double[] y) {

    public LineSeries {
        SeriesData.name(name);
        SeriesData.sameLength(name, new String[] {"x", "y"}, x, y);
        x = x.clone();
        y = y.clone();
    }
}
