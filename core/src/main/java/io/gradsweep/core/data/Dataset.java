package io.gradsweep.core.data;

import java.util.Objects;

/**
 * A table of examples held as one flat row-major float array (rows x features), with integer
 * labels for classification or float targets for regression. Immutable by convention: the
 * arrays are never written after construction.
 */
public final class Dataset {

    /** What the targets are; it decides the network's output width and the losses allowed. */
    public enum Task {
        /** labels 0..classes-1, output width = classes */
        CLASSIFICATION,
        /** labels 0 or 1, output width 1 */
        BINARY,
        /** float targets, output width = target columns */
        REGRESSION
    }

    private final String name;
    private final Task task;
    private final int rows;
    private final int features;
    private final float[] x;
    private final int[] labels;
    private final float[] targets;
    private final int outputs;

    private Dataset(String name, Task task, int rows, int features, float[] x, int[] labels,
                    float[] targets, int outputs) {
        this.name = Objects.requireNonNull(name, "name");
        this.task = task;
        this.rows = rows;
        this.features = features;
        this.x = x;
        this.labels = labels;
        this.targets = targets;
        this.outputs = outputs;
        if (rows < 1 || features < 1) {
            throw new IllegalArgumentException(name + ": a data set needs at least one row and one feature, was "
                    + rows + " x " + features);
        }
        if (x.length != rows * features) {
            throw new IllegalArgumentException(name + ": feature array has " + x.length + " values, expected "
                    + rows + " x " + features);
        }
    }

    /** Labels must lie in 0..classes-1. */
    public static Dataset classification(String name, float[] x, int rows, int features, int[] labels, int classes) {
        checkLabels(name, labels, rows, classes);
        return new Dataset(name, Task.CLASSIFICATION, rows, features, x, labels, null, classes);
    }

    /** Labels must be 0 or 1; the network has one output unit. */
    public static Dataset binary(String name, float[] x, int rows, int features, int[] labels) {
        checkLabels(name, labels, rows, 2);
        return new Dataset(name, Task.BINARY, rows, features, x, labels, null, 1);
    }

    /** Targets are rows x outputs, row-major. */
    public static Dataset regression(String name, float[] x, int rows, int features, float[] targets, int outputs) {
        if (outputs < 1 || targets.length != rows * outputs) {
            throw new IllegalArgumentException(name + ": target array has " + targets.length + " values, expected "
                    + rows + " x " + outputs);
        }
        return new Dataset(name, Task.REGRESSION, rows, features, x, null, targets, outputs);
    }

    private static void checkLabels(String name, int[] labels, int rows, int classes) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + rows + " rows");
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": classification needs at least 2 classes, was " + classes);
        }
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of row " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** The rows at {@code index}, in that order. */
    public Dataset subset(int[] index) {
        float[] sx = new float[index.length * features];
        for (int r = 0; r < index.length; r++) {
            System.arraycopy(x, index[r] * features, sx, r * features, features);
        }
        if (task == Task.REGRESSION) {
            float[] st = new float[index.length * outputs];
            for (int r = 0; r < index.length; r++) {
                System.arraycopy(targets, index[r] * outputs, st, r * outputs, outputs);
            }
            return new Dataset(name, task, index.length, features, sx, null, st, outputs);
        }
        int[] sl = new int[index.length];
        for (int r = 0; r < index.length; r++) {
            sl[r] = labels[index[r]];
        }
        return new Dataset(name, task, index.length, features, sx, sl, null, outputs);
    }

    /** The same examples with other feature values (e.g. after scaling); shape must match. */
    public Dataset withFeatures(float[] newX) {
        return new Dataset(name, task, rows, features, newX, labels, targets, outputs);
    }

    public String name() {
        return name;
    }

    public Task task() {
        return task;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    /** Row-major rows x features; do not modify. */
    public float[] x() {
        return x;
    }

    /** Class labels (classification and binary); null for regression. Do not modify. */
    public int[] labels() {
        return labels;
    }

    /** Row-major rows x outputs targets (regression); null otherwise. Do not modify. */
    public float[] targets() {
        return targets;
    }

    /** Width of the network's output layer for this data set. */
    public int outputs() {
        return outputs;
    }

    /** Number of classes (classification), 2 (binary), 0 (regression). */
    public int classes() {
        return switch (task) {
            case CLASSIFICATION -> outputs;
            case BINARY -> 2;
            case REGRESSION -> 0;
        };
    }

    @Override
    public String toString() {
        return name + " (" + task.name().toLowerCase() + ", " + rows + " x " + features + ")";
    }
}
