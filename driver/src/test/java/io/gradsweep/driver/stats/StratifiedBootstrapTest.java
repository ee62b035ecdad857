package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IQM values: scipy 1.17.1 {@code scipy.stats.trim_mean(x, 0.25)} (rliable's aggregate_iqm), computed
 * offline. Bootstrap: the exact bootstrap distribution of a tiny case by enumerating every resample,
 * and the plug-in variance of a bootstrap mean.
 */
class StratifiedBootstrapTest {
    @Test
    void iqmMatchesScipyTrimMean() {
        assertEquals(4.5, InterquartileMean.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}), 1e-15);
        assertEquals(5.5, InterquartileMean.of(new double[] {5, 1, 9, 3, 7, 2, 8, 4, 6, 10}), 1e-15);
        assertEquals(4.416666666666667, InterquartileMean.of(new double[] {3.5, 1.25, 9.0, 2.0, 7.75}), 1e-15);
        assertEquals(2.0, InterquartileMean.of(new double[] {1, 2, 3}), 1e-15);
        assertTrue(Double.isNaN(InterquartileMean.of(new double[] {Double.NaN})));
    }

    @Test
    void resampledIqmFollowsTheEnumeratedBootstrapDistribution() {
        // tasks {0, 1} and {2, 10}: each task's resample is one of 4 equally likely ordered pairs, 16 in
        // all; the pooled IQM of 4 values is the mean of the middle two
        double[][] tasks = {{0, 1}, {2, 10}};
        Map<Double, Double> exact = new HashMap<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double[] pooled = {tasks[0][a >> 1], tasks[0][a & 1], tasks[1][b >> 1], tasks[1][b & 1]};
                Arrays.sort(pooled);
                exact.merge((pooled[1] + pooled[2]) / 2, 1.0 / 16, Double::sum);
            }
        }
        int resamples = 40_000;
        StratifiedBootstrap boot = StratifiedBootstrap.iqm(tasks, 5, resamples, 0.95);
        assertEquals(1.5, boot.estimate(), 1e-15); // middle of 0, 1, 2, 10
        Map<Double, Integer> seen = new HashMap<>();
        for (double r : boot.replicates()) {
            seen.merge(r, 1, Integer::sum);
        }
        assertEquals(exact.keySet(), seen.keySet());
        for (Map.Entry<Double, Double> e : exact.entrySet()) {
            double p = e.getValue();
            assertEquals(p, seen.get(e.getKey()) / (double) resamples, 4 * Math.sqrt(p * (1 - p) / resamples),
                "IQM " + e.getKey());
        }
        assertFalse(boot.exact());
    }

    @Test
    void resamplingStaysWithinTasks() {
        // every resample keeps 3 runs of task 1 and 2 of task 2, so the pooled sum is always 200
        StratifiedBootstrap boot = StratifiedBootstrap.of(new double[][] {{0, 0, 0}, {100, 100}},
            x -> Arrays.stream(x).sum(), "sum", 1, 500, 0.95);
        assertEquals(200, boot.interval().lower(), 0);
        assertEquals(200, boot.interval().upper(), 0);
    }

    @Test
    void bootstrapMeanHasThePlugInVariance() {
        // one task of n values: Var* of the resampled mean = (1/n) (1/n) sum (x - mean)^2
        double[] x = {1, 4, 2, 8, 5, 7, 3, 6, 9, 0};
        double mean = Arrays.stream(x).average().orElseThrow();
        double plugIn = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length / x.length;
        double[] reps = StratifiedBootstrap.of(new double[][] {x}, v -> Arrays.stream(v).average().orElseThrow(),
            "mean", 3, 40_000, 0.95).replicates();
        double repMean = Arrays.stream(reps).average().orElseThrow();
        double repVar = Arrays.stream(reps).map(v -> (v - repMean) * (v - repMean)).sum() / (reps.length - 1);
        assertEquals(plugIn, repVar, 0.03 * plugIn); // about 4 SE of a variance from 40000 draws
        assertEquals(mean, repMean, 0.02);
    }

    @Test
    void seedMakesItRepeatableAndRowsIndependent() {
        double[][] tasks = {{0.1, 0.5, 0.9, 0.4}, {0.3, 0.8, 0.2}, {0.7, 0.6, 0.65, 0.1, 0.95}};
        StratifiedBootstrap a = StratifiedBootstrap.iqm(tasks, Streams.derive(42, "row a"), 2000, 0.95);
        StratifiedBootstrap again = StratifiedBootstrap.iqm(tasks, Streams.derive(42, "row a"), 2000, 0.95);
        StratifiedBootstrap b = StratifiedBootstrap.iqm(tasks, Streams.derive(42, "row b"), 2000, 0.95);
        assertEquals(a.interval(), again.interval());
        assertNotEquals(Arrays.toString(a.replicates()), Arrays.toString(b.replicates()));
        assertTrue(a.interval().contains(a.estimate()));
        assertTrue(a.method().startsWith("IQM over 12 runs in 3 tasks, stratified bootstrap percentile interval"));
    }
}
