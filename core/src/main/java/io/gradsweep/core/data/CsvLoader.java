package io.gradsweep.core.data;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipException;

/**
 * Reads a user's CSV file (plain or gzip): a header line naming the columns, one column holding
 * the label, every other column a numeric feature. For classification the distinct labels are
 * mapped to 0..k-1 in sorted order: numerically if every label is a number, else by
 * {@link String#compareTo}; so the mapping depends only on the set of labels, not on row order.
 * The file is streamed line by line and rejected at the first bad line with its file name, line
 * number and column name; a file that is not a regular file, or holds more than {@link #MAX_BYTES}
 * (after decompression), is refused. Fields are split at every comma; a field may be wrapped in double
 * quotes but may not contain a comma.
 */
public final class CsvLoader {
    /** More distinct labels than this is almost surely a regression target read as classes. */
    public static final int MAX_CLASSES = 1000;
    /**
     * The most text read from one file, counted after decompression: 1 GiB is ten times MNIST as
     * CSV, and a file (or a gzip bomb) beyond it would exhaust an executor's heap in float arrays.
     */
    public static final long MAX_BYTES = 1L << 30;

    private CsvLoader() {
    }

    /**
     * @param task CLASSIFICATION (labels mapped to 0..k-1), BINARY (exactly two distinct labels,
     *             mapped to 0 and 1) or REGRESSION (the label column is a float target)
     */
    public static Dataset load(Path file, String labelColumn, Dataset.Task task) throws IOException {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new FileNotFoundException(where + ": CSV file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new DataFormatException(where + ": is a folder, expected a CSV file");
        }
        String name = file.getFileName().toString();
        try (InputStream in = Inputs.open(file, MAX_BYTES); TextLines lines = new TextLines(where, in)) {
            return read(name, where, lines, labelColumn, task);
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(where + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    private static Dataset read(String name, String where, TextLines lines, String labelColumn,
                                Dataset.Task task) throws IOException {
        String[] columns = header(where, lines, labelColumn);
        int labelAt = indexOf(columns, labelColumn);
        int features = columns.length - 1;
        FloatList x = new FloatList();
        FloatList targets = new FloatList();
        IntList provisional = new IntList();
        // label text -> provisional id in order of first appearance; remapped to sorted order at the end
        Map<String, Integer> ids = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        int rows = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != columns.length) {
                throw new DataFormatException(where + " line " + lines.lineNumber() + ": expected "
                        + columns.length + " fields as in the header, found " + f.length);
            }
            if ((long) (rows + 1) * features > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(where + " line " + lines.lineNumber()
                        + ": too many rows for one float array (" + features + " features each)");
            }
            for (int j = 0; j < f.length; j++) {
                if (j != labelAt) {
                    x.add(number(where, lines, columns[j], f[j]));
                }
            }
            String label = unquote(f[labelAt].trim());
            if (task == Dataset.Task.REGRESSION) {
                targets.add(number(where, lines, columns[labelAt], label));
            } else {
                if (label.isEmpty()) {
                    throw new DataFormatException(where + " line " + lines.lineNumber() + ", column '"
                            + columns[labelAt] + "': empty label");
                }
                Integer id = ids.get(label);
                if (id == null) {
                    if (distinct.size() == MAX_CLASSES) {
                        throw new DataFormatException(where + " line " + lines.lineNumber() + ", column '"
                                + columns[labelAt] + "': more than " + MAX_CLASSES
                                + " distinct labels; is it a regression target? (task=regression)");
                    }
                    id = distinct.size();
                    ids.put(label, id);
                    distinct.add(label);
                }
                provisional.add(id);
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataFormatException(where + ": no data rows after the header line");
        }
        if (task == Dataset.Task.REGRESSION) {
            return Dataset.regression(name, x.toArray(), rows, features, targets.toArray(), 1);
        }
        int[] remap = LabelOrder.sortedRanks(distinct);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = remap[provisional.get(r)];
        }
        if (task == Dataset.Task.BINARY) {
            if (distinct.size() != 2) {
                throw new DataFormatException(where + ", column '" + columns[labelAt] + "': task binary needs exactly"
                        + " 2 distinct labels, found " + distinct.size() + ": " + LabelOrder.preview(distinct));
            }
            return Dataset.binary(name, x.toArray(), rows, features, labels);
        }
        if (distinct.size() < 2) {
            throw new DataFormatException(where + ", column '" + columns[labelAt]
                    + "': classification needs at least 2 distinct labels, found only " + distinct);
        }
        return Dataset.classification(name, x.toArray(), rows, features, labels, distinct.size());
    }

    private static String[] header(String where, TextLines lines, String labelColumn) throws IOException {
        String first = lines.next();
        while (first != null && first.isBlank()) {
            first = lines.next();
        }
        if (first == null) {
            throw new DataFormatException(where + ": the file is empty; expected a header line naming the columns");
        }
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
            first = first.substring(1); // a byte-order mark that spreadsheet exports put first
        }
        String[] columns = first.split(",", -1);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < columns.length; j++) {
            columns[j] = unquote(columns[j].trim());
            if (columns[j].isEmpty()) {
                throw new DataFormatException(where + " line " + lines.lineNumber() + ": column " + (j + 1)
                        + " of the header has no name");
            }
            if (!seen.add(columns[j])) {
                throw new DataFormatException(where + " line " + lines.lineNumber() + ": column name '" + columns[j]
                        + "' appears twice in the header");
            }
        }
        if (indexOf(columns, labelColumn) < 0) {
            throw new DataFormatException(where + " line " + lines.lineNumber() + ": no column named '" + labelColumn
                    + "' for the label; the columns are: " + String.join(", ", columns));
        }
        if (columns.length < 2) {
            throw new DataFormatException(where + " line " + lines.lineNumber() + ": only the label column '"
                    + labelColumn + "'; at least one feature column is needed");
        }
        return columns;
    }

    private static int indexOf(String[] columns, String name) {
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1) : s;
    }

    /** A finite decimal number; stricter than Float.parseFloat, which also takes "1f", "0x1p3", "NaN". */
    private static float number(String where, TextLines lines, String column, String field) {
        String s = unquote(field.trim());
        if (!Decimals.isDecimal(s)) {
            throw new DataFormatException(where + " line " + lines.lineNumber() + ", column '" + column + "': '"
                    + field + "' is not a number");
        }
        float v = Float.parseFloat(s);
        if (!Float.isFinite(v)) {
            throw new DataFormatException(where + " line " + lines.lineNumber() + ", column '" + column + "': '"
                    + field + "' is too large for a float");
        }
        return v;
    }
}
