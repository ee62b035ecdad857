package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SplitTest {

    /** Feature 0 is the row number, so split rows can be traced back. */
    static Dataset numbered(int n, int classes) {
        float[] x = new float[n * 2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i < n / 2 ? 0 : (i % (classes - 1)) + 1; // class 0 is half the rows
        }
        return Dataset.classification("numbered", x, n, 2, y, classes);
    }

    static Set<Integer> rowIds(Dataset d) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < d.rows(); i++) {
            assertTrue(ids.add((int) d.x()[2 * i]), "row " + d.x()[2 * i] + " appears twice");
        }
        return ids;
    }

    @Test
    void sizesAreRoundedAndTheSetsAreDisjointAndComplete() {
        Dataset d = numbered(103, 3);
        TrainTest tt = Split.split(d, 0.2, 17);
        assertEquals(21, tt.test().rows()); // round(20.6)
        assertEquals(82, tt.train().rows());
        Set<Integer> train = rowIds(tt.train());
        Set<Integer> test = rowIds(tt.test());
        Set<Integer> both = new HashSet<>(train);
        both.retainAll(test);
        assertTrue(both.isEmpty(), "overlap " + both);
        train.addAll(test);
        assertEquals(103, train.size());
        // labels travel with their rows
        for (Dataset part : new Dataset[] {tt.train(), tt.test()}) {
            for (int i = 0; i < part.rows(); i++) {
                assertEquals(d.labels()[(int) part.x()[2 * i]], part.labels()[i]);
            }
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset d = numbered(200, 2);
        TrainTest a = Split.split(d, 0.25, 5);
        TrainTest b = Split.split(d, 0.25, 5);
        assertArrayEquals(a.test().x(), b.test().x());
        assertArrayEquals(a.train().x(), b.train().x());
        assertFalse(Arrays.equals(a.test().x(), Split.split(d, 0.25, 6).test().x()));
    }

    @Test
    void stratifiedSplitKeepsTheClassProportions() {
        Dataset d = ClassicSets.load("iris");
        TrainTest tt = Split.split(d, 0.2, 9, true);
        assertArrayEquals(new int[] {10, 10, 10}, ClassicSetsTest.classCounts(tt.test()));
        assertArrayEquals(new int[] {40, 40, 40}, ClassicSetsTest.classCounts(tt.train()));
        // and the test set is not ordered by class
        int[] labels = tt.test().labels();
        int[] sorted = labels.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(sorted, labels));
    }

    @Test
    void tinyDataStillGetsOneRowOnEachSide() {
        TrainTest tt = Split.split(numbered(3, 2), 0.01, 1);
        assertEquals(1, tt.test().rows());
        assertEquals(2, tt.train().rows());
        tt = Split.split(numbered(3, 2), 0.99, 1);
        assertEquals(2, tt.test().rows());
        assertEquals(1, tt.train().rows());
    }

    @Test
    void badFractionsAndStratifiedRegressionAreRejected() {
        Dataset d = numbered(10, 2);
        assertThrows(IllegalArgumentException.class, () -> Split.split(d, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.split(d, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Split.split(d, Double.NaN, 1));
        Dataset reg = Dataset.regression("r", new float[] {1, 2, 3}, 3, 1, new float[] {1, 2, 3}, 1);
        assertThrows(IllegalArgumentException.class, () -> Split.split(reg, 0.3, 1, true));
        assertEquals(1, Split.split(reg, 0.3, 1).test().rows());
    }
}
