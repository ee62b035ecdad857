package io.gradsweep.core.train;

import java.util.Arrays;

/**
 * Which steps are evaluation points: step 0 (initialisation), the last step, every k steps, and
 * optionally log-spaced steps (round(10^(i / perDecade))), which resolve the fast early phase of
 * training without evaluating every step.
 */
public final class EvaluationSchedule {
    private final long totalSteps;
    private final long every;
    private final long[] logSpaced;

    /** Points for a budget of {@code totalSteps}, every {@code every} steps, {@code perDecade} log-spaced per decade (0 for none). */
    public EvaluationSchedule(long totalSteps, long every, int perDecade) {
        this.totalSteps = totalSteps;
        this.every = Math.max(1, every);
        this.logSpaced = perDecade <= 0 ? new long[0] : logSpacedSteps(totalSteps, perDecade);
    }

    private static long[] logSpacedSteps(long total, int perDecade) {
        long[] buffer = new long[64];
        int n = 0;
        long previous = 0;
        for (int i = 0; ; i++) {
            long s = Math.round(StrictMath.pow(10, (double) i / perDecade));
            if (s > total) {
                break;
            }
            if (s != previous) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = s;
                previous = s;
            }
        }
        return Arrays.copyOf(buffer, n);
    }

    /** True when {@code step} (0 to the total) is an evaluation point. */
    public boolean isPoint(long step) {
        return step == 0 || step == totalSteps || step % every == 0 || Arrays.binarySearch(logSpaced, step) >= 0;
    }

    /**
     * The last evaluation point at or before {@code step}: where a trace that reached {@code step}
     * last recorded the model; the total for any step past it. Steps are counted after their
     * update, so point s holds the weights after s steps.
     */
    public long pointAtOrBefore(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is before training starts (step 0)");
        }
        if (step >= totalSteps) {
            return totalSteps;
        }
        long regular = step - step % every;
        int at = Arrays.binarySearch(logSpaced, step);
        long log = at >= 0 ? logSpaced[at] : -at - 2 >= 0 ? logSpaced[-at - 2] : 0;
        return Math.max(regular, log);
    }

    /** How many evaluation points a trial that runs its whole budget records, step 0 and the last included. */
    public long count() {
        long n = 1 + totalSteps / every + (totalSteps % every != 0 ? 1 : 0);
        for (long s : logSpaced) {
            if (s % every != 0 && s != totalSteps) {
                n++;
            }
        }
        return n;
    }

    public long totalSteps() {
        return totalSteps;
    }
}
