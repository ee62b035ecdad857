package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Spearman's rank correlation (the Pearson correlation of the ranks) with a Fisher-z interval whose
 * variance is Bonett and Wright's (2000) {@code (1 + rho^2 / 2) / (n - 3)}, the interval of
 * Bonett's statpsych {@code ci.spear}. The caller ranks ({@link #midranks},
 * {@link #ranksCensoredLast}), so a censored time is placed by its order and never made a number.
 *
 * @param rho the correlation; NaN when either variable does not vary
 * @param n the observations it is computed from
 * @param groups 1, or the strata of {@link #withinStrata} that contributed
 * @param interval Fisher z, tanh(atanh(rho) -+ z_(1-alpha/2) sqrt((1 + rho^2/2) / (n - 2 - groups)));
 *     undefined (NaN bounds) when n - 2 - groups < 1, |rho| = 1 (atanh is infinite) or rho is NaN
 */
public record RankCorrelation(double rho, int n, int groups, ConfidenceInterval interval) {

    /**
     * Ranks 1..n, ties sharing the mean of their positions (R's {@code rank(x)}, the ranks
     * Spearman's rho takes). NaN is no value to rank: it throws.
     */
    public static double[] midranks(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("cannot rank NaN: " + Arrays.toString(x));
            }
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] ranks = new double[x.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double shared = (i + j + 2) / 2.0; // positions i+1 .. j+1
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = shared;
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * Ranks of times of which some are censored (the event not seen by then): the observed ones
     * get midranks among themselves, every censored one the same rank above them all. That order
     * is known only when each censored time is at or after every observed one (the run was still
     * not there when the last observed run got there); otherwise it throws, since the censored
     * run's place among the observed is unknown. Censored runs are tied with each other: which of
     * them would have got there first is unknown too.
     */
    public static double[] ranksCensoredLast(double[] times, boolean[] observed) {
        if (times.length != observed.length) {
            throw new IllegalArgumentException(times.length + " times but " + observed.length + " observed flags");
        }
        double latestObserved = Double.NEGATIVE_INFINITY;
        int m = 0;
        for (int i = 0; i < times.length; i++) {
            if (observed[i]) {
                latestObserved = Math.max(latestObserved, times[i]);
                m++;
            }
        }
        double[] seen = new double[m];
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (observed[i]) {
                seen[k++] = times[i];
            } else if (!(times[i] >= latestObserved)) {
                throw new IllegalArgumentException("a time censored at " + times[i] + " is before the observed time "
                        + latestObserved + ": its order among the observed times is unknown");
            }
        }
        double[] seenRanks = midranks(seen);
        double censoredRank = (m + 1 + times.length) / 2.0; // the mean of positions m+1 .. n
        double[] ranks = new double[times.length];
        k = 0;
        for (int i = 0; i < times.length; i++) {
            ranks[i] = observed[i] ? seenRanks[k++] : censoredRank;
        }
        return ranks;
    }

    /** Spearman's rho of two variables (midranks), with its interval at {@code level} (0.95 for 95%). */
    public static RankCorrelation spearman(double[] x, double[] y, double level) {
        return ofRanks(midranks(x), midranks(y), level);
    }

    /** The correlation of ranks the caller made (e.g. with {@link #ranksCensoredLast}). */
    public static RankCorrelation ofRanks(double[] xRanks, double[] yRanks, double level) {
        if (xRanks.length != yRanks.length) {
            throw new IllegalArgumentException(xRanks.length + " x ranks but " + yRanks.length + " y ranks");
        }
        double r = pearson(xRanks, yRanks);
        return new RankCorrelation(r, xRanks.length, 1, interval(r, xRanks.length - 3, level));
    }

    /**
     * The correlation within strata: each stratum's ranks (taken within the stratum) centred on
     * its mean rank, then one Pearson correlation over all of them, which is Spearman's rho with the
     * strata's differences partialled out (no stratum's level moves the result). A stratum in which
     * either variable does not vary says nothing about their association and is left out. The
     * interval's n - 3 loses one more degree of freedom per stratum beyond the first, as a partial
     * correlation does per variable held fixed (an approximation, as the Fisher interval itself).
     */
    public static RankCorrelation withinStrata(List<double[]> xRanks, List<double[]> yRanks, double level) {
        if (xRanks.size() != yRanks.size()) {
            throw new IllegalArgumentException(xRanks.size() + " strata of x but " + yRanks.size() + " of y");
        }
        int total = 0;
        for (int s = 0; s < xRanks.size(); s++) {
            if (xRanks.get(s).length != yRanks.get(s).length) {
                throw new IllegalArgumentException("stratum " + s + ": " + xRanks.get(s).length + " x ranks but "
                        + yRanks.get(s).length + " y ranks");
            }
            total += xRanks.get(s).length;
        }
        double[] x = new double[total];
        double[] y = new double[total];
        int n = 0;
        int used = 0;
        for (int s = 0; s < xRanks.size(); s++) {
            double[] xs = xRanks.get(s);
            double[] ys = yRanks.get(s);
            if (!varies(xs) || !varies(ys)) {
                continue;
            }
            double mx = mean(xs);
            double my = mean(ys);
            for (int i = 0; i < xs.length; i++) {
                x[n] = xs[i] - mx;
                y[n] = ys[i] - my;
                n++;
            }
            used++;
        }
        double r = used == 0 ? Double.NaN : pearson(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        return new RankCorrelation(r, n, used, interval(r, n - 2 - used, level));
    }

    private static ConfidenceInterval interval(double r, int degrees, double level) {
        if (degrees < 1 || Double.isNaN(r) || Math.abs(r) >= 1) {
            return ConfidenceInterval.undefined(level);
        }
        double z = 0.5 * Math.log((1 + r) / (1 - r));
        double se = Math.sqrt((1 + r * r / 2) / degrees);
        double q = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(Math.tanh(z - q * se), Math.tanh(z + q * se), level);
    }

    private static double pearson(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        // rounding can push a perfect correlation a hair past 1
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static boolean varies(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return true;
            }
        }
        return false;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
