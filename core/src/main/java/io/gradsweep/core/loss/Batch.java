package io.gradsweep.core.loss;

import io.gradsweep.core.data.Dataset;

/** Reusable buffers for a set of rows gathered from a data set: features and labels or targets. */
public final class Batch {
    private final int features;
    private final int outputs;
    private final float[] x;
    private final int[] labels;
    private final float[] targets;
    private int rows;

    public Batch(Dataset data, int capacity) {
        this.features = data.features();
        this.outputs = data.outputs();
        this.x = new float[capacity * features];
        this.labels = data.labels() == null ? null : new int[capacity];
        this.targets = data.targets() == null ? null : new float[capacity * outputs];
    }

    /** Copies the rows of {@code data} named by index[from .. from+count) into this batch. */
    public void gather(Dataset data, int[] index, int from, int count) {
        float[] src = data.x();
        for (int r = 0; r < count; r++) {
            int row = index[from + r];
            System.arraycopy(src, row * features, x, r * features, features);
            copyTarget(data, row, r);
        }
        rows = count;
    }

    /** Copies the contiguous rows from .. from+count of {@code data}. */
    public void gatherRange(Dataset data, int from, int count) {
        System.arraycopy(data.x(), from * features, x, 0, count * features);
        for (int r = 0; r < count; r++) {
            copyTarget(data, from + r, r);
        }
        rows = count;
    }

    private void copyTarget(Dataset data, int row, int r) {
        if (labels != null) {
            labels[r] = data.labels()[row];
        } else {
            System.arraycopy(data.targets(), row * outputs, targets, r * outputs, outputs);
        }
    }

    public int rows() {
        return rows;
    }

    public float[] x() {
        return x;
    }

    /** Null for regression. */
    public int[] labels() {
        return labels;
    }

    /** Null unless regression. */
    public float[] targets() {
        return targets;
    }
}
