package io.gradsweep.core.data;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which data a study trains on, as a value: a data set name, its parameters (sorted by key), the
 * test fraction and the feature scaling. Written compactly as {@code name(key=value,...)}, e.g.
 * {@code spirals(n=400,noise=0.1)} or {@code csv(path=/x.csv,label=y,task=classification)};
 * the reserved keys {@code test_fraction} and {@code scaling} set those two fields. The
 * canonical {@link #toString()} writes every field and parses back to an equal spec.
 */
public final class DataSpec {
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final String TEST_FRACTION = "test_fraction";
    public static final String SCALING = "scaling";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final SortedMap<String, String> params;
    private final double testFraction;
    private final Scaling scaling;

    /**
     * @param testFraction in (0, 1); for data sets with their own split (mnist, fashion_mnist) it
     *                     must be {@link #DEFAULT_TEST_FRACTION}, as it is not used
     */
    public DataSpec(String name, Map<String, String> params, double testFraction, Scaling scaling) {
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("data set name '" + name + "' must be lower case letters, digits and _,"
                    + " starting with a letter");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            checkEntry(name, e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        this.params = Collections.unmodifiableSortedMap(copy);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException(name + ": " + TEST_FRACTION + "=" + testFraction
                    + " is out of range; allowed: a number strictly between 0 and 1");
        }
        if (DataSets.hasOwnSplit(name) && testFraction != DEFAULT_TEST_FRACTION) {
            throw ownSplit(name);
        }
        this.testFraction = testFraction;
        this.scaling = Objects.requireNonNull(scaling, "scaling");
    }

    /** Default test fraction and the data set's default scaling ({@link DataSets#defaultScaling}). */
    public static DataSpec of(String name, Map<String, String> params) {
        return new DataSpec(name, params, DEFAULT_TEST_FRACTION, DataSets.defaultScaling(name));
    }

    /** Parses {@code name}, {@code name()} or {@code name(key=value,...)}; whitespace around parts is ignored. */
    public static DataSpec parse(String text) {
        String s = text.trim();
        int open = s.indexOf('(');
        String name = open < 0 ? s : s.substring(0, open).trim();
        Map<String, String> params = new TreeMap<>();
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw syntax(text, "missing ')' at the end");
            }
            String inner = s.substring(open + 1, s.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",", -1)) {
                    int eq = part.indexOf('=');
                    if (eq < 0) {
                        throw syntax(text, "'" + part.trim() + "' is not key=value");
                    }
                    String key = part.substring(0, eq).trim();
                    String value = part.substring(eq + 1).trim();
                    if (params.put(key, value) != null) {
                        throw syntax(text, "parameter " + key + " is given twice");
                    }
                }
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw syntax(text, "data set name '" + name + "' must be lower case letters, digits and _");
        }
        double testFraction = DEFAULT_TEST_FRACTION;
        String tf = params.remove(TEST_FRACTION);
        if (tf != null) {
            if (DataSets.hasOwnSplit(name)) {
                throw ownSplit(name);
            }
            if (!Decimals.isDecimal(tf)) {
                throw new IllegalArgumentException(name + ": " + TEST_FRACTION + "=" + tf
                        + " is not a number; allowed: a number strictly between 0 and 1");
            }
            testFraction = Double.parseDouble(tf);
        }
        String sc = params.remove(SCALING);
        Scaling scaling;
        try {
            scaling = sc == null ? DataSets.defaultScaling(name) : Scaling.parse(sc);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + SCALING + "=" + sc
                    + " is not a known value; allowed: none, standard, minmax");
        }
        return new DataSpec(name, params, testFraction, scaling);
    }

    public String name() {
        return name;
    }

    /** Unmodifiable, sorted by key; without test_fraction and scaling. */
    public SortedMap<String, String> params() {
        return params;
    }

    public double testFraction() {
        return testFraction;
    }

    public Scaling scaling() {
        return scaling;
    }

    public DataSpec withParam(String key, String value) {
        TreeMap<String, String> p = new TreeMap<>(params);
        p.put(key, value);
        return new DataSpec(name, p, testFraction, scaling);
    }

    public DataSpec withTestFraction(double fraction) {
        return new DataSpec(name, params, fraction, scaling);
    }

    public DataSpec withScaling(Scaling newScaling) {
        return new DataSpec(name, params, testFraction, newScaling);
    }

    /** {@code name(k1=v1,...,scaling=s,test_fraction=f)}; test_fraction omitted for data sets with their own split. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue()).append(',');
        }
        b.append(SCALING).append('=').append(scaling.key());
        if (!DataSets.hasOwnSplit(name)) {
            b.append(',').append(TEST_FRACTION).append('=').append(testFraction); // Double.toString round-trips exactly
        }
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSpec d && name.equals(d.name) && params.equals(d.params)
                && Double.compare(testFraction, d.testFraction) == 0 && scaling == d.scaling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, params, testFraction, scaling);
    }

    /** Keys are identifiers; values must survive the compact form, so no , ( ) and no edge blanks. */
    private static void checkEntry(String name, String key, String value) {
        if (key == null || !NAME.matcher(key).matches()) {
            throw new IllegalArgumentException(name + ": parameter name '" + key
                    + "' must be lower case letters, digits and _, starting with a letter");
        }
        if (key.equals(TEST_FRACTION) || key.equals(SCALING)) {
            throw new IllegalArgumentException(name + ": " + key + " is a field of the spec, not a parameter");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + ": parameter " + key + " has no value");
        }
        if (!value.equals(value.trim()) || value.indexOf(',') >= 0 || value.indexOf('(') >= 0
                || value.indexOf(')') >= 0) {
            throw new IllegalArgumentException(name + ": parameter " + key + "=" + value
                    + " may not contain , ( ) or start or end with a blank");
        }
    }

    private static IllegalArgumentException syntax(String text, String problem) {
        return new IllegalArgumentException("cannot parse data spec '" + text + "': " + problem
                + "; expected name(key=value,...), e.g. spirals(n=400,noise=0.1)");
    }

    private static IllegalArgumentException ownSplit(String name) {
        return new IllegalArgumentException(name + ": comes with its own train/test split, so " + TEST_FRACTION
                + " does not apply; subsample with n= (training rows) and test_n= (test rows)");
    }
}
