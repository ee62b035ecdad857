package io.gradsweep.worker.kryo;

import com.esotericsoftware.kryo.Kryo;
import io.gradsweep.worker.task.TaskOutcome;
import io.gradsweep.worker.task.TaskPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers every class that Spark moves between driver and executors for gradsweep, so that the
 * driver can run with {@code spark.kryo.registrationRequired=true}: an unregistered class then
 * fails loudly instead of being written with its full name in every record.
 */
public final class GradsweepKryoRegistrator implements KryoRegistrator {
    /**
     * In a fixed order: Kryo numbers registrations in order, and driver and executors must agree.
     * Spark 4.2 registers long[], String[], Object[] itself; they are listed anyway because our
     * classes depend on them, and registering a class twice keeps its first number.
     */
    static final List<Class<?>> CLASSES = List.of(
            // The sweep: plans go out, outcomes come back.
            TaskPlan.class,
            TaskPlan[].class,
            TaskOutcome.class,
            TaskOutcome[].class,
            long[].class,
            String[].class,
            Object[].class, // the arrays a Java RDD's tasks collect into
            ArrayList.class,
            // Reading the tables back: Spark's Parquet schema inference is a job whose tasks return
            // the files' StructTypes; Spark registers StructType and most atomic types, not these
            // two, which our list columns need.
            ArrayType.class,
            DataTypes.FloatType.getClass());

    @Override
    public void registerClasses(Kryo kryo) {
        for (Class<?> c : CLASSES) {
            kryo.register(c);
        }
    }
}
