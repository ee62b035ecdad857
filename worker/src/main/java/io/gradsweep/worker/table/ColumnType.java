package io.gradsweep.worker.table;

import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The few plain Parquet types the tables use, so that any reader (Spark, DuckDB, pyarrow) takes
 * them without extensions. Lists use the standard three-level layout
 * ({@code <list> (LIST) { repeated group list { element } }}).
 */
public enum ColumnType {
    /** Integer. */
    INT32,
    /** Long. */
    INT64,
    /** Double; NaN is written as NaN, not null. */
    DOUBLE,
    /** String, as UTF-8 BINARY annotated STRING. */
    STRING,
    /** List of Long (null elements where the column is nullable). */
    INT64_LIST,
    /** float[]. */
    FLOAT_LIST,
    /** List of Double (null elements where the column is nullable). */
    DOUBLE_LIST;

    /** @param nullable for a scalar: the value may be null; for a list: its elements may be null */
    Type parquetType(String name, boolean nullable) {
        Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        return switch (this) {
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            // A list itself is never null (empty instead), so readers need no null check per row.
            case INT64_LIST -> Types.requiredList().element(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT_LIST -> Types.requiredList().element(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE_LIST -> Types.requiredList().element(PrimitiveTypeName.DOUBLE, repetition).named(name);
        };
    }

    /** Writes a non-null value inside its field; a value of the wrong Java type is a bug and throws. */
    void write(RecordConsumer out, Object value) {
        switch (this) {
            case INT32 -> out.addInteger((Integer) value);
            case INT64 -> out.addLong((Long) value);
            case DOUBLE -> out.addDouble((Double) value);
            case STRING -> out.addBinary(Binary.fromString((String) value));
            case INT64_LIST, DOUBLE_LIST -> writeList(out, (List<?>) value);
            case FLOAT_LIST -> writeFloats(out, (float[]) value);
        }
    }

    private void writeList(RecordConsumer out, List<?> values) {
        out.startGroup();
        if (!values.isEmpty()) {
            out.startField("list", 0);
            for (Object v : values) {
                out.startGroup();
                if (v != null) {
                    out.startField("element", 0);
                    if (this == INT64_LIST) {
                        out.addLong((Long) v);
                    } else {
                        out.addDouble((Double) v);
                    }
                    out.endField("element", 0);
                }
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    private static void writeFloats(RecordConsumer out, float[] values) {
        out.startGroup();
        if (values.length > 0) {
            out.startField("list", 0);
            for (float v : values) {
                out.startGroup();
                out.startField("element", 0);
                out.addFloat(v);
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }
}
