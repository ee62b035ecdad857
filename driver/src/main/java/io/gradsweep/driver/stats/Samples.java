package io.gradsweep.driver.stats;

import java.util.Arrays;

/** Input checks and NaN removal shared by the statistics. */
final class Samples {
    private Samples() {
    }

    /** The values that are not NaN, in their order. */
    static double[] withoutNaN(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** How many values are NaN. */
    static int countNaN(double[] values) {
        return (int) Arrays.stream(values).filter(Double::isNaN).count();
    }

    /** Refuses a confidence level outside (0, 1), which would give meaningless quantiles. */
    static double checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        return level;
    }
}
