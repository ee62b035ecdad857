package io.gradsweep.worker.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The index arithmetic of a study: grid point p is a mixed-radix number over the dimensions, in
 * file order, the last varying fastest. A point's settings are computed from p alone (base, then
 * each dimension's value, then the when rules), so any point is O(dimensions) away and nothing
 * is kept between points.
 */
final class Grid {
    private final List<Dimension> dimensions;
    private final Object[] base;
    private final List<WhenRule> rules;
    private final List<Condition> excludes;
    private final long points;

    /** @param base every setting's canonical value by slot: defaults overlaid with the study's base */
    Grid(List<Dimension> dimensions, Object[] base, List<WhenRule> rules, List<Condition> excludes) {
        this.dimensions = List.copyOf(dimensions);
        this.base = base.clone();
        this.rules = List.copyOf(rules);
        this.excludes = List.copyOf(excludes);
        long n = 1;
        for (Dimension d : dimensions) {
            n = Math.multiplyExact(n, d.size()); // the reader has refused grids that overflow
        }
        this.points = n;
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    long points() {
        return points;
    }

    /** Point {@code p}'s settings by slot after the when rules, or null when an exclude entry matches. */
    Object[] settings(long p) {
        Object[] s = base.clone();
        int[] digits = digits(p);
        for (int d = 0; d < digits.length; d++) {
            dimensions.get(d).apply(digits[d], s);
        }
        for (WhenRule r : rules) {
            r.apply(s);
        }
        for (Condition c : excludes) {
            if (c.matches(s)) {
                return null;
            }
        }
        return s;
    }

    /** "activation=relu, depth=2": point {@code p} as its dimensions' values, for messages. */
    String describe(long p) {
        int[] digits = digits(p);
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < digits.length; d++) {
            parts.add(dimensions.get(d).name() + "=" + dimensions.get(d).values().get(digits[d]));
        }
        return parts.isEmpty() ? "the single grid point" : String.join(", ", parts);
    }

    private int[] digits(long p) {
        if (p < 0 || p >= points) {
            throw new IndexOutOfBoundsException("grid point " + p + " of " + points);
        }
        int[] digits = new int[dimensions.size()];
        long rest = p;
        for (int d = digits.length - 1; d >= 0; d--) {
            int size = dimensions.get(d).size();
            digits[d] = (int) (rest % size);
            rest /= size;
        }
        return digits;
    }
}
