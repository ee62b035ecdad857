package io.gradsweep.worker.table;

import java.util.Objects;
import java.util.function.Function;

/** One column of a table: its name, its type and where a row keeps its value. */
public final class Column<R> {
    private final String name;
    private final ColumnType type;
    private final boolean nullable;
    private final Function<R, Object> value;

    private Column(String name, ColumnType type, boolean nullable, Function<R, Object> value) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.nullable = nullable;
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A column whose value (or, for a list, every element) is never null. */
    public static <R> Column<R> of(String name, ColumnType type, Function<R, Object> value) {
        return new Column<>(name, type, false, value);
    }

    /** A column whose value may be null; for a list type: whose elements may be null. */
    public static <R> Column<R> nullable(String name, ColumnType type, Function<R, Object> value) {
        return new Column<>(name, type, true, value);
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** This column's value in {@code row}, as the Java type {@link ColumnType} names. */
    public Object valueOf(R row) {
        return value.apply(row);
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? " nullable" : "");
    }
}
