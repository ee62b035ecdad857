package io.gradsweep.driver.sweep;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.SparkContext;

/**
 * The cores a run plans its tasks for. In local mode Spark knows them at once. On a cluster the
 * executors register one by one in the first seconds (each is a JVM to start), and until then
 * Spark reports the cores registered so far, at least 2: a plan made at once would cut a study
 * into 2 cores' worth of tasks on a cluster of 100. So on a cluster wait, bounded, for the first
 * executor and then until no new one has come for a few seconds; the first task could not have
 * started before the first executor anyway.
 */
final class ClusterCores {
    private static final long FIRST_EXECUTOR_MILLIS = 120_000;
    private static final long SETTLED_MILLIS = 3_000;
    private static final long POLL_MILLIS = 200;

    private ClusterCores() {
    }

    static int await(SparkContext sc, PrintStream log) {
        if (sc.isLocal() || sc.getConf().contains("spark.default.parallelism")) {
            return sc.defaultParallelism();
        }
        long start = System.currentTimeMillis();
        while (executors(sc) == 0 && System.currentTimeMillis() - start < FIRST_EXECUTOR_MILLIS) {
            sleep();
        }
        if (executors(sc) == 0) {
            log.printf(Locale.ROOT, "no executor registered within %d s; planning for %d cores%n",
                    FIRST_EXECUTOR_MILLIS / 1000, sc.defaultParallelism());
            return sc.defaultParallelism();
        }
        int cores = sc.defaultParallelism();
        long settledSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - settledSince < SETTLED_MILLIS) {
            sleep();
            int now = sc.defaultParallelism();
            if (now != cores) {
                cores = now;
                settledSince = System.currentTimeMillis();
            }
        }
        log.printf(Locale.ROOT, "executors: %d with %d cores (registered within %.1f s)%n", executors(sc), cores,
                (System.currentTimeMillis() - start - SETTLED_MILLIS) / 1000.0);
        return cores;
    }

    /** Executors registered now (Spark's list holds the driver too). */
    private static int executors(SparkContext sc) {
        return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for executors", e);
        }
    }
}
