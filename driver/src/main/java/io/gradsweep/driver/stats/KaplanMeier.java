package io.gradsweep.driver.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kaplan-Meier estimate of time-to-threshold: S(t) is the estimated fraction of runs that have not
 * reached the threshold by step t; a run that ended without reaching it is right-censored at its
 * last step. The report plots 1 - S(t), "fraction of runs that reached the threshold by step t".
 *
 * <p>Variance by Greenwood's formula. Pointwise intervals are log-log transformed (Kalbfleisch and
 * Prentice 2002, sec. 1.4; R's {@code survfit(..., conf.type = "log-log")}): they stay inside
 * [0, 1]. The median's interval is Brookmeyer and Crowley's (1982) as R computes it, by inverting
 * those pointwise intervals: from the first time the lower band is <= 1/2 to the first time the
 * upper band is <= 1/2.
 */
public final class KaplanMeier implements java.io.Serializable {
    /**
     * Slack when comparing a curve with 1/2: S is a product of fractions, and rounding must not
     * move the median (e.g. 3/4 x 2/3 is 0.49999999999999994 in doubles). R uses a similar tolerance.
     */
    private static final double HALF = 0.5 + 1e-9;

    /**
     * The curve at one distinct event time (a time at which at least one run reached the
     * threshold). {@code survival} holds from {@code time} until the next step.
     *
     * @param time the event time
     * @param atRisk runs still running and not yet at the threshold just before {@code time}
     * @param events runs that reached the threshold at {@code time}
     * @param survival S(time)
     * @param greenwoodVariance Var S(time) = S^2 sum d / (n (n - d)); NaN once S = 0
     * @param lower lower pointwise log-log bound of S; 0 once S = 0
     * @param upper upper pointwise log-log bound of S; NaN once S = 0 (the transform is undefined there, as in R)
     */
    public record Step(double time, int atRisk, int events, double survival, double greenwoodVariance, double lower,
            double upper) implements java.io.Serializable {
        /** Greenwood standard error of S(time). */
        public double standardError() {
            return Math.sqrt(greenwoodVariance);
        }

        /** 1 - S(time): the fraction of runs that reached the threshold by {@code time}. */
        public double reachedFraction() {
            return 1 - survival;
        }
    }

    private final int n;
    private final int events;
    private final int nanCount;
    private final double level;
    private final List<Step> steps;
    private final double medianTime;
    private final ConfidenceInterval medianInterval;

    private KaplanMeier(int n, int events, int nanCount, double level, List<Step> steps) {
        this.n = n;
        this.events = events;
        this.nanCount = nanCount;
        this.level = level;
        this.steps = List.copyOf(steps);
        this.medianTime = firstTimeAtOrBelowHalf(steps, Step::survival);
        this.medianInterval = new ConfidenceInterval(firstTimeAtOrBelowHalf(steps, Step::lower),
            firstTimeAtOrBelowHalf(steps, Step::upper), level);
    }

    /** The curve with 95% intervals; {@code reached[i]} false means run i is censored at {@code times[i]}. */
    public static KaplanMeier fit(double[] times, boolean[] reached) {
        return fit(times, reached, 0.95);
    }

    /**
     * The curve with {@code level} intervals. Runs whose time is NaN are excluded and counted.
     * No runs, or no events (all censored): no steps, S = 1 throughout, median and its interval NaN.
     */
    public static KaplanMeier fit(double[] times, boolean[] reached, double level) {
        Samples.checkLevel(level);
        if (times.length != reached.length) {
            throw new IllegalArgumentException(
                "times and reached differ in length: " + times.length + " and " + reached.length);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        Integer[] order = new Integer[times.length];
        int used = 0;
        for (int i = 0; i < times.length; i++) {
            if (!Double.isNaN(times[i])) {
                order[used++] = i;
            }
        }
        Integer[] byTime = Arrays.copyOf(order, used);
        Arrays.sort(byTime, Comparator.comparingDouble(i -> times[i]));

        List<Step> steps = new ArrayList<>();
        int atRisk = used;
        int totalEvents = 0;
        double survival = 1;
        double greenwoodSum = 0; // sum d / (n (n - d)): the variance of log S
        int i = 0;
        while (i < used) {
            double time = times[byTime[i]];
            int eventsHere = 0;
            int leaving = 0;
            // all runs at this time leave the risk set together; censoring at t counts as after the events at t
            while (i < used && times[byTime[i]] == time) {
                if (reached[byTime[i]]) {
                    eventsHere++;
                }
                leaving++;
                i++;
            }
            if (eventsHere > 0) {
                survival *= 1 - (double) eventsHere / atRisk;
                greenwoodSum += (double) eventsHere / ((double) atRisk * (atRisk - eventsHere));
                totalEvents += eventsHere;
                steps.add(step(time, atRisk, eventsHere, survival, greenwoodSum, z));
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(used, totalEvents, times.length - used, level, steps);
    }

    private static Step step(double time, int atRisk, int events, double survival, double greenwoodSum, double z) {
        if (survival == 0) {
            // every run at risk reached the threshold: log S and the log-log transform are undefined
            return new Step(time, atRisk, events, 0, Double.NaN, 0, Double.NaN);
        }
        double logS = Math.log(survival);
        // log(-log S) has standard error sqrt(greenwoodSum) / |log S| (delta method)
        double spread = z * Math.sqrt(greenwoodSum) / Math.abs(logS);
        double lower = Math.pow(survival, Math.exp(spread));
        double upper = Math.pow(survival, Math.exp(-spread));
        return new Step(time, atRisk, events, survival, survival * survival * greenwoodSum, lower, upper);
    }

    private static double firstTimeAtOrBelowHalf(List<Step> steps, ToDoubleFunction<Step> curve) {
        for (Step step : steps) {
            if (curve.applyAsDouble(step) <= HALF) {
                return step.time();
            }
        }
        return Double.NaN;
    }

    /** Runs used (time not NaN). */
    public int n() {
        return n;
    }

    /** Runs that reached the threshold. */
    public int events() {
        return events;
    }

    /** Runs excluded because their time was NaN. */
    public int nanCount() {
        return nanCount;
    }

    /** Confidence level of the intervals. */
    public double level() {
        return level;
    }

    /** The curve at each distinct event time, in time order; S = 1 before the first. */
    public List<Step> steps() {
        return steps;
    }

    /** S(t): 1 before the first event time, then the value of the last step at or before t. */
    public double survivalAt(double t) {
        double survival = 1;
        for (Step step : steps) {
            if (step.time() > t) {
                break;
            }
            survival = step.survival();
        }
        return survival;
    }

    /**
     * Median time: the smallest event time with S(t) <= 1/2; NaN if the curve never gets there.
     * Where S is exactly 1/2 over an interval R reports the interval's midpoint; this reports its start.
     */
    public double medianTime() {
        return medianTime;
    }

    /**
     * Brookmeyer-Crowley interval of the median from the log-log bands. An upper bound the curve's
     * upper band never reaches (censoring or S = 0 first) is NaN, as R's NA: "not reached".
     */
    public ConfidenceInterval medianInterval() {
        return medianInterval;
    }
}
