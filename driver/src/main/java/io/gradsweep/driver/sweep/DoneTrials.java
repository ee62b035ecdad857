package io.gradsweep.driver.sweep;

import java.util.Arrays;

/**
 * The grid indexes already in the output, as a sorted long[]: 8 bytes a trial, for resume. Each
 * once: a file holding trials another file holds already is never counted (see CommittedTables).
 */
public final class DoneTrials {
    private final long[] sorted;

    private DoneTrials(long[] sorted) {
        this.sorted = sorted;
    }

    public static DoneTrials none() {
        return new DoneTrials(new long[0]);
    }

    public static DoneTrials of(long[] indexes) {
        long[] copy = indexes.clone();
        Arrays.sort(copy);
        return new DoneTrials(copy);
    }

    public boolean contains(long index) {
        return Arrays.binarySearch(sorted, index) >= 0;
    }

    public int size() {
        return sorted.length;
    }
}
