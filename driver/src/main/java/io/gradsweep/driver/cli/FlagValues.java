package io.gradsweep.driver.cli;

/**
 * The checks on flag values that picocli's types do not make (floors, positivity), each refusal
 * naming the flag, the value and what is allowed, as a {@link UsageException} (exit 2).
 */
final class FlagValues {
    private FlagValues() {
    }

    /** An integer of at least {@code min}. */
    static int intAtLeast(String flag, String text, int min) {
        long n = longAtLeast(flag, text, min);
        if (n > Integer.MAX_VALUE) {
            throw new UsageException(flag + " " + text + ": must be an integer from " + min + " to " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** A long integer of at least {@code min}. */
    static long longAtLeast(String flag, String text, long min) {
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(flag + " " + text + ": must be an integer >= " + min);
    }

    /** A finite number above 0. */
    static double positive(String flag, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(flag + " " + text + ": must be a number > 0");
    }
}
