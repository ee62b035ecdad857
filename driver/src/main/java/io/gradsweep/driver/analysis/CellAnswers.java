package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's first words: the study's question answered in a sentence per cell, from the
 * headline comparisons as they stand. Each sentence gives the counts of pairs a reader can check
 * and each comparison's verdict in the headline table's own words, with its Holm-corrected p, so
 * the sentence claims nothing the table does not.
 */
final class CellAnswers {
    private CellAnswers() {
    }

    /** One sentence per cell, in the cells' order; none when there is no headline comparison. */
    static List<String> of(List<TimeComparison> family, Function<List<String>, String> cellLabel, boolean exploratory,
            double level) {
        Map<List<String>, List<TimeComparison>> byCell = new LinkedHashMap<>();
        for (TimeComparison c : family) {
            byCell.computeIfAbsent(c.cell, k -> new ArrayList<>()).add(c);
        }
        List<String> out = new ArrayList<>();
        byCell.forEach((cell, comparisons) -> out.add(sentence(cell.isEmpty() ? "Over all trials" : "At " + cellLabel.apply(cell),
                comparisons, level)));
        if (exploratory && !out.isEmpty()) {
            out.add("Exploratory: the threshold was chosen from the data, not declared in advance.");
        }
        return out;
    }

    static String sentence(String where, List<TimeComparison> comparisons, double level) {
        TimeComparison first = comparisons.get(0);
        StringBuilder s = new StringBuilder(where).append(", who reached train loss ").append(first.threshold)
                .append(" first in each pair with ").append(first.reference).append(": ");
        List<String> parts = new ArrayList<>();
        for (TimeComparison c : comparisons) {
            parts.add(part(c, level));
        }
        return s.append(String.join("; ", parts)).append(".").toString();
    }

    private static String part(TimeComparison c, double level) {
        if (c.pairs == 0) {
            return c.arm + ": no pairs (runs of one arm missing or failed)";
        }
        StringBuilder s = new StringBuilder(c.arm).append(" first in ").append(c.armFirst).append(" of ").append(c.pairs)
                .append(c.pairs == 1 ? " pair" : " pairs").append(", ").append(c.reference).append(" first in ")
                .append(c.referenceFirst);
        if (c.ties > 0) {
            s.append(", ").append(c.ties).append(" tied");
        }
        if (c.undetermined > 0) {
            s.append(", ").append(c.undetermined).append(" with no order");
        }
        s.append(" - ").append(c.verdict(level));
        List<String> ps = new ArrayList<>();
        if (!Double.isNaN(c.holmP)) {
            ps.add("sign test " + ReportTables.p(c.holmP));
        }
        if (!Double.isNaN(c.logRankHolmP)) {
            ps.add("log-rank " + ReportTables.p(c.logRankHolmP));
        }
        if (!ps.isEmpty()) {
            s.append(" (Holm p: ").append(String.join(", ", ps)).append(")");
        }
        return s.toString();
    }
}
