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

    public boolean isPoint(long step) {
        return step == 0 || step == totalSteps || step % every == 0 || Arrays.binarySearch(logSpaced, step) >= 0;
    }

    public long totalSteps() {
        return totalSteps;
    }
}
