package io.gradsweep.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanTextTest {
    @Test
    void countsReadAsWordsNotAsAJavaMap() {
        Map<String, Long> counts = new LinkedHashMap<>();
        assertEquals("none", HumanText.counts(counts));
        counts.put("ok", 30L);
        assertEquals("30 ok", HumanText.counts(counts));
        counts.put("diverged", 1_234L);
        assertEquals("30 ok, 1,234 diverged", HumanText.counts(counts));
    }

    @Test
    void durationsTakeTheUnitThatReadsBest() {
        // plan's old "core-hours 6.12e-05" is 0.22 s
        assertEquals("0.22 s", HumanText.duration(6.12e-05 * 3600));
        assertEquals("under 0.01 s", HumanText.duration(0.004));
        assertEquals("4.2 s", HumanText.duration(4.2));
        assertEquals("42 s", HumanText.duration(42.4));
        assertEquals("3.5 min", HumanText.duration(210));
        assertEquals("59 min", HumanText.duration(59 * 60));
        assertEquals("1.5 h", HumanText.duration(5400));
        assertEquals("30 h", HumanText.duration(30 * 3600));
        assertEquals("3.0 days", HumanText.duration(3 * 86400));
        assertEquals("1,157 days", HumanText.duration(1e8));
        assertThrows(IllegalArgumentException.class, () -> HumanText.duration(Double.NaN));
    }
}
