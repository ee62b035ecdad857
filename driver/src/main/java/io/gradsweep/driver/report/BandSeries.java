package io.gradsweep.driver.report;

/**
 * One named series of a {@link BandChart}: at each x, the median and the interquartile range
 * (q1 to q3). Points that the axes cannot show (NaN, infinite, or not positive on a log axis)
 * are left out.
 */
public record BandSeries(String name, double[] x, double[] median, double[] q1, double[] q3) {

    public BandSeries {
        SeriesData.name(name);
        SeriesData.sameLength(name, new String[] {"x", "median", "q1", "q3"}, x, median, q1, q3);
        x = x.clone();
        median = median.clone();
        q1 = q1.clone();
        q3 = q3.clone();
    }
}
