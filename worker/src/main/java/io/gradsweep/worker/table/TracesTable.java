package io.gradsweep.worker.table;

import static io.gradsweep.worker.table.ColumnType.DOUBLE;
import static io.gradsweep.worker.table.ColumnType.FLOAT_LIST;
import static io.gradsweep.worker.table.ColumnType.INT32;
import static io.gradsweep.worker.table.ColumnType.INT64;
import static io.gradsweep.worker.table.ColumnType.STRING;

import java.util.List;

/** The traces table: one row per evaluation point of a trial. Columns and units: docs/tables.md. */
public final class TracesTable {
    public static final String NAME = "traces";

    private static final TableSchema<TraceRow> SCHEMA = new TableSchema<>(NAME, List.of(
            Column.of("trial_key", STRING, TraceRow::trialKey),
            Column.of("trial_id", STRING, TraceRow::trialId),
            Column.of("replicate", INT32, TraceRow::replicate),
            Column.of("grid_index", INT64, TraceRow::gridIndex),
            Column.of("step", INT64, r -> r.point().step()),
            Column.of("epoch", DOUBLE, r -> r.point().epoch()),
            Column.of("minibatch_loss", DOUBLE, r -> r.point().minibatchLoss()),
            Column.of("train_loss", DOUBLE, r -> r.point().trainLoss()),
            Column.of("train_accuracy", DOUBLE, r -> r.point().trainAccuracy()),
            Column.of("test_loss", DOUBLE, r -> r.point().testLoss()),
            Column.of("test_accuracy", DOUBLE, r -> r.point().testAccuracy()),
            Column.of("gradient_norm", FLOAT_LIST, r -> r.point().gradientNorm()),
            Column.of("dead_fraction", FLOAT_LIST, r -> r.point().deadFraction()),
            Column.of("activation_mean", FLOAT_LIST, r -> r.point().activationMean()),
            Column.of("activation_std", FLOAT_LIST, r -> r.point().activationStd()),
            Column.of("learning_rate", DOUBLE, r -> r.point().learningRate()),
            Column.of("elapsed_seconds", DOUBLE, r -> r.point().elapsedNanos() / 1e9),
            // After every earlier column, so that a study without sharpness keeps them as they were.
            Column.of("sharpness", DOUBLE, r -> r.point().sharpness()),
            Column.of("sharpness_iterations", INT32, r -> r.point().sharpnessIterations())));

    private TracesTable() {
    }

    /** Every column, the partition column included. */
    public static TableSchema<TraceRow> schema() {
        return SCHEMA;
    }
}
