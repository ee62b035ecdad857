package io.gradsweep.core.data;

import java.util.Arrays;

/** A growable int array, so that loaders can stream labels without knowing their count. */
final class IntList {
    private int[] data = new int[1024];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size));
        }
        data[size++] = v;
    }

    int get(int i) {
        return data[i];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
