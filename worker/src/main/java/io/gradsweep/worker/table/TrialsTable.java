package io.gradsweep.worker.table;

import static io.gradsweep.worker.table.ColumnType.DOUBLE;
import static io.gradsweep.worker.table.ColumnType.DOUBLE_LIST;
import static io.gradsweep.worker.table.ColumnType.INT32;
import static io.gradsweep.worker.table.ColumnType.INT64;
import static io.gradsweep.worker.table.ColumnType.INT64_LIST;
import static io.gradsweep.worker.table.ColumnType.STRING;

import io.gradsweep.core.train.TrialSpec;
import io.gradsweep.core.trace.TrialSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The trials table: one row per trial. Columns and units: docs/tables.md. */
public final class TrialsTable {
    public static final String NAME = "trials";
    /** Columns the driver reads back by name (resume, status, the analysis' queries). */
    public static final String STUDY_HASH = "study_hash";
    public static final String GRID_INDEX = "grid_index";
    public static final String STATUS = "status";

    /** The replicate is a setting too, but it is written once, among the identifiers. */
    private static final String REPLICATE = "replicate";

    private static final TableSchema<TrialRow> SCHEMA = build();

    private TrialsTable() {
    }

    /** Every column, the partition column included. */
    public static TableSchema<TrialRow> schema() {
        return SCHEMA;
    }

    private static TableSchema<TrialRow> build() {
        List<Column<TrialRow>> c = new ArrayList<>();
        c.add(Column.of("study", STRING, TrialRow::study));
        c.add(Column.of(STUDY_HASH, STRING, TrialRow::studyHash));
        c.add(Column.of("trial_id", STRING, TrialRow::trialId));
        c.add(Column.of("trial_key", STRING, TrialRow::trialKey));
        c.add(Column.of(REPLICATE, INT32, r -> r.spec().replicate()));
        c.add(Column.of(GRID_INDEX, INT64, TrialRow::gridIndex));
        // One column per setting, typed by its default and in --help order, so every file of every
        // study has the same setting columns whichever settings the study varies.
        Map<String, Object> defaults = TrialSpec.defaults().settings();
        for (String[] described : TrialSpec.describeSettings()) {
            String key = described[0];
            if (!key.equals(REPLICATE)) {
                c.add(Column.of(key, settingType(key, defaults.get(key)), r -> r.spec().settings().get(key)));
            }
        }
        c.add(Column.of("spec_json", STRING, r -> r.spec().canonicalJson()));
        c.add(Column.of(STATUS, STRING, r -> r.summary().status().label()));
        c.add(Column.nullable("message", STRING, r -> r.summary().message().orElse(null)));
        c.add(Column.of("steps_run", INT64, r -> r.summary().stepsRun()));
        c.add(Column.of("epochs_run", DOUBLE, r -> r.summary().epochsRun()));
        c.add(Column.of("final_train_loss", DOUBLE, r -> r.summary().finalTrainLoss()));
        c.add(Column.of("final_train_accuracy", DOUBLE, r -> r.summary().finalTrainAccuracy()));
        c.add(Column.of("final_test_loss", DOUBLE, r -> r.summary().finalTestLoss()));
        c.add(Column.of("final_test_accuracy", DOUBLE, r -> r.summary().finalTestAccuracy()));
        c.add(Column.nullable("threshold_step", INT64_LIST, r -> thresholdSteps(r.summary())));
        c.add(Column.nullable("threshold_epoch", DOUBLE_LIST, r -> thresholdEpochs(r.summary())));
        c.add(Column.of("flops", INT64, r -> r.summary().flops()));
        c.add(Column.of("wall_seconds", DOUBLE, r -> r.summary().wallNanos() / 1e9));
        c.add(Column.of("host", STRING, TrialRow::host));
        c.add(Column.of("code_version", STRING, TrialRow::codeVersion));
        c.add(Column.of("max_sharpness", DOUBLE, r -> r.summary().maxSharpness()));
        c.add(Column.nullable("edge_step", INT64, r -> r.summary().edgeStep().isPresent()
                ? (Object) r.summary().edgeStep().getAsLong() : null));
        return new TableSchema<>(NAME, c);
    }

    private static ColumnType settingType(String key, Object defaultValue) {
        if (defaultValue instanceof Long) {
            return INT64;
        } else if (defaultValue instanceof Double) {
            return DOUBLE;
        } else if (defaultValue instanceof String) {
            return STRING;
        } else if (defaultValue instanceof List) {
            return DOUBLE_LIST;
        }
        throw new IllegalStateException("setting " + key + " has a value of type " + defaultValue.getClass()
                + " that the trials table has no column type for");
    }

    /** Null where the threshold was never reached (censored at steps_run). */
    private static List<Long> thresholdSteps(TrialSummary s) {
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < s.thresholds().length; i++) {
            steps.add(s.thresholdStep(i).isPresent() ? s.thresholdStep(i).getAsLong() : null);
        }
        return steps;
    }

    private static List<Double> thresholdEpochs(TrialSummary s) {
        List<Double> epochs = new ArrayList<>();
        for (int i = 0; i < s.thresholds().length; i++) {
            epochs.add(s.thresholdEpoch(i).orElse(null));
        }
        return epochs;
    }
}
