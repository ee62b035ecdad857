package io.gradsweep.driver.stats;

import java.nio.charset.StandardCharsets;

/**
 * Independent random streams for resampling: each bootstrap or permutation consumer (one row of a
 * table, keyed by what it compares) gets its own seed derived from the study seed and its key, so
 * a row's interval does not change when rows are added, removed or computed in another order.
 *
 * <p>The derivation hashes the key's UTF-8 bytes with 64-bit FNV-1a, then mixes seed and hash
 * with SplitMix64's finaliser (Steele, Lea and Flood 2014), whose avalanche makes nearby seeds
 * and keys give unrelated streams.
 */
public final class Streams {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** The seed of {@code key}'s stream under {@code seed}. */
    public static long derive(long seed, String key) {
        if (key == null) {
            throw new IllegalArgumentException("stream key must not be null");
        }
        long hash = 0xcbf29ce484222325L; // FNV-1a offset basis
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L; // FNV-1a prime
        }
        return mix(mix(seed + GOLDEN_GAMMA) ^ hash);
    }

    /** SplitMix64's output function: a bijection on longs with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
