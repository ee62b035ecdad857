package io.gradsweep.worker.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** A table's name and columns, in file order; from them its Parquet schema. */
public final class TableSchema<R> {
    private final String name;
    private final List<Column<R>> columns;

    public TableSchema(String name, List<Column<R>> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column<R> c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + c.name());
            }
        }
    }

    /** The table's name, also its folder under the output. */
    public String name() {
        return name;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    public Optional<Column<R>> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * This table without the named column, if it has one. The partition column goes: its value is
     * in the directory name, and pyarrow, DataFusion and polars refuse or duplicate a column that is
     * both in the files and in the directory names (Spark's own writer leaves it out too).
     */
    public TableSchema<R> withoutColumn(String columnName) {
        List<Column<R>> kept = new ArrayList<>(columns);
        kept.removeIf(c -> c.name().equals(columnName));
        return kept.size() == columns.size() ? this : new TableSchema<>(name, kept);
    }

    public MessageType messageType() {
        List<Type> fields = new ArrayList<>();
        for (Column<R> c : columns) {
            fields.add(c.type().parquetType(c.name(), c.isNullable()));
        }
        return new MessageType(name, fields);
    }

    @Override
    public String toString() {
        return name + columns;
    }
}
