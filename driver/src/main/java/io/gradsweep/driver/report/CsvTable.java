package io.gradsweep.driver.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link ReportTable} as RFC 4180 CSV: the header row then the rows, CRLF line ends,
 * fields quoted when they hold a comma, a quote, a line break or edge spaces (quotes doubled).
 * The caption is not part of the file.
 *
 * <pre>{@code
 * String csv = CsvTable.render(table);
 * CsvTable.write(table, Path.of("out/summary.csv"));
 * }</pre>
 */
public final class CsvTable {

    private CsvTable() {}

    public static String render(ReportTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.header());
        for (List<String> row : table.rows()) {
            line(csv, row);
        }
        return csv.toString();
    }

    public static void write(ReportTable table, Path file) throws IOException {
        Files.writeString(file, render(table), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
            || value.indexOf('\n') >= 0 || (!value.isEmpty() && value.strip().length() != value.length());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
