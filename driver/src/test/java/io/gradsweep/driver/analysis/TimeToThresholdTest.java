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

    /** A per-trial row as the measures query returns it: one threshold, 10 planned epochs of 23 steps, evaluated once per epoch. */
    static TrialRecord trial(String arm, int replicate, String status, double epochsRun, Double reachedAtEpoch) {
        return trial(arm, replicate, status, epochsRun, reachedAtEpoch, 0.5);
    }

    /** The same with every measure at {@code measure}. */
    static TrialRecord trial(String arm, int replicate, String status, double epochsRun, Double reachedAtEpoch, double measure) {
        List<StructField> fields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        long stepsRun = Math.round(epochsRun * 23);
        List<Long> evals = new ArrayList<>();
        for (long s = 0; s <= stepsRun; s += 23) {
            evals.add(s);
        }
        if (evals.get(evals.size() - 1) != stepsRun) {
            evals.add(stepsRun);
        }
        add(fields, values, MeasureQueries.FACTORS, DataTypes.createArrayType(DataTypes.StringType),
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(arm)).toSeq());
        add(fields, values, "replicate", DataTypes.IntegerType, replicate);
        add(fields, values, "grid_index", DataTypes.LongType, (long) replicate);
        add(fields, values, "status", DataTypes.StringType, status);
        add(fields, values, "steps_run", DataTypes.LongType, stepsRun);
        add(fields, values, "epochs_run", DataTypes.DoubleType, epochsRun);
        add(fields, values, "epochs", DataTypes.LongType, 10L);
        add(fields, values, "max_steps", DataTypes.LongType, 0L);
        add(fields, values, "dataset", DataTypes.StringType, "digits");
        add(fields, values, "batch", DataTypes.LongType, 64L);
        add(fields, values, "eval_steps", DataTypes.createArrayType(DataTypes.LongType),
                scala.jdk.javaapi.CollectionConverters.asScala(evals).toSeq());
        add(fields, values, "threshold_step", DataTypes.createArrayType(DataTypes.LongType),
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(
                        reachedAtEpoch == null ? null : Math.round(reachedAtEpoch * 23))).toSeq());
        add(fields, values, "threshold_epoch", DataTypes.createArrayType(DataTypes.DoubleType),
                scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(reachedAtEpoch)).toSeq());
        for (String d : DOUBLES) {
            add(fields, values, d, DataTypes.DoubleType, measure);
        }
        Row row = new GenericRowWithSchema(values.toArray(), new StructType(fields.toArray(StructField[]::new)));
        return TrialRecord.of(row);
    }

    private static void add(List<StructField> fields, List<Object> values, String name, DataType type, Object value) {
        fields.add(DataTypes.createStructField(name, type, true));
        values.add(value);
    }

    @Test
    void aDivergedRunIsCensoredAtItsPlannedBudgetNotWhereItDiverged() {
        TimeToThreshold t = TimeToThreshold.of(List.of(trial("elu", 0, "diverged", 2.0, null)), 0);
        assertEquals(10.0, t.epochs[0], "no nudge past the budget: Kaplan-Meier counts a censored run at risk at its time");
        assertEquals(230.0, t.steps[0], "10 planned epochs of 23 steps");
        assertEquals(TimeToEvent.Censoring.AT_BUDGET, t.runs.get(0).censoring());
        assertArrayEquals(new boolean[] {false}, t.reached);
    }

    @Test
    void aRunThatDivergedAtStepZeroGetsTheStepBudgetOfItsBatchPartners() {
        List<TrialRecord> records = StudyData.withKnownStepsPerEpoch(List.of(trial("elu", 0, "diverged", 0, null),
                trial("relu", 0, "ok", 10, 4.0)));
        TimeToEvent e = TimeToEvent.of(records.get(0), 0);
        assertEquals(230, e.step(), "the step budget agrees with the epoch budget");
        assertEquals(10.0, e.epoch(), 1e-12);
    }

    @Test
    void aReachedTimeIsTheIntervalFromTheEvaluationBefore() {
        TimeToEvent e = TimeToEvent.of(trial("relu", 1, "ok", 10, 4.0), 0);
        assertTrue(e.reached());
        assertEquals(92, e.step());
        assertEquals(69, e.previousStep(), "the evaluation at epoch 3 had not seen it");
        assertEquals(3.0, e.previousEpoch(), 1e-12);
        assertEquals(4.0, e.epoch());
    }

    @Test
    void aRunStoppedEarlyIsCensoredWhereItStoppedAndOrdersNothingAfter() {
        // stopped by target_loss at epoch 6: it might have got there later
        TimeToEvent early = TimeToEvent.of(trial("relu", 0, "ok", 6.0, null), 0);
        assertEquals(TimeToEvent.Censoring.EARLY, early.censoring());
        assertEquals(6.0, early.epoch());
        TimeToEvent later = TimeToEvent.of(trial("elu", 0, "ok", 10, 8.0), 0);
        TimeToEvent sooner = TimeToEvent.of(trial("elu", 0, "ok", 10, 5.0), 0);
        assertEquals(PairOrder.UNDETERMINED, PairOrder.of(later, early), "not 'faster': it stopped before the partner got there");
        assertEquals(PairOrder.ARM_FIRST, PairOrder.of(sooner, early), "it had not got there by epoch 6, the partner had at 5");
    }

    @Test
    void aTimedOutRunIsCensoredNotDroppedAndAFailedOneLeftOut() {
        TimeToThreshold t = TimeToThreshold.of(List.of(trial("relu", 0, "failed", 0, null), trial("relu", 1, "timeout", 3, null),
                trial("relu", 2, "ok", 10, 7.0)), 0);
        assertEquals(List.of(1, 2), t.runs.stream().map(TimeToEvent::replicate).toList());
        assertEquals(TimeToEvent.Censoring.EARLY, t.runs.get(0).censoring());
        assertEquals(3.0, t.epochs[0]);
    }

    @Test
    void pairsAreOrderedAtTheEvaluationPoints() {
        TimeToEvent at5 = TimeToEvent.of(trial("elu", 0, "ok", 10, 5.0), 0);
        TimeToEvent alsoAt5 = TimeToEvent.of(trial("relu", 0, "ok", 10, 5.0), 0);
        TimeToEvent atEnd = TimeToEvent.of(trial("elu", 0, "ok", 10, 10.0), 0);
        TimeToEvent never = TimeToEvent.of(trial("relu", 0, "ok", 10, null), 0);
        TimeToEvent diverged = TimeToEvent.of(trial("relu", 0, "diverged", 1, null), 0);
        assertEquals(PairOrder.TIE, PairOrder.of(at5, alsoAt5));
        assertEquals(PairOrder.ARM_FIRST, PairOrder.of(atEnd, never), "reached at the last evaluation is not a tie with never");
        assertEquals(PairOrder.ARM_FIRST, PairOrder.of(atEnd, diverged));
        assertEquals(PairOrder.TIE, PairOrder.of(never, diverged), "neither within the budget");
        assertEquals(PairOrder.REFERENCE_FIRST, PairOrder.of(never, atEnd));
    }

    /** The arm that never got there is later than the reference that did, even when the arm diverged early. */
    @Test
    void aPairWithADivergedRunHasTheRightSignAndOnlyABound() {
        TimeToThreshold arm = TimeToThreshold.of(List.of(trial("elu", 0, "diverged", 1.0, null),
                trial("elu", 1, "diverged", 2.0, null), trial("elu", 2, "ok", 10, 10.0)), 0);
        TimeToThreshold ref = TimeToThreshold.of(List.of(trial("relu", 0, "ok", 10, 6.0),
                trial("relu", 1, "ok", 10, 8.0), trial("relu", 2, "ok", 10, null)), 0);
        TimeComparison c = TimeComparison.of("epochs", List.of(), "elu", "relu", 0.1, arm, ref, 10, 3, 0.05, 1L, 1.0);
        assertEquals(3, c.pairs);
        assertEquals(1, c.armFirst, "replicate 2: elu reached at its last evaluation, relu never");
        assertEquals(2, c.referenceFirst);
        assertEquals(0, c.bothReached.n(), "no pair has two times: no difference in epochs is a point");
        assertEquals(2.0, c.referenceSoonerBy, 1e-12, "relu at 8, elu not by the budget of 10: more than 2 epochs sooner");
        assertEquals(1.0, c.signTest.pValue(), 1e-12, "1 against 2: exact binomial p = 1");
    }
}
