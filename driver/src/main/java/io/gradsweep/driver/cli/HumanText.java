package io.gradsweep.driver.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Counts and times as the command line prints them for people: "28 ok, 2 diverged", "4.2 min". */
public final class HumanText {
    private static final double MINUTE = 60;
    private static final double HOUR = 60 * MINUTE;
    private static final double DAY = 24 * HOUR;

    private HumanText() {
    }

    /** Counts by label, in the map's order: {@code 28 ok, 2 diverged}; {@code none} when empty. */
    public static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            parts.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /**
     * A duration in the unit that reads best, to two or three significant digits: {@code 0.22 s},
     * {@code 42 s}, {@code 3.5 min}, {@code 5.2 h}, {@code 12 days}; under a hundredth of a second
     * is {@code under 0.01 s}.
     */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("not a duration: " + seconds);
        }
        if (seconds < 0.01) {
            return "under 0.01 s";
        }
        if (seconds < MINUTE) {
            return rounded(seconds) + " s";
        }
        if (seconds < HOUR) {
            return rounded(seconds / MINUTE) + " min";
        }
        if (seconds < 2 * DAY) {
            return rounded(seconds / HOUR) + " h";
        }
        return rounded(seconds / DAY) + " days";
    }

    /** Two significant digits below 10, whole numbers (with thousands separators) from 10 on. */
    private static String rounded(double v) {
        if (v < 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (v < 9.95) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
