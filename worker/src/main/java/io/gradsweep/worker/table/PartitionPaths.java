package io.gradsweep.worker.table;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;

/**
 * Hive-style partition directories, {@code column=value}, escaped so that Spark's partition
 * discovery, DuckDB's hive_partitioning and pyarrow's "hive" partitioning read the value back.
 */
public final class PartitionPaths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PartitionPaths() {
    }

    /** {@code tableRoot/column=escaped value}; {@code tableRoot} itself when {@code column} is empty. */
    public static Path directory(Path tableRoot, String column, String value) {
        return column.isEmpty() ? tableRoot : new Path(tableRoot, escape(column) + "=" + escape(value));
    }

    /**
     * Every ASCII character outside {@code [A-Za-z0-9._-]} becomes {@code %XX}, so no value can
     * make a path separator, a URI scheme ({@code :}), a second {@code =} or a hidden name.
     * Characters beyond ASCII stay as they are: Spark unescapes each {@code %XX} into one char,
     * so percent-encoded UTF-8 would come back garbled there, while every reader takes UTF-8
     * names as they are. An empty value is refused: Hive's {@code __HIVE_DEFAULT_PARTITION__} is
     * null to Spark but a string to DuckDB, and no setting is ever empty.
     */
    public static String escape(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty partition value has no directory name that every reader"
                    + " reads back the same");
        }
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSafe(c) || c >= 0x80) {
                s.append(c);
            } else {
                s.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return s.toString();
    }

    /** The inverse of {@link #escape}; decodes any {@code %XX} run as UTF-8, as a URI would. */
    public static String unescape(String escaped) {
        StringBuilder s = new StringBuilder(escaped.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            int hi = i + 2 < escaped.length() ? Character.digit(escaped.charAt(i + 1), 16) : -1;
            int lo = i + 2 < escaped.length() ? Character.digit(escaped.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                bytes.write(hi << 4 | lo);
                i += 3;
                continue;
            }
            flush(bytes, s);
            s.append(c);
            i++;
        }
        flush(bytes, s);
        return s.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder s) {
        if (bytes.size() > 0) {
            s.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static boolean isSafe(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-';
    }
}
