package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.ConfidenceInterval;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One cell of a report table, twice: as the page shows it ("0.52 [0.31, open]") and as the CSV
 * holds it, a number per column (0.52, 0.31 and an empty upper bound), so a reader of the CSV
 * never parses text. An empty CSV value is no number: an open bound, or one not computed.
 */
record TableCell(String shown, List<String> csv) {
    TableCell {
        csv = List.copyOf(csv);
    }

    static TableCell text(String text) {
        return new TableCell(text, List.of(text));
    }

    static TableCell count(long n) {
        return new TableCell(String.valueOf(n), List.of(String.valueOf(n)));
    }

    /** A number, rounded for the page and whole in the CSV; NaN is "n/a" on the page and empty in the CSV. */
    static TableCell number(double x) {
        return new TableCell(ReportTables.num(x), List.of(csvNumber(x)));
    }

    static TableCell p(double p) {
        return new TableCell(ReportTables.p(p), List.of(csvNumber(p)));
    }

    /** An estimate and its interval: three CSV columns (estimate, lower, upper). */
    static TableCell estimate(double x, ConfidenceInterval ci) {
        return new TableCell(ReportTables.num(x) + " " + ReportTables.ci(ci),
                List.of(csvNumber(x), csvNumber(ci.lower()), csvNumber(ci.upper())));
    }

    /** An estimate with no interval, and the page says why (e.g. "[too few runs]"). */
    static TableCell estimateWithout(double x, String why) {
        return new TableCell(ReportTables.num(x) + " " + why, List.of(csvNumber(x), "", ""));
    }

    /** No value: the page shows {@code shown} ("n/a", "not reached"), the CSV {@code columns} empty values. */
    static TableCell none(String shown, int columns) {
        return new TableCell(shown, Collections.nCopies(columns, ""));
    }

    static TableCell of(String shown, String... csv) {
        return new TableCell(shown, Arrays.asList(csv));
    }

    /** The shortest decimal that reads back as {@code x}, never in exponent notation; empty when not finite. */
    static String csvNumber(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
}
