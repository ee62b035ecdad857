package io.gradsweep.driver.analysis;

import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.table.PartitionPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of one of a study folder's tables, read from the files {@code CommittedTables} counts
 * with Parquet's own record reader over a projection of the columns asked for (as status reads its
 * three columns): no Hadoop configuration, no Spark. The partition column, which is only in the
 * directory names, is given to each row with the type Spark infers for it from those names, so
 * that its text (Spark's CAST AS STRING) is the same on both paths: {@code lr=0.01} is the double
 * 0.01, {@code depth=2} the integer 2, {@code activation=elu%28alpha%3D0.5%29} the string
 * {@code elu(alpha=0.5)}.
 */
final class TableRows {
    /** One row of a file, as Parquet's example Group, with the partition column's value (null when none). */
    interface Visitor {
        void row(Group row, String partitionColumn, Object partitionValue);
    }

    /** What a read found: the columns any file had (of those asked for). */
    record Read(Set<String> columns) {
    }

    /** Spark reads a value that looks like a date or a timestamp as one; these are not reproduced here. */
    private static final Pattern DATE_LIKE = Pattern.compile("[+-]?\\d{4,}-\\d{1,2}-\\d{1,2}.*");

    private TableRows() {
    }

    /**
     * Reads every row of {@code files} (part files of one table), only {@code columns} of them;
     * {@code partition} types the partition directories' values (see {@link #partitionValues}).
     */
    static Read read(FolderFiles io, List<Path> files, Collection<String> columns, Map<String, Object> partition,
                     Visitor visitor) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        for (Path file : files) {
            String[] dir = partitionOf(file);
            String partitionColumn = dir == null ? null : dir[0];
            Object partitionValue = dir == null ? null : partition.get(dir[1]);
            try (ParquetFileReader reader = ParquetFileReader.open(io.parquet(file), io.parquetOptions())) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<Type> fields = new ArrayList<>();
                for (String column : columns) {
                    if (schema.containsField(column)) {
                        fields.add(schema.getType(column));
                        seen.add(column);
                    }
                }
                MessageType projection = new MessageType(schema.getName(), fields);
                reader.setRequestedSchema(projection);
                MessageColumnIO columnIO = new ColumnIOFactory(reader.getFooter().getFileMetaData().getCreatedBy())
                        .getColumnIO(projection, schema);
                for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null; rowGroup = reader.readNextRowGroup()) {
                    RecordReader<Group> rows = columnIO.getRecordReader(rowGroup, new GroupRecordConverter(projection));
                    for (long r = 0; r < rowGroup.getRowCount(); r++) {
                        visitor.row(rows.read(), partitionColumn, partitionValue);
                    }
                }
            }
        }
        return new Read(seen);
    }

    /** A file's partition directory as {column, raw value}, or null for a file directly in its table's folder. */
    private static String[] partitionOf(Path file) {
        String name = file.getParent().getName();
        int eq = name.indexOf('=');
        return eq < 0 ? null : new String[] {PartitionPaths.unescape(name.substring(0, eq)), name.substring(eq + 1)};
    }

    /**
     * The partition column's value for each raw directory value of {@code files}, typed as Spark's
     * partition discovery types them (spark.sql.sources.partitionColumnTypeInference, on by
     * default): every value an int, else every value an int or a long, else every value an int or a
     * double (a long with a double is a string to Spark), else strings (unescaped). Empty when
     * Spark would read a value as a type not reproduced here (a decimal such as 1.0E10, a date or
     * a timestamp): the caller then leaves the reading to Spark.
     */
    static Optional<Map<String, Object>> partitionValues(List<Path> files) {
        Set<String> raws = new LinkedHashSet<>();
        for (Path f : files) {
            String[] dir = partitionOf(f);
            if (dir != null) {
                raws.add(dir[1]);
            }
        }
        boolean ints = true;
        boolean longs = false;
        boolean doubles = false;
        boolean strings = false;
        for (String raw : raws) {
            switch (inferred(raw)) {
                case INT -> { }
                case LONG -> longs = true;
                case DOUBLE -> doubles = true;
                case STRING -> strings = true;
                case OTHER -> {
                    return Optional.empty();
                }
            }
        }
        boolean asStrings = strings || (longs && doubles);
        Map<String, Object> typed = new HashMap<>();
        for (String raw : raws) {
            typed.put(raw, asStrings ? PartitionPaths.unescape(raw) : doubles ? (Object) Double.parseDouble(raw)
                    : longs ? (Object) Long.parseLong(raw) : (Object) Integer.parseInt(raw));
        }
        return Optional.of(typed);
    }

    private enum Inferred { INT, LONG, DOUBLE, STRING, OTHER }

    /** Spark's order of tries: int, long, decimal without a fraction, double, timestamp, date, string. */
    private static Inferred inferred(String raw) {
        try {
            Integer.parseInt(raw);
            return Inferred.INT;
        } catch (NumberFormatException e) {
            // not an int
        }
        try {
            Long.parseLong(raw);
            return Inferred.LONG;
        } catch (NumberFormatException e) {
            // not a long
        }
        try {
            if (new BigDecimal(raw).scale() <= 0) {
                return Inferred.OTHER; // Spark: a decimal
            }
        } catch (NumberFormatException e) {
            // not a decimal
        }
        try {
            Double.parseDouble(raw);
            return Inferred.DOUBLE;
        } catch (NumberFormatException e) {
            // not a double
        }
        return DATE_LIKE.matcher(PartitionPaths.unescape(raw)).matches() || raw.equals("__HIVE_DEFAULT_PARTITION__")
                ? Inferred.OTHER : Inferred.STRING;
    }

    /**
     * A column's value in a row: Integer, Long, Float, Double, String or Boolean, or for a list
     * column a List of those with null elements; null when the row has none (an optional value
     * not set, or a column the file does not have).
     */
    static Object value(Group row, String column) {
        GroupType type = row.getType();
        if (!type.containsField(column)) {
            return null;
        }
        int field = type.getFieldIndex(column);
        if (row.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        Type t = type.getType(field);
        if (t.isPrimitive()) {
            return primitive(row, field, t.asPrimitiveType());
        }
        // a list in the standard three-level layout: <column> { repeated group list { element } }
        Group list = row.getGroup(field, 0);
        int n = list.getFieldRepetitionCount(0);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Group element = list.getGroup(0, i);
            out.add(element.getFieldRepetitionCount(0) == 0 ? null
                    : primitive(element, 0, element.getType().getType(0).asPrimitiveType()));
        }
        return out;
    }

    private static Object primitive(Group row, int field, PrimitiveType type) {
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> row.getInteger(field, 0);
            case INT64 -> row.getLong(field, 0);
            case FLOAT -> row.getFloat(field, 0);
            case DOUBLE -> row.getDouble(field, 0);
            case BOOLEAN -> row.getBoolean(field, 0);
            case BINARY -> row.getString(field, 0);
            default -> throw new IllegalStateException("column " + type.getName() + " has the Parquet type "
                    + type.getPrimitiveTypeName() + ", which no gradsweep table uses");
        };
    }

    /** A list column of floats as float[] (a column not there, or null, as none). */
    static float[] floats(Group row, String column) {
        Object v = value(row, column);
        if (v == null) {
            return new float[0];
        }
        List<?> list = (List<?>) v;
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i) == null ? Float.NaN : ((Number) list.get(i)).floatValue();
        }
        return out;
    }
}
