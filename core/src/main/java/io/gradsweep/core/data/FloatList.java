package io.gradsweep.core.data;

import java.util.Arrays;

/** A growable float array, so that loaders can stream rows without knowing their count. */
final class FloatList {
    private float[] data = new float[1024];
    private int size;

    void add(float v) {
        if (size == data.length) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + size + " values: too large for one float array");
            }
            data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size));
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
