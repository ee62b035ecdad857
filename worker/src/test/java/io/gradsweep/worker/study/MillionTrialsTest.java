package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * A million-trial study expands in bounded memory: Grid computes each point from its index and the
 * iterator keeps one point's settings, so the heap in use stays flat however far it has gone.
 */
class MillionTrialsTest {
    private static final long LIMIT_MB = 64;

    private static long usedMb() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    @Test
    void aMillionTrialsCountAndIterateInBoundedMemory() {
        Study s = Study.parse("""
                study: million
                grid:
                  lr: {from: 1e-5, to: 1, num: 1000, log: true}
                  width: {from: 1, to: 1000, step: 1}
                """, "million.yaml");
        long before = usedMb();
        assertEquals(1_000_000, s.indexSpace());
        assertEquals(1_000_000, s.trialCount());
        Iterator<StudyTrial> it = s.trials();
        long n = 0;
        long midway = 0;
        long lastIndex = -1;
        while (it.hasNext()) {
            StudyTrial t = it.next();
            assertTrue(t.index() > lastIndex);
            lastIndex = t.index();
            if (++n == 500_000) {
                midway = usedMb(); // the iterator is alive here: anything it kept would show
            }
        }
        long after = usedMb();
        System.out.printf("million-trial study: heap in use %d MB before, %d MB midway, %d MB after iterating%n",
                before, midway, after);
        assertEquals(1_000_000, n);
        assertEquals(999_999, lastIndex);
        assertTrue(midway < LIMIT_MB, "heap in use midway: " + midway + " MB");
        assertTrue(after < LIMIT_MB, "heap in use after: " + after + " MB");
    }
}
