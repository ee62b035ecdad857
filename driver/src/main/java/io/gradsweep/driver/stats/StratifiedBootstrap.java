package io.gradsweep.driver.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;

/**
 * The stratified bootstrap of an aggregate over tasks (cells), as rliable: each resample draws
 * runs with replacement within each task independently (keeping each task's run count), pools
 * them, and recomputes the aggregate; the interval is the percentile interval of the resampled
 * aggregates (linear interpolation between order statistics, numpy's default). Resampling within
 * tasks keeps every task in every resample, so the interval reflects run-to-run variation rather
 * than which tasks happened to be drawn. Monte Carlo: {@link #exact()} is false, and the seed
 * (derive it per row with {@link Streams#derive}) makes it repeatable.
 */
public final class StratifiedBootstrap {
    private final double estimate;
    private final ConfidenceInterval interval;
    private final int resamples;
    private final long seed;
    private final int tasks;
    private final int runs;
    private final double[] replicates;
    private final String statisticName;

    private StratifiedBootstrap(double estimate, ConfidenceInterval interval, int resamples, long seed, int tasks,
            int runs, double[] replicates, String statisticName) {
        this.estimate = estimate;
        this.interval = interval;
        this.resamples = resamples;
        this.seed = seed;
        this.tasks = tasks;
        this.runs = runs;
        this.replicates = replicates;
        this.statisticName = statisticName;
    }

    /** The IQM over all runs of all tasks, with its stratified-bootstrap percentile interval. */
    public static StratifiedBootstrap iqm(double[][] runsPerTask, long seed, int resamples, double level) {
        return of(runsPerTask, InterquartileMean::of, "IQM", seed, resamples, level);
    }

    /**
     * Any aggregate of the pooled runs ({@code statistic} receives all runs of all tasks in one
     * array, task after task). NaN runs are dropped first; a task left without runs is skipped.
     */
    public static StratifiedBootstrap of(double[][] runsPerTask, ToDoubleFunction<double[]> statistic,
            String statisticName, long seed, int resamples, double level) {
        Samples.checkLevel(level);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        double[][] tasks = Arrays.stream(runsPerTask).map(Samples::withoutNaN).filter(t -> t.length > 0)
            .toArray(double[][]::new);
        int total = Arrays.stream(tasks).mapToInt(t -> t.length).sum();
        if (total == 0) {
            return new StratifiedBootstrap(Double.NaN, ConfidenceInterval.undefined(level), resamples, seed, 0, 0,
                new double[0], statisticName);
        }
        double[] pooled = new double[total];
        double estimate = statistic.applyAsDouble(flatten(tasks, pooled));
        Well19937c random = new Well19937c(seed);
        double[] replicates = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int k = 0;
            for (double[] task : tasks) {
                for (int i = 0; i < task.length; i++) {
                    pooled[k++] = task[random.nextInt(task.length)];
                }
            }
            replicates[b] = statistic.applyAsDouble(pooled);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double tail = (1 - level) / 2;
        ConfidenceInterval interval = new ConfidenceInterval(Quantiles.type7(sorted, tail),
            Quantiles.type7(sorted, 1 - tail), level);
        return new StratifiedBootstrap(estimate, interval, resamples, seed, tasks.length, total, replicates,
            statisticName);
    }

    private static double[] flatten(double[][] tasks, double[] into) {
        int k = 0;
        for (double[] task : tasks) {
            System.arraycopy(task, 0, into, k, task.length);
            k += task.length;
        }
        return into.clone();
    }

    /** The aggregate of the observed runs. */
    public double estimate() {
        return estimate;
    }

    /** The percentile interval of the resampled aggregates. */
    public ConfidenceInterval interval() {
        return interval;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /** Tasks with at least one run. */
    public int tasks() {
        return tasks;
    }

    /** Runs over all tasks. */
    public int runs() {
        return runs;
    }

    /** False: a Monte Carlo bootstrap interval. */
    public boolean exact() {
        return false;
    }

    /** The resampled aggregates in draw order (a copy), for plots and tests. */
    double[] replicates() {
        return replicates.clone();
    }

    public String method() {
        return String.format(Locale.ROOT, "%s over %d runs in %d tasks, stratified bootstrap percentile interval"
            + " (%d resamples, seed %d)", statisticName, runs, tasks, resamples, seed);
    }
}
