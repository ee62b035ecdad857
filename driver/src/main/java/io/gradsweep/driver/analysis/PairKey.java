package io.gradsweep.driver.analysis;

/**
 * What makes two runs a pair: the same split, the same minibatch order and the same initial
 * weights, i.e. the same effective seed of each source (its setting, or the replicate it follows).
 * With no source set that is the replicate, as before; in a crossed design (init_seed x
 * order_seed, say) each combination of seeds is one pair across the arms.
 */
record PairKey(long split, long order, long init) {
    /** The key of a run whose seed settings are {@code splitSeed}, ... (-1 = follows {@code replicate}). */
    static PairKey of(int replicate, long splitSeed, long orderSeed, long initSeed) {
        return new PairKey(effective(splitSeed, replicate), effective(orderSeed, replicate), effective(initSeed, replicate));
    }

    private static long effective(long seed, int replicate) {
        return seed == SeedColumns.FOLLOWS_REPLICATE ? replicate : seed;
    }
}
