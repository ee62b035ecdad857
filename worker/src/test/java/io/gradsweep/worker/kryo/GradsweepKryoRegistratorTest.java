package io.gradsweep.worker.kryo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.task.TaskOutcome;
import io.gradsweep.worker.task.TaskPlan;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** Real round trips through Spark's own Kryo serializer, with registration required as the driver runs it. */
class GradsweepKryoRegistratorTest {
    SerializerInstance kryo;

    @BeforeEach
    void setUp() {
        kryo = new KryoSerializer(new SparkConf()
                .set("spark.kryo.registrationRequired", "true")
                .set("spark.kryo.registrator", GradsweepKryoRegistrator.class.getName())).newInstance();
    }

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) {
        ClassTag<T> tag = (ClassTag<T>) ClassTag$.MODULE$.apply(value.getClass());
        ByteBuffer bytes = kryo.serialize(value, tag);
        return kryo.deserialize(bytes, tag);
    }

    static TaskPlan plan() {
        return TaskPlan.of("feedc0de", new long[] {0, 7, Long.MAX_VALUE}, 1.25e12);
    }

    static TaskOutcome outcome() {
        return new TaskOutcome("0123456789abcdef", 3, 1, 1, 0, 123_456_789L, 987_654_321L, 42);
    }

    @Test
    void taskPlanRoundTrips() {
        TaskPlan back = roundTrip(plan());
        assertEquals(plan(), back);
        assertArrayEquals(plan().trialIndexes(), back.trialIndexes());
    }

    @Test
    void taskOutcomeRoundTrips() {
        assertEquals(outcome(), roundTrip(outcome()));
    }

    @Test
    void arraysAndListsOfThemRoundTrip() {
        assertArrayEquals(new TaskPlan[] {plan(), plan()}, roundTrip(new TaskPlan[] {plan(), plan()}));
        assertArrayEquals(new TaskOutcome[] {outcome()}, roundTrip(new TaskOutcome[] {outcome()}));
        assertArrayEquals(new Object[] {outcome(), plan()}, roundTrip(new Object[] {outcome(), plan()}));
        assertArrayEquals(new long[] {1, -2, 3}, roundTrip(new long[] {1, -2, 3}));
        assertArrayEquals(new String[] {"a", null, "ü"}, roundTrip(new String[] {"a", null, "ü"}));
        List<TaskPlan> list = new ArrayList<>(List.of(plan(), plan()));
        assertEquals(list, roundTrip(list));
    }

    /** What Spark's Parquet schema inference sends back for our list columns. */
    @Test
    void theSparkSchemaOfAListColumnRoundTrips() {
        StructType schema = new StructType()
                .add("gradient_norm", DataTypes.createArrayType(DataTypes.FloatType, false), false)
                .add("threshold_step", DataTypes.createArrayType(DataTypes.LongType, true), false)
                .add("threshold_epoch", DataTypes.createArrayType(DataTypes.DoubleType, true), false);
        assertEquals(schema, roundTrip(schema));
        assertArrayEquals(new StructType[] {schema}, roundTrip(new StructType[] {schema}));
    }

    /** Without this the test above would pass without the registrator doing anything. */
    @Test
    void registrationIsReallyRequired() {
        Exception e = assertThrows(Exception.class, () -> roundTrip(new Unregistered()));
        assertTrue(String.valueOf(e.getMessage()).contains("not registered"), e.toString());
    }

    static final class Unregistered {
    }
}
