package io.gradsweep.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.gradsweep.core.random.Seeds;

/**
 * Turns a {@link DataSpec} and a seed into a split, scaled {@link TrainTest}. Generated sets use
 * {@code Seeds.derive(seed, "generate")} for their data; every set but the idx ones is split with
 * {@code Seeds.derive(seed, "split")}; the scaling is fitted on the training part only.
 *
 * <p>Names and parameters (defaults in the generator classes):
 * <ul>
 * <li>{@code digits}, {@code iris}, {@code wine}, {@code breast_cancer}: see {@link ClassicSets}</li>
 * <li>{@code spirals(n, noise, turns)}, {@code circles(n, noise, factor)},
 *     {@code xor(bits, n, noise, values=pm1|01)}, {@code parity(...)} as xor,
 *     {@code blobs(classes, features, n, spread)},
 *     {@code teacher_student(inputs, width, depth, n, task=regression|classification, outputs, noise, classes)}</li>
 * <li>{@code csv(path, label, task=classification|binary|regression)}: see {@link CsvLoader}</li>
 * <li>{@code mnist(path, n, test_n)}, {@code fashion_mnist(path, n, test_n)}: see {@link IdxLoader};
 *     the files' own split, optionally subsampled with {@code Seeds.derive(seed, "subsample")}</li>
 * </ul>
 * All but the idx sets also take {@code stratify=true|false} (default false) for the split.
 */
public final class DataSets {
    public static final String CSV = "csv";
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion_mnist";
    /** Where Debian's dataset-fashion-mnist package puts the files. */
    public static final String FASHION_MNIST_FOLDER = "/usr/share/datasets/fashion-mnist";

    private DataSets() {
    }

    /** Computed once: every trial spec checks its data set's name against it. */
    private static final List<String> NAMES = computeNames();

    /** Every name {@link #load} knows, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    private static List<String> computeNames() {
        List<String> all = new ArrayList<>(ClassicSets.names());
        all.addAll(Generators.NAMES);
        all.add(CSV);
        all.add(MNIST);
        all.add(FASHION_MNIST);
        Collections.sort(all);
        return List.copyOf(all);
    }

    /** True for the idx sets, which come split into train and test files. */
    public static boolean hasOwnSplit(String name) {
        return name.equals(MNIST) || name.equals(FASHION_MNIST);
    }

    /** NONE for the idx sets (pixels already in [0, 1]; near-constant border pixels would blow up), else STANDARD. */
    public static Scaling defaultScaling(String name) {
        return hasOwnSplit(name) ? Scaling.NONE : Scaling.STANDARD;
    }

    /**
     * @throws IllegalArgumentException for an unknown name or a bad parameter (the message names it)
     * @throws UncheckedIOException     when a file cannot be read (the message names the file)
     */
    public static TrainTest load(DataSpec spec, long seed) {
        String name = spec.name();
        Params p = new Params(name, spec.params());
        TrainTest split;
        if (hasOwnSplit(name)) {
            split = loadIdx(name, p, seed);
        } else {
            Dataset whole = whole(name, p, seed);
            boolean stratify = p.bool("stratify", false);
            p.checkAllUsed();
            split = Split.split(whole, spec.testFraction(), Seeds.derive(seed, "split"), stratify);
        }
        return spec.scaling().apply(split);
    }

    private static Dataset whole(String name, Params p, long seed) {
        if (ClassicSets.isClassic(name)) {
            return ClassicSets.load(name);
        }
        if (Generators.isGenerator(name)) {
            return Generators.generate(name, p, Seeds.derive(seed, "generate"));
        }
        if (name.equals(CSV)) {
            String path = p.required("path", "the CSV file");
            String label = p.required("label", "the name of the label column");
            Dataset.Task task = switch (p.choice("task", "classification", "classification", "binary", "regression")) {
                case "binary" -> Dataset.Task.BINARY;
                case "regression" -> Dataset.Task.REGRESSION;
                default -> Dataset.Task.CLASSIFICATION;
            };
            try {
                return CsvLoader.load(Path.of(path), label, task);
            } catch (IOException e) {
                throw new UncheckedIOException("csv: cannot read " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("unknown data set '" + name + "'; known: " + String.join(", ", names()));
    }

    private static TrainTest loadIdx(String name, Params p, long seed) {
        String path = name.equals(FASHION_MNIST)
                ? valueOr(p.string("path"), FASHION_MNIST_FOLDER)
                : p.required("path", "the folder holding the four idx files. " + IdxLoader.HOW_TO_GET);
        int n = p.integer("n", 0, 0, Integer.MAX_VALUE);
        int testN = p.integer("test_n", 0, 0, Integer.MAX_VALUE);
        p.checkAllUsed();
        try {
            return IdxLoader.load(Path.of(path), name, n, testN, Seeds.derive(seed, "subsample"));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static String valueOr(String value, String def) {
        return value == null ? def : value;
    }
}
