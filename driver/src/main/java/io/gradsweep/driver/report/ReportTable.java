package io.gradsweep.driver.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table of strings with a caption and a header row, and optionally an id (an HTML anchor).
 * A column whose non-empty cells all read as numbers is numeric: it is right-aligned. The first
 * {@code keyColumns} columns name a row (e.g. cell and arm): a table too wide for the page is
 * shown in parts, each repeating them.
 */
public record ReportTable(String caption, List<String> header, List<List<String>> rows, String id, int keyColumns)
        implements Report.Block {

    /** Letters first, then letters, digits, '-' and '_': safe as an HTML id and a URL fragment. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Decimal or scientific, optionally signed or a percentage; also the non-finite values. */
    private static final Pattern NUMBER = Pattern.compile(
        "[-+\u2212]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?%?|NaN|Infinity|\u221E)");

    /** Null cells become empty strings; every row must have as many cells as the header. */
    public ReportTable {
        Objects.requireNonNull(caption, "caption");
        header = cells(Objects.requireNonNull(header, "header"));
        if (header.isEmpty()) {
            throw new IllegalArgumentException("table '" + caption + "' has no columns");
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : Objects.requireNonNull(rows, "rows")) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table '" + caption + "': row " + (copy.size() + 1) + " has "
                    + row.size() + " cells but the header has " + header.size());
            }
            copy.add(cells(row));
        }
        rows = List.copyOf(copy);
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("table id '" + id + "' must match " + ID.pattern());
        }
        if (keyColumns < 0 || keyColumns >= header.size() && header.size() > 1) {
            throw new IllegalArgumentException("table '" + caption + "': " + keyColumns + " key columns of " + header.size());
        }
    }

    public ReportTable(String caption, List<String> header, List<List<String>> rows, String id) {
        this(caption, header, rows, id, 1);
    }

    public ReportTable(String caption, List<String> header, List<List<String>> rows) {
        this(caption, header, rows, null);
    }

    /** The same table with an id, e.g. for a link to it or for a test to find it. */
    public ReportTable withId(String newId) {
        return new ReportTable(caption, header, rows, newId, keyColumns);
    }

    /** The same table with the first {@code n} columns naming a row, repeated in every part of a wide table. */
    public ReportTable withKeyColumns(int n) {
        return new ReportTable(caption, header, rows, id, n);
    }

    /** Whether column {@code column} is numeric: at least one cell, and every non-empty cell a number. */
    public boolean isNumeric(int column) {
        boolean any = false;
        for (List<String> row : rows) {
            String cell = row.get(column).strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static List<String> cells(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(v == null ? "" : v);
        }
        return List.copyOf(out);
    }
}
