package io.gradsweep.core.data;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Orders class labels deterministically: numerically if all are numbers, else as strings. */
final class LabelOrder {
    private LabelOrder() {
    }

    /** For each label in {@code distinct}, its rank (0..k-1) in the sorted order. */
    static int[] sortedRanks(List<String> distinct) {
        boolean numeric = distinct.stream().allMatch(Decimals::isDecimal);
        // BigDecimal, not double: exact, and "1" vs "1.0" stay distinct labels, ordered by value then text
        Comparator<String> order = numeric
                ? Comparator.<String, BigDecimal>comparing(BigDecimal::new).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        Integer[] byRank = new Integer[distinct.size()];
        for (int i = 0; i < byRank.length; i++) {
            byRank[i] = i;
        }
        Arrays.sort(byRank, (a, b) -> order.compare(distinct.get(a), distinct.get(b)));
        int[] rank = new int[byRank.length];
        for (int r = 0; r < byRank.length; r++) {
            rank[byRank[r]] = r;
        }
        return rank;
    }

    /** The first few labels, for an error message. */
    static String preview(List<String> labels) {
        return labels.size() <= 10 ? labels.toString() : labels.subList(0, 10) + " ...";
    }
}
