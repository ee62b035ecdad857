package io.gradsweep.core.data;

import java.util.Arrays;

import io.gradsweep.core.random.SplitMix64;

/**
 * A deterministic train/test split: a seeded shuffle of the rows, the first part becoming the
 * test set. Both sets come out in shuffled order, so that a consumer who reads them front to
 * back never sees one class after another. Stratified, each class is split in the same
 * proportion (rounded per class).
 */
public final class Split {
    private Split() {
    }

    /** Test size round(rows * testFraction), at least 1, leaving at least 1 training row. */
    public static TrainTest split(Dataset data, double testFraction, long seed) {
        return split(data, testFraction, seed, false);
    }

    /** As {@link #split(Dataset, double, long)}; {@code stratified} needs a classification or binary set. */
    public static TrainTest split(Dataset data, double testFraction, long seed, boolean stratified) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must lie strictly between 0 and 1, was " + testFraction);
        }
        int n = data.rows();
        if (n < 2) {
            throw new IllegalArgumentException(data + ": a split needs at least 2 rows");
        }
        SplitMix64 rng = new SplitMix64(seed);
        int[] test;
        int[] train;
        if (stratified) {
            if (data.task() == Dataset.Task.REGRESSION) {
                throw new IllegalArgumentException(data + ": stratify needs class labels, not regression targets");
            }
            int[][] parts = stratifiedParts(data, testFraction, rng);
            test = parts[0];
            train = parts[1];
            if (test.length == 0 || train.length == 0) {
                throw new IllegalArgumentException(data + ": a stratified split with test fraction " + testFraction
                        + " leaves an empty " + (test.length == 0 ? "test" : "training") + " set");
            }
        } else {
            int[] order = identity(n);
            rng.shuffle(order);
            int testCount = (int) Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
            test = Arrays.copyOfRange(order, 0, testCount);
            train = Arrays.copyOfRange(order, testCount, n);
        }
        return new TrainTest(data.subset(train), data.subset(test));
    }

    /** {test rows, train rows}: each class shuffled and cut, then each side shuffled as a whole. */
    private static int[][] stratifiedParts(Dataset data, double testFraction, SplitMix64 rng) {
        int[] labels = data.labels();
        int classes = data.classes();
        int[] count = new int[classes];
        for (int label : labels) {
            count[label]++;
        }
        int[] testCount = new int[classes];
        int testTotal = 0;
        for (int c = 0; c < classes; c++) {
            testCount[c] = (int) Math.round(count[c] * testFraction);
            testTotal += testCount[c];
        }
        int[] test = new int[testTotal];
        int[] train = new int[labels.length - testTotal];
        int t = 0;
        int r = 0;
        for (int c = 0; c < classes; c++) {
            int[] rows = new int[count[c]];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows[k++] = i;
                }
            }
            rng.shuffle(rows);
            for (int i = 0; i < rows.length; i++) {
                if (i < testCount[c]) {
                    test[t++] = rows[i];
                } else {
                    train[r++] = rows[i];
                }
            }
        }
        rng.shuffle(test);
        rng.shuffle(train);
        return new int[][] {test, train};
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
