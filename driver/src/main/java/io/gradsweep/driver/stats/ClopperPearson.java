package io.gradsweep.driver.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * The Clopper-Pearson (1934) interval of a binomial proportion: inverts the two one-sided exact
 * binomial tests, so each tail misses with probability at most (1 - level) / 2 whatever the true
 * proportion (R's {@code binom.test(x, n)$conf.int}).
 */
final class ClopperPearson {
    /** Beta quantiles to near double precision (commons-math3's default stops at 1e-9). */
    private static final double ACCURACY = 1e-15;

    private ClopperPearson() {
    }

    static ConfidenceInterval of(int successes, int n, double level) {
        Samples.checkLevel(level);
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n = " + n + "], got " + successes);
        }
        if (n == 0) {
            return ConfidenceInterval.undefined(level);
        }
        double tail = (1 - level) / 2;
        double lower = successes == 0 ? 0
            : new BetaDistribution(null, successes, n - successes + 1, ACCURACY).inverseCumulativeProbability(tail);
        double upper = successes == n ? 1
            : new BetaDistribution(null, successes + 1, n - successes, ACCURACY).inverseCumulativeProbability(1 - tail);
        return new ConfidenceInterval(lower, upper, level);
    }
}
