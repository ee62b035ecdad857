package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamsTest {
    @Test
    void mixIsSplitMix64sFinaliser() {
        // Reference: SplitMix64 (Vigna's splitmix64.c) seeded with 0 outputs mix(0x9E3779B97F4A7C15)
        // = 0xE220A8397B1DCDAF as its first value (the published first output of seed 0)
        assertEquals(0xE220A8397B1DCDAFL, Streams.mix(0x9E3779B97F4A7C15L));
    }

    @Test
    void deriveIsAPureFunctionOfSeedAndKey() {
        assertEquals(Streams.derive(42, "cell=a/lr=0.1"), Streams.derive(42, "cell=a/lr=0.1"));
        assertNotEquals(Streams.derive(42, "cell=a/lr=0.1"), Streams.derive(43, "cell=a/lr=0.1"));
        assertNotEquals(Streams.derive(42, "cell=a/lr=0.1"), Streams.derive(42, "cell=a/lr=0.2"));
        assertThrows(IllegalArgumentException.class, () -> Streams.derive(1, null));
    }

    @Test
    void nearbyKeysAndSeedsGiveDistinctStreams() {
        Set<Long> seen = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            for (int row = 0; row < 50; row++) {
                seen.add(Streams.derive(seed, "row" + row));
            }
        }
        assertEquals(2500, seen.size());
    }
}
