package io.gradsweep.driver.report;

import java.util.Objects;

/** Checks shared by the series records: names present, arrays present and of one length. */
final class SeriesData {

    private SeriesData() {}

    static String name(String name) {
        Objects.requireNonNull(name, "series name");
        return name;
    }

    /** Requires every array to be non-null and as long as the first; returns that length. */
    static int sameLength(String series, String[] names, double[]... arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) {
                throw new IllegalArgumentException("series '" + series + "': " + names[i] + " is null");
            }
            if (arrays[i].length != arrays[0].length) {
                throw new IllegalArgumentException("series '" + series + "': " + names[i] + " has "
                    + arrays[i].length + " values but " + names[0] + " has " + arrays[0].length);
            }
        }
        return arrays[0].length;
    }
}
