package io.gradsweep.driver.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.util.LongAccumulator;

/**
 * The progress line of a run: trials done of total, diverged, failed, rate and ETA, printed every
 * few seconds from the driver's merged accumulators (they grow as tasks finish).
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final long total;
    private final LongAccumulator[] counts;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;
    private String last = "";

    Progress(PrintStream out, long total, LongAccumulator[] counts, long periodMillis) {
        this.out = out;
        this.total = total;
        this.counts = counts;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gradsweep-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The line as it stands now. */
    String line() {
        long ok = counts[0].value();
        long diverged = counts[1].value();
        long failed = counts[2].value();
        long timeout = counts[3].value();
        long done = ok + diverged + failed + timeout;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String eta = done == 0 ? "?" : formatSeconds((total - done) / rate);
        return String.format(Locale.ROOT, "trials %d/%d (%.0f%%)  diverged %d  failed %d  timeout %d  %.1f trials/s"
                + "  elapsed %s  eta %s", done, total, 100.0 * done / Math.max(1, total), diverged, failed, timeout,
                rate, formatSeconds(seconds), eta);
    }

    private synchronized void print() {
        String l = line();
        if (!l.equals(last)) {
            out.println(l);
            last = l;
        }
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        print();
    }
}
