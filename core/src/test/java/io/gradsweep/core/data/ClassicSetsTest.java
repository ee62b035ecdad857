package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClassicSetsTest {

    static int[] classCounts(Dataset d) {
        int[] counts = new int[d.classes()];
        for (int label : d.labels()) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void digitsHasTheKnownShapeAndPerClassCounts() {
        Dataset d = ClassicSets.load("digits");
        assertEquals(1797, d.rows());
        assertEquals(64, d.features());
        assertEquals(Dataset.Task.CLASSIFICATION, d.task());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, classCounts(d));
    }

    @Test
    void digitsPixelsAreDividedBy16() {
        Dataset d = ClassicSets.load("digits");
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.x()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            assertEquals(0f, v * 16 - Math.round(v * 16), "pixel " + v + " is not k/16");
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // first row of the file: 0,0,5,13,9,1,0,0,...; label 0
        assertEquals(5f / 16, d.x()[2]);
        assertEquals(13f / 16, d.x()[3]);
        assertEquals(0, d.labels()[0]);
    }

    @Test
    void irisHas50PerClass() {
        Dataset d = ClassicSets.load("iris");
        assertEquals(150, d.rows());
        assertEquals(4, d.features());
        assertEquals(3, d.classes());
        assertArrayEquals(new int[] {50, 50, 50}, classCounts(d));
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, java.util.Arrays.copyOf(d.x(), 4));
    }

    @Test
    void wineHasTheKnownClassCounts() {
        Dataset d = ClassicSets.load("wine");
        assertEquals(178, d.rows());
        assertEquals(13, d.features());
        assertArrayEquals(new int[] {59, 71, 48}, classCounts(d));
        assertEquals(1065f, d.x()[12]); // proline of the first row
    }

    @Test
    void breastCancerIsBinaryWith212MalignantAnd357Benign() {
        Dataset d = ClassicSets.load("breast_cancer");
        assertEquals(569, d.rows());
        assertEquals(30, d.features());
        assertEquals(Dataset.Task.BINARY, d.task());
        assertEquals(1, d.outputs());
        assertArrayEquals(new int[] {212, 357}, classCounts(d));
        assertEquals(17.99f, d.x()[0]);
    }

    @Test
    void namesAreSortedAndUnknownNamesAreListed() {
        assertEquals(List.of("breast_cancer", "digits", "iris", "wine"), ClassicSets.names());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassicSets.load("irsi"));
        assertTrue(e.getMessage().contains("irsi") && e.getMessage().contains("iris"), e.getMessage());
    }
}
