package io.gradsweep.worker.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a table back the way a dataset reader does: walks {@code column=value} directories,
 * skips hidden names, and reads every other file with parquet-hadoop's generic Group reader,
 * independent of the writing code. Values come back as Integer, Long, Float, Double, String,
 * List (with null elements) or null.
 */
public final class TableReader {
    private TableReader() {
    }

    /** One row and where it came from. */
    public static final class Row {
        public final Path file;
        public final Map<String, String> partition;
        public final Map<String, Object> values;

        Row(Path file, Map<String, String> partition, Map<String, Object> values) {
            this.file = file;
            this.partition = partition;
            this.values = values;
        }

        public Object get(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
            }
            return values.get(column);
        }

        @Override
        public String toString() {
            return partition + " " + values;
        }
    }

    public static List<Row> read(Path tableRoot, Configuration conf) throws IOException {
        List<Row> rows = new ArrayList<>();
        FileSystem fs = tableRoot.getFileSystem(conf);
        if (fs.exists(tableRoot)) {
            walk(fs, conf, tableRoot, new LinkedHashMap<>(), rows);
        }
        return rows;
    }

    /** The schema in a file's footer. */
    public static MessageType schema(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    /** The key-value metadata in a file's footer. */
    public static Map<String, String> footerMetadata(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }

    private static void walk(FileSystem fs, Configuration conf, Path dir, Map<String, String> partition,
                             List<Row> rows) throws IOException {
        FileStatus[] entries = fs.listStatus(dir);
        Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (entry.isDirectory()) {
                int eq = name.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException("not a partition directory: " + entry.getPath());
                }
                Map<String, String> inner = new LinkedHashMap<>(partition);
                inner.put(PartitionPaths.unescape(name.substring(0, eq)), PartitionPaths.unescape(name.substring(eq + 1)));
                walk(fs, conf, entry.getPath(), inner, rows);
            } else {
                readFile(conf, entry.getPath(), partition, rows);
            }
        }
    }

    private static void readFile(Configuration conf, Path file, Map<String, String> partition, List<Row> rows)
            throws IOException {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                rows.add(new Row(file, partition, values(g)));
            }
        }
    }

    private static Map<String, Object> values(Group g) {
        Map<String, Object> values = new LinkedHashMap<>();
        GroupType type = g.getType();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            if (g.getFieldRepetitionCount(i) == 0) {
                values.put(field.getName(), null);
            } else if (field.isPrimitive()) {
                values.put(field.getName(), primitive(g, i, field.asPrimitiveType()));
            } else {
                values.put(field.getName(), list(g.getGroup(i, 0)));
            }
        }
        return values;
    }

    /** The three-level list layout: {@code group (LIST) { repeated group list { element } }}. */
    private static List<Object> list(Group listGroup) {
        GroupType repeated = listGroup.getType().getType(0).asGroupType();
        if (!repeated.getName().equals("list") || !repeated.getType(0).getName().equals("element")) {
            throw new IllegalStateException("not a standard three-level list: " + listGroup.getType());
        }
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < listGroup.getFieldRepetitionCount(0); k++) {
            Group element = listGroup.getGroup(0, k);
            out.add(element.getFieldRepetitionCount(0) == 0 ? null
                    : primitive(element, 0, repeated.getType(0).asPrimitiveType()));
        }
        return out;
    }

    private static Object primitive(Group g, int i, PrimitiveType type) {
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> g.getInteger(i, 0);
            case INT64 -> g.getLong(i, 0);
            case FLOAT -> g.getFloat(i, 0);
            case DOUBLE -> g.getDouble(i, 0);
            case BINARY -> {
                if (!LogicalTypeAnnotation.stringType().equals(type.getLogicalTypeAnnotation())) {
                    throw new IllegalStateException(type + " is binary but not a string");
                }
                yield g.getString(i, 0);
            }
            default -> throw new IllegalStateException("unexpected type " + type);
        };
    }
}
