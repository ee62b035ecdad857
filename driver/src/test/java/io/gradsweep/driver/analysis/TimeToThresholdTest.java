package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Censoring of the time to a threshold: where a run that never got there is placed. */
class TimeToThresholdTest {
    private static final String[] DOUBLES = {"final_train_loss", "final_test_loss", "final_train_accuracy",
        "final_test_accuracy", "best_train_loss", "best_test_loss", "best_test_accuracy", "peak_dead_fraction",
        "gradient_ratio_init", "log_loss_area", "best_train_accuracy"};

    /** A per-trial row as the measures query returns it: one threshold, 10 planned epochs of 23 steps. */
    static TrialRecord trial(String arm, int replicate, String status, double epochsRun, Double reachedAtEpoch) {
        List<StructField> fields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        add(fields, values, MeasureQueries.FACTORS, DataTypes.createArrayType(DataTypes.StringType),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(arm)).toSeq());
        add(fields, values, "replicate", DataTypes.IntegerType, replicate);
        add(fields, values, "grid_index", DataTypes.LongType, (long) replicate);
        add(fields, values, "status", DataTypes.StringType, status);
        add(fields, values, "steps_run", DataTypes.LongType, Math.round(epochsRun * 23));
        add(fields, values, "epochs_run", DataTypes.DoubleType, epochsRun);
        add(fields, values, "epochs", DataTypes.LongType, 10L);
        add(fields, values, "max_steps", DataTypes.LongType, 0L);
        add(fields, values, "threshold_step", DataTypes.createArrayType(DataTypes.LongType),
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(
                        reachedAtEpoch == null ? null : Math.round(reachedAtEpoch * 23))).toSeq());
        add(fields, values, "threshold_epoch", DataTypes.createArrayType(DataTypes.DoubleType),
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(reachedAtEpoch)).toSeq());
        for (String d : DOUBLES) {
            add(fields, values, d, DataTypes.DoubleType, 0.5);
        }
        Row row = new GenericRowWithSchema(values.toArray(), new StructType(fields.toArray(StructField[]::new)));
        return TrialRecord.of(row);
    }

    private static void add(List<StructField> fields, List<Object> values, String name, DataType type, Object value) {
        fields.add(DataTypes.createStructField(name, type, true));
        values.add(value);
    }

    @Test
    void aDivergedRunIsCensoredAfterItsPlannedBudgetNotWhereItDiverged() {
        TimeToThreshold t = TimeToThreshold.of(List.of(trial("elu", 0, "diverged", 2.0, null)), 0);
        assertEquals(Math.nextUp(10.0), t.epochs[0]);
        assertEquals(Math.nextUp(230.0), t.steps[0], "10 planned epochs of 23 steps");
        assertArrayEquals(new boolean[] {false}, t.reached);
    }

    @Test
    void aRunThatEndedWithoutReachingItIsCensoredJustAfterItsEnd() {
        // a run stopped early (e.g. by target_loss) could still have got there later
        TimeToThreshold t = TimeToThreshold.of(List.of(trial("relu", 0, "ok", 6.0, null), trial("relu", 1, "ok", 10, 4.0)), 0);
        assertEquals(Math.nextUp(6.0), t.epochs[0]);
        assertEquals(4.0, t.epochs[1]);
        assertEquals(92, t.steps[1]);
        assertEquals(1, t.reachedCount());
    }

    @Test
    void failedAndTimedOutRunsAreLeftOut() {
        TimeToThreshold t = TimeToThreshold.of(List.of(trial("relu", 0, "failed", 0, null), trial("relu", 1, "timeout", 3, null),
                trial("relu", 2, "ok", 10, 7.0)), 0);
        assertArrayEquals(new int[] {2}, t.replicates);
    }

    /** The arm that never got there is later than the reference that did, even when the arm diverged early. */
    @Test
    void aPairedDifferenceWithADivergedRunHasTheRightSign() {
        TimeToThreshold arm = TimeToThreshold.of(List.of(trial("elu", 0, "diverged", 1.0, null),
                trial("elu", 1, "diverged", 1.5, null), trial("elu", 2, "ok", 10, 10.0)), 0);
        TimeToThreshold ref = TimeToThreshold.of(List.of(trial("relu", 0, "ok", 10, 6.0),
                trial("relu", 1, "ok", 10, 8.0), trial("relu", 2, "ok", 10, null)), 0);
        PairedComparison c = PairedComparison.ofTimes("epochs", List.of(), "elu", "relu", arm, ref, 3, 1);
        assertEquals(3, c.pairs);
        assertEquals(3, c.oneCensored);
        // replicate 2: elu reached at its last evaluation, relu never: elu was sooner, by a hair
        assertTrue(c.wilcoxon.positiveRankSum() > 0 && c.wilcoxon.negativeRankSum() > 0, c.wilcoxon.toString());
        assertTrue(c.medianDifference > 0, "elu never got there in two of three pairs: " + c.medianDifference);
    }
}
