package io.gradsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small classic data sets shipped as classpath resources (see README.md beside them):
 * {@code digits} (1797 x 64, 10 classes, pixels 0..16 divided by 16 so they lie in [0, 1]),
 * {@code iris} (150 x 4, 3 classes), {@code wine} (178 x 13, 3 classes) and
 * {@code breast_cancer} (569 x 30, binary: 0 = malignant, 1 = benign). Features are otherwise
 * as in the files (unscaled).
 */
public final class ClassicSets {
    /** Name users type -> resource file. A TreeMap so that {@link #names()} is sorted. */
    private static final Map<String, String> FILES = new TreeMap<>(Map.of(
            "digits", "digits.csv.gz",
            "iris", "iris.csv",
            "wine", "wine_data.csv.gz",
            "breast_cancer", "breast_cancer.csv.gz"));

    private static final int DIGIT_PIXELS = 64;
    private static final int DIGIT_CLASSES = 10;

    /** Parsed sets, kept because a sweep loads the same set for every trial; Datasets are immutable. */
    private static final Map<String, Dataset> CACHE = new TreeMap<>();

    private ClassicSets() {
    }

    /** The names users type, sorted. */
    public static List<String> names() {
        return List.copyOf(FILES.keySet());
    }

    public static boolean isClassic(String name) {
        return FILES.containsKey(name);
    }

    /** The whole data set (not split, not scaled). */
    public static Dataset load(String name) {
        String file = FILES.get(name);
        if (file == null) {
            throw new IllegalArgumentException("unknown classic data set '" + name + "'; known: "
                    + String.join(", ", FILES.keySet()));
        }
        synchronized (CACHE) {
            Dataset cached = CACHE.get(name);
            if (cached != null) {
                return cached;
            }
        }
        Dataset loaded;
        try (InputStream in = Inputs.resource(file)) {
            if (in == null) {
                throw new IllegalStateException("resource " + file + " is missing from the gradsweep-core jar");
            }
            TextLines lines = new TextLines(file, in);
            loaded = name.equals("digits") ? readDigits(name, lines) : readWithHeader(name, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + file, e);
        }
        synchronized (CACHE) {
            CACHE.putIfAbsent(name, loaded);
            return CACHE.get(name);
        }
    }

    /** No header; each line is 64 pixels in 0..16 then the digit. */
    private static Dataset readDigits(String name, TextLines lines) throws IOException {
        FloatList x = new FloatList();
        IntList labels = new IntList();
        for (String line = lines.next(); line != null; line = lines.next()) {
            String[] f = fields(name, lines, line, DIGIT_PIXELS + 1);
            for (int j = 0; j < DIGIT_PIXELS; j++) {
                x.add(parseInt(name, lines, f[j]) / 16f); // exact in float: a power-of-two divisor
            }
            labels.add(parseInt(name, lines, f[DIGIT_PIXELS]));
        }
        return Dataset.classification(name, x.toArray(), labels.size(), DIGIT_PIXELS, labels.toArray(),
                DIGIT_CLASSES);
    }

    /** First line "count,features,classnames..."; then features and an integer class per line. */
    private static Dataset readWithHeader(String name, TextLines lines) throws IOException {
        String header = lines.next();
        if (header == null) {
            throw new DataFormatException(name + ": resource is empty");
        }
        String[] h = header.split(",");
        int count = parseInt(name, lines, h[0]);
        int features = parseInt(name, lines, h[1]);
        int classes = h.length - 2;
        float[] x = new float[count * features];
        int[] labels = new int[count];
        for (int r = 0; r < count; r++) {
            String line = lines.next();
            if (line == null) {
                throw new DataFormatException(name + ": header declares " + count + " rows, found " + r);
            }
            String[] f = fields(name, lines, line, features + 1);
            for (int j = 0; j < features; j++) {
                x[r * features + j] = parseFloat(name, lines, f[j]);
            }
            labels[r] = parseInt(name, lines, f[features]);
        }
        return classes == 2
                ? Dataset.binary(name, x, count, features, labels)
                : Dataset.classification(name, x, count, features, labels, classes);
    }

    private static String[] fields(String name, TextLines lines, String line, int expected) {
        String[] f = line.split(",", -1);
        if (f.length != expected) {
            throw new DataFormatException(name + " line " + lines.lineNumber() + ": expected " + expected
                    + " fields, found " + f.length);
        }
        return f;
    }

    private static int parseInt(String name, TextLines lines, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(name + " line " + lines.lineNumber() + ": '" + s + "' is not an integer");
        }
    }

    private static float parseFloat(String name, TextLines lines, String s) {
        try {
            return Float.parseFloat(s.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(name + " line " + lines.lineNumber() + ": '" + s + "' is not a number");
        }
    }
}
