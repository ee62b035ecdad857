package io.gradsweep.core.data;

/** Checks a generated table's shape before its arrays are allocated. */
final class Shapes {
    private Shapes() {
    }

    static void check(String name, int rows, int features) {
        if (rows < 1 || features < 1) {
            throw new IllegalArgumentException(name + ": needs at least one row and one feature, asked for "
                    + rows + " x " + features);
        }
        if ((long) rows * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": " + rows + " x " + features
                    + " values do not fit in one float array");
        }
    }
}
