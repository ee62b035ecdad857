package io.gradsweep.driver.stats;

/**
 * The exact null distribution of the signed-rank statistic for given (possibly tied) ranks: under
 * the null each of the 2^n sign patterns is equally likely, and V is the sum of the ranks given a
 * + sign. Mid-ranks are multiples of 1/2, so the distribution is counted over doubled ranks, which
 * are integers, by dynamic programming (n x n(n+1) steps rather than 2^n patterns).
 */
final class SignedRankDistribution {
    /** Counts stay exact in a long: at most 2^n sign patterns. */
    static final int MAX_N = 62;

    private final long[] ways; // ways[s]: sign patterns whose doubled V is s
    private final double total;

    private SignedRankDistribution(long[] ways, int n) {
        this.ways = ways;
        this.total = Math.scalb(1.0, n);
    }

    /** The distribution for these doubled ranks (each 2 x a rank or mid-rank, so an integer >= 1). */
    static SignedRankDistribution ofDoubledRanks(int[] doubledRanks) {
        if (doubledRanks.length > MAX_N) {
            throw new IllegalArgumentException("exact signed-rank distribution needs n <= " + MAX_N + ", got "
                + doubledRanks.length);
        }
        int max = 0;
        for (int r : doubledRanks) {
            max += r;
        }
        long[] ways = new long[max + 1];
        ways[0] = 1;
        int reach = 0;
        for (int r : doubledRanks) {
            reach += r;
            for (int s = reach; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        return new SignedRankDistribution(ways, doubledRanks.length);
    }

    /** The untied case: ranks 1..n. */
    static SignedRankDistribution untied(int n) {
        int[] doubled = new int[n];
        for (int i = 0; i < n; i++) {
            doubled[i] = 2 * (i + 1);
        }
        return ofDoubledRanks(doubled);
    }

    /** P(2V <= s). */
    double atOrBelow(int doubledStatistic) {
        long count = 0;
        for (int s = 0; s <= Math.min(doubledStatistic, ways.length - 1); s++) {
            count += ways[s];
        }
        return count / total;
    }

    /** P(2V >= s). */
    double atOrAbove(int doubledStatistic) {
        long count = 0;
        for (int s = Math.max(0, doubledStatistic); s < ways.length; s++) {
            count += ways[s];
        }
        return count / total;
    }
}
