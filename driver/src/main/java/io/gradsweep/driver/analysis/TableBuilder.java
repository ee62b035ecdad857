package io.gradsweep.driver.analysis;

import io.gradsweep.driver.report.ReportTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a report table's rows; its name becomes the CSV file's name and the HTML table's id.
 * The page gets each cell as text ({@link #build}); the CSV gets numbers, an interval's estimate
 * and bounds each in a column of its own ({@link #csv}).
 */
final class TableBuilder {
    /** A column: its heading on the page, and the CSV columns it becomes (one, or e.g. estimate, lower, upper). */
    record Column(String shown, List<String> csv) {
        static Column of(String name) {
            return new Column(name, List.of(name));
        }

        /** An estimate with its interval: CSV columns {@code value}, {@code value lower}, {@code value upper}. */
        static Column interval(String shown, String value) {
            return new Column(shown, List.of(value, value + " lower", value + " upper"));
        }

        static Column of(String shown, String... csv) {
            return new Column(shown, List.of(csv));
        }
    }

    final String name;
    final String caption;
    final List<Column> columns;
    final List<String> header;
    final List<List<TableCell>> rows = new ArrayList<>();
    private final int keyColumns;

    TableBuilder(String name, String caption, List<Column> columns, int keyColumns) {
        this.name = name;
        this.caption = caption;
        this.columns = List.copyOf(columns);
        this.header = columns.stream().map(Column::shown).toList();
        this.keyColumns = keyColumns;
    }

    /** Columns that are each one CSV column. */
    static TableBuilder plain(String name, String caption, List<String> header, int keyColumns) {
        return new TableBuilder(name, caption, header.stream().map(Column::of).toList(), keyColumns);
    }

    void add(List<TableCell> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("table " + name + ": a row of " + row.size() + " cells for " + columns.size() + " columns");
        }
        for (int c = 0; c < row.size(); c++) {
            if (row.get(c).csv().size() != columns.get(c).csv().size()) {
                throw new IllegalArgumentException("table " + name + ", column " + columns.get(c).shown() + ": "
                        + row.get(c).csv().size() + " CSV values for " + columns.get(c).csv());
            }
        }
        rows.add(List.copyOf(row));
    }

    /** A title for the table's section: its name in words ("time-to-threshold" -> "Time to threshold"). */
    String title() {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The table as the page and the Markdown show it. */
    ReportTable build() {
        List<List<String>> shown = rows.stream().map(r -> r.stream().map(TableCell::shown).toList()).toList();
        return new ReportTable(caption, header, shown).withId(name).withKeyColumns(keyColumns);
    }

    /** The table as the CSV holds it: a number per column where the page packs several into a cell. */
    ReportTable csv() {
        List<String> csvHeader = columns.stream().flatMap(c -> c.csv().stream()).toList();
        List<List<String>> values = rows.stream().map(r -> r.stream().flatMap(cell -> cell.csv().stream()).toList()).toList();
        return new ReportTable(caption, csvHeader, values).withId(name);
    }
}
