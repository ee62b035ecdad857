package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.kryo.GradsweepKryoRegistrator;
import io.gradsweep.worker.table.TableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real (local) Spark: task plans and outcomes cross the wire with Kryo and
 * registration required, tasks write the tables, and Spark's own Parquet reader gets every
 * value back, the partition column from the escaped directory names, hidden files skipped.
 */
class SparkTaskTest {
    static SparkSession spark;

    @TempDir
    static java.nio.file.Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().config(new SparkConf()
                .setMaster("local[2]")
                .setAppName("gradsweep-worker-test")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.local.dir", tmp.resolve("spark-local").toString())
                .set("spark.sql.warehouse.dir", tmp.resolve("warehouse").toString())
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrationRequired", "true")
                .set("spark.kryo.registrator", GradsweepKryoRegistrator.class.getName())).getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void tasksRunOnSparkAndSparkReadsBackEveryValue() throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        String out = tmp.resolve("out").toUri().toString();
        List<TaskPlan> plans = List.of(TaskPlan.of(source.studyHash(), new long[] {0, 2, 4}, 1.0),
                TaskPlan.of(source.studyHash(), new long[] {1, 3}, 1.0));
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Hadoop's Configuration is not serialisable: each task makes its own (the driver will ship its settings).
        List<TaskOutcome> outcomes = sc.parallelize(plans, plans.size())
                .map(plan -> TaskRunner.run(plan, source, out, new Configuration(), "spark-test"))
                .collect();
        assertEquals(2, outcomes.size());
        assertEquals(5, outcomes.stream().mapToInt(TaskOutcome::trials).sum());
        assertEquals(1, outcomes.stream().mapToInt(TaskOutcome::failed).sum());

        // A dead attempt's leftovers (not even Parquet) that Spark must skip.
        for (String table : List.of("trials", "traces")) {
            Files.writeString(tmp.resolve("out").resolve(table).resolve(TaskRunnerTest.ELU_DIR)
                    .resolve(".part-dead.0000.tmp"), "half a file", StandardCharsets.UTF_8);
        }

        Configuration conf = new Configuration();
        for (String table : List.of("trials", "traces")) {
            List<TableReader.Row> expected = TableReader.read(new Path(out, table), conf);
            List<Row> read = spark.read().parquet(out + "/" + table).collectAsList();
            assertEquals(expected.size(), read.size(), table);
            assertEquals(table.equals("trials") ? 5 : outcomes.stream().mapToLong(TaskOutcome::traceRows).sum(),
                    read.size());
            Map<String, List<Row>> sparkByKey = byKey(read);
            Map<String, List<TableReader.Row>> readerByKey = new HashMap<>();
            for (TableReader.Row r : expected) {
                readerByKey.computeIfAbsent(key(r.get("trial_key"), r.get(table.equals("trials") ? "grid_index" : "step"),
                        r.values), k -> new ArrayList<>()).add(r);
            }
            assertEquals(readerByKey.keySet(), sparkByKey.keySet());
            for (String k : readerByKey.keySet()) {
                List<TableReader.Row> mine = readerByKey.get(k);
                List<Row> theirs = sparkByKey.get(k);
                assertEquals(mine.size(), theirs.size(), k);
                for (int i = 0; i < mine.size(); i++) {
                    assertSameRow(mine.get(i), theirs.get(i), table + " " + k);
                }
            }
        }
        Set<String> activations = new TreeSet<>();
        for (Row r : spark.read().parquet(out + "/trials").select("activation").distinct().collectAsList()) {
            activations.add(r.getString(0));
        }
        assertEquals(Set.of("elu(alpha=0.5)", "relu"), activations);
    }

    /** Rows ordered within a key by elapsed time would be nondeterministic: a key is (trial, step or index, minibatch loss). */
    private static String key(Object trialKey, Object position, Map<String, Object> values) {
        Object minibatch = values.get("minibatch_loss");
        return trialKey + "@" + position + (minibatch == null ? "" : "/" + minibatch);
    }

    private static Map<String, List<Row>> byKey(List<Row> rows) {
        Map<String, List<Row>> map = new HashMap<>();
        for (Row r : rows) {
            Map<String, Object> values = new HashMap<>();
            if (hasField(r, "minibatch_loss")) {
                values.put("minibatch_loss", r.getAs("minibatch_loss"));
            }
            Object position = hasField(r, "step") ? r.getAs("step") : r.getAs("grid_index");
            map.computeIfAbsent(key(r.getAs("trial_key"), position, values), k -> new ArrayList<>()).add(r);
        }
        return map;
    }

    private static boolean hasField(Row r, String name) {
        return List.of(r.schema().fieldNames()).contains(name);
    }

    private static void assertSameRow(TableReader.Row mine, Row theirs, String what) {
        Set<String> sparkColumns = new TreeSet<>(List.of(theirs.schema().fieldNames()));
        Set<String> expectedColumns = new TreeSet<>(mine.values.keySet());
        expectedColumns.addAll(mine.partition.keySet());
        assertEquals(expectedColumns, sparkColumns, what);
        for (Map.Entry<String, String> p : mine.partition.entrySet()) {
            assertEquals(p.getValue(), theirs.getAs(p.getKey()), what + " partition " + p.getKey());
        }
        for (StructField f : theirs.schema().fields()) {
            if (mine.partition.containsKey(f.name())) {
                continue;
            }
            Object sparkValue = theirs.get(theirs.fieldIndex(f.name()));
            if (sparkValue instanceof scala.collection.Seq<?> seq) {
                sparkValue = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq));
            }
            Expected.assertValue(mine.get(f.name()), sparkValue, what + "." + f.name());
        }
    }

    @Test
    void sparkReadsNoRowsFromADirectoryHoldingOnlyHiddenFiles() throws IOException {
        java.nio.file.Path dir = tmp.resolve("only-hidden/trials/activation=relu");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".part-x.1234.tmp"), "garbage", StandardCharsets.UTF_8);
        assertTrue(Files.exists(dir.resolve(".part-x.1234.tmp")));
        // Spark lists no data file and, having no schema to infer, says so: nothing of the garbage is read.
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> spark.read().parquet(tmp.resolve("only-hidden/trials").toUri().toString()).collectAsList());
        assertTrue(e.getMessage().contains("Unable to infer schema"), e.getMessage());
    }
}
