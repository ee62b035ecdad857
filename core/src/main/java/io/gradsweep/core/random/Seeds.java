package io.gradsweep.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives seeds from (parent seed, purpose, keys) so that every random stream of a trial is a
 * pure function of what it is for. Never a clock, never a shared generator: two trials that
 * share the keys of a purpose get the same stream (common random numbers), whatever else differs.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for {@code purpose}, keyed by {@code keys} in order; the keys are part of the hash. */
    public static long derive(long parent, String purpose, Object... keys) {
        long h = SplitMix64.mix(parent ^ 0x6A09E667F3BCC909L);
        h = SplitMix64.mix(h ^ fnv1a(purpose));
        for (Object key : keys) {
            long k = key instanceof Number n && !(key instanceof Double) && !(key instanceof Float)
                    ? n.longValue()
                    : fnv1a(String.valueOf(key));
            h = SplitMix64.mix(h + 0x9E3779B97F4A7C15L ^ k);
        }
        return h;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: fixed, unlike String.hashCode's 32 bits. */
    public static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
