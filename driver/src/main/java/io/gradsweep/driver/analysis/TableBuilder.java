package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.List;
import io.gradsweep.driver.report.ReportTable;

/** Collects a report table's rows; its name becomes the CSV file's name and the HTML table's id. */
final class TableBuilder {
    final String name;
    final String caption;
    final List<String> header;
    final List<List<String>> rows = new ArrayList<>();

    TableBuilder(String name, String caption, List<String> header) {
        this.name = name;
        this.caption = caption;
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("table " + name + ": a row of " + row.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
    }

    /** A title for the table's section: its name in words ("time-to-threshold" -> "Time to threshold"). */
    String title() {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    ReportTable build() {
        return new ReportTable(caption, header, rows).withId(name);
    }
}
