package io.gradsweep.driver.stats;

/**
 * The floor on the p-value of an exact paired test: with n pairs (zeros dropped), the sign test and
 * the exact signed-rank test cannot give a two-sided p below 2 / 2^n, the probability of the most
 * extreme pattern of signs (all +, or all -) under the null. With 5 pairs that is 0.0625, so no
 * such test can reach 0.05; a caption should say so rather than report "not significant".
 */
public final class MinimumP {
    private MinimumP() {
    }

    /** 2 / 2^n, capped at 1: the smallest two-sided p of an exact sign or signed-rank test with n pairs. */
    public static double smallestTwoSided(int n) {
        checkPairs(n);
        return Math.min(1, Math.scalb(1.0, 1 - n));
    }

    /** 1 / 2^n: the smallest one-sided p with n pairs. */
    public static double smallestOneSided(int n) {
        checkPairs(n);
        return Math.scalb(1.0, -n);
    }

    /** True when even the most extreme outcome of n pairs gives a two-sided p above {@code level}. */
    public static boolean cannotReach(int n, double level) {
        checkAlpha(level);
        return smallestTwoSided(n) > level;
    }

    /** The fewest pairs whose most extreme outcome gives a two-sided p at or below {@code level}. */
    public static int pairsNeeded(double level) {
        checkAlpha(level);
        int n = 1;
        while (smallestTwoSided(n) > level) {
            n++;
        }
        return n;
    }

    private static void checkPairs(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of pairs must be >= 0, got " + n);
        }
    }

    private static void checkAlpha(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("significance level must be in (0, 1), got " + level);
        }
    }
}
