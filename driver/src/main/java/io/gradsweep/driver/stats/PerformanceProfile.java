package io.gradsweep.driver.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Performance profiles: step functions with pointwise bands.
 *
 * <p>{@link #timeToThreshold}: the fraction of runs that reached the threshold by time t. Where
 * no run stopped unreached before t, every run's status at t is known, the fraction is binomial
 * and the band is Clopper-Pearson (exact, coverage >= level at any n). Where some run stopped
 * unreached before t (e.g. diverged and was cut), the fraction is 1 - Kaplan-Meier S(t) with its
 * log-log Greenwood band ({@link KaplanMeier}; approximate).
 *
 * <p>{@link #scores}: rliable's score distribution (Agarwal et al. 2021), the fraction of runs
 * whose score exceeds tau, with stratified-bootstrap bands; the same seed at every tau, so the
 * band is made of whole resampled curves (common resamples) rather than unrelated draws.
 */
public final class PerformanceProfile {
    /**
     * The profile at one time or threshold.
     *
     * @param at the time (or score threshold)
     * @param fraction runs that reached the threshold by {@code at} (or scored above it)
     * @param band pointwise interval; a bound NaN where the method cannot give one
     * @param exact true when the band is Clopper-Pearson
     */
    public record Point(double at, double fraction, ConfidenceInterval band, boolean exact) {
    }

    private final List<Point> points;
    private final String method;

    private PerformanceProfile(List<Point> points, String method) {
        this.points = List.copyOf(points);
        this.method = method;
    }

    /**
     * Fraction of runs that reached the threshold by each time in {@code at}: run i reached it at
     * {@code times[i]} if {@code reached[i]}, else stopped unreached at {@code times[i]}. NaN times
     * are dropped.
     */
    public static PerformanceProfile timeToThreshold(double[] times, boolean[] reached, double[] at, double level) {
        Samples.checkLevel(level);
        if (times.length != reached.length) {
            throw new IllegalArgumentException("times and reached differ in length: " + times.length + " and "
                + reached.length);
        }
        KaplanMeier km = KaplanMeier.fit(times, reached, level);
        int n = km.n();
        List<Point> points = new ArrayList<>();
        boolean anyKaplanMeier = false;
        for (double t : at) {
            boolean censoredBefore = false;
            int reachedBy = 0;
            for (int i = 0; i < times.length; i++) {
                if (Double.isNaN(times[i])) {
                    continue;
                }
                censoredBefore |= !reached[i] && times[i] < t;
                reachedBy += reached[i] && times[i] <= t ? 1 : 0;
            }
            if (n == 0) {
                points.add(new Point(t, Double.NaN, ConfidenceInterval.undefined(level), false));
            } else if (!censoredBefore) {
                points.add(new Point(t, (double) reachedBy / n, ClopperPearson.of(reachedBy, n, level), true));
            } else {
                anyKaplanMeier = true;
                points.add(kaplanMeierPoint(km, t, level));
            }
        }
        String how = anyKaplanMeier ? "Clopper-Pearson bands where every run's status is known, Kaplan-Meier log-log"
            + " bands after runs stopped unreached" : "exact Clopper-Pearson bands";
        return new PerformanceProfile(points, String.format(Locale.ROOT,
            "fraction of %d runs at the threshold by each time, %s (%.0f%% pointwise)", n, how, 100 * level));
    }

    private static Point kaplanMeierPoint(KaplanMeier km, double t, double level) {
        KaplanMeier.Step last = null;
        for (KaplanMeier.Step step : km.steps()) {
            if (step.time() > t) {
                break;
            }
            last = step;
        }
        if (last == null) { // no run reached it yet: S = 1 and the log-log band is undefined
            return new Point(t, 0, new ConfidenceInterval(0, Double.NaN, level), false);
        }
        return new Point(t, 1 - last.survival(), new ConfidenceInterval(1 - last.upper(), 1 - last.lower(), level),
            false);
    }

    /**
     * Fraction of runs whose score exceeds each tau in {@code thresholds}, pooled over tasks (runs
     * weigh equally), with stratified-bootstrap percentile bands.
     */
    public static PerformanceProfile scores(double[][] runsPerTask, double[] thresholds, long seed, int resamples,
            double level) {
        List<Point> points = new ArrayList<>();
        int runs = 0;
        int tasks = 0;
        for (double tau : thresholds) {
            StratifiedBootstrap boot = StratifiedBootstrap.of(runsPerTask, x -> fractionAbove(x, tau), "fraction > tau",
                seed, resamples, level);
            points.add(new Point(tau, boot.estimate(), boot.interval(), false));
            runs = boot.runs();
            tasks = boot.tasks();
        }
        return new PerformanceProfile(points, String.format(Locale.ROOT,
            "fraction of %d runs in %d tasks scoring above each threshold, stratified bootstrap bands (%d resamples,"
                + " seed %d, %.0f%% pointwise)", runs, tasks, resamples, seed, 100 * level));
    }

    private static double fractionAbove(double[] x, double tau) {
        int above = 0;
        for (double v : x) {
            above += v > tau ? 1 : 0;
        }
        return (double) above / x.length;
    }

    /** One point per requested time or threshold, in the order given. */
    public List<Point> points() {
        return points;
    }

    /** True when every band is exact (Clopper-Pearson). */
    public boolean exact() {
        return points.stream().allMatch(Point::exact);
    }

    public String method() {
        return method;
    }
}
