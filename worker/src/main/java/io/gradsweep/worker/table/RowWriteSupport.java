package io.gradsweep.worker.table;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes rows straight from their columns' getters: no intermediate Group objects per row. */
final class RowWriteSupport<R> extends WriteSupport<R> {
    private final TableSchema<R> table;
    private final Map<String, String> footer;
    private final List<Column<R>> columns;
    private RecordConsumer out;

    /** {@code footer}: the key-value metadata of the file (see {@link PartFileFooter}). */
    RowWriteSupport(TableSchema<R> table, Map<String, String> footer) {
        this.table = table;
        this.footer = Map.copyOf(footer);
        this.columns = table.columns();
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return context();
    }

    private WriteContext context() {
        return new WriteContext(table.messageType(), footer);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(R row) {
        out.startMessage();
        for (int i = 0; i < columns.size(); i++) {
            Column<R> c = columns.get(i);
            Object value = c.valueOf(row);
            if (value == null) {
                if (!c.isNullable()) {
                    throw new IllegalArgumentException(table.name() + "." + c.name() + " is null but not nullable");
                }
                continue;
            }
            out.startField(c.name(), i);
            c.type().write(out, value);
            out.endField(c.name(), i);
        }
        out.endMessage();
    }
}
