package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.train.Trainer;
import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real local Spark session runs a study; DuckDB reads the Parquet back. */
class SweepEndToEndTest {
    static final Path TINY = Path.of("src/test/resources/studies/tiny.yaml");
    static final Path QUICKSTART = Path.of("../conf/studies/quickstart.yaml");

    @TempDir
    Path dir;

    static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {Integer.toString(r.code), r.out, r.err};
    }

    static void runOk(String... args) {
        String[] r = run(args);
        assertEquals("0", r[0], "exit code; stdout:\n" + r[1] + "\nstderr:\n" + r[2]);
    }

    @Test
    void theQuickstartRunsAndEveryTraceInItsParquetEqualsTheCoreTrainingTheTrialDirectly() throws Exception {
        Path out = dir.resolve("out");
        runOk("run", QUICKSTART.toString(), "--out", out.toString(), "--master", "local[2]");
        Study study = Study.load(QUICKSTART);
        List<Map<String, Object>> trials = DuckDb.rows(out, "trials", "grid_index");
        assertEquals(study.trialCount(), trials.size());
        assertEquals(30, trials.size());
        List<Map<String, Object>> traces = DuckDb.rows(out, "traces", "grid_index, step");
        Map<Object, List<Map<String, Object>>> byTrial = traces.stream()
                .collect(Collectors.groupingBy(r -> r.get("grid_index")));
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext(); ) {
            StudyTrial t = it.next();
            List<TracePoint> direct = new ArrayList<>();
            Trainer.run(t.spec(), direct::add);
            List<Map<String, Object>> rows = byTrial.get(t.index());
            assertEquals(direct.size(), rows.size(), "points of trial " + t.key());
            for (int i = 0; i < direct.size(); i++) {
                TracePoint p = direct.get(i);
                Map<String, Object> row = rows.get(i);
                assertEquals(p.step(), ((Number) row.get("step")).longValue());
                assertBitwise(p.trainLoss(), row.get("train_loss"), t.key() + " train_loss at " + p.step());
                assertBitwise(p.testLoss(), row.get("test_loss"), "test_loss");
                assertBitwise(p.testAccuracy(), row.get("test_accuracy"), "test_accuracy");
                assertBitwise(p.minibatchLoss(), row.get("minibatch_loss"), "minibatch_loss");
                assertBitwise(p.learningRate(), row.get("learning_rate"), "learning_rate");
                List<?> norms = (List<?>) row.get("gradient_norm");
                float[] expected = p.gradientNorm();
                assertEquals(expected.length, norms.size());
                for (int l = 0; l < expected.length; l++) {
                    assertEquals(Float.floatToIntBits(expected[l]), Float.floatToIntBits(((Number) norms.get(l)).floatValue()),
                            "gradient_norm layer " + l);
                }
            }
        }
        Map<String, Object> first = trials.get(0);
        assertEquals("quickstart", first.get("study"));
        assertTrue(List.of("relu", "elu(alpha=1.0)", "tanh").contains(first.get("activation")),
                "partition column read back: " + first);
        assertTrue(Files.exists(out.resolve("manifest.json")));
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".crc")).toList(),
                    "no checksum side files: polars reads the folder verbatim and fails on them");
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"state\" : \"complete\""), manifest);
        assertTrue(manifest.contains("\"java\" : \"" + System.getProperty("java.version") + " ("), "the JDK that ran it: " + manifest);
    }

    /** Same bits; a NaN may come back as NaN or as null (a table may store "no value" either way). */
    static void assertBitwise(double expected, Object actual, String what) {
        if (Double.isNaN(expected) && actual == null) {
            return;
        }
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(((Number) actual).doubleValue()), what);
    }

    @Test
    void theTablesAreTheSameWhateverThePartitioningOrTheNumberOfCores() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        runOk("run", TINY.toString(), "--out", a.toString(), "--master", "local[1]", "--partitions", "1");
        runOk("run", TINY.toString(), "--out", b.toString(), "--master", "local[2]", "--partitions", "7");
        for (String table : List.of("trials", "traces")) {
            String order = table.equals("trials") ? "grid_index" : "grid_index, step";
            assertEquals(DuckDb.deterministic(DuckDb.rows(a, table, order)), DuckDb.deterministic(DuckDb.rows(b, table, order)),
                    table);
        }
    }

    @Test
    void aSecondRunOnTheSameFolderTrainsNothingAndADifferentStudyIsRefused() throws Exception {
        Path out = dir.resolve("out");
        runOk("run", TINY.toString(), "--out", out.toString(), "--master", "local[2]");
        String[] again = run("run", TINY.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals("0", again[0], again[2]);
        assertTrue(again[1].contains("8 already done, 0 to train"), again[1]);
        assertEquals(8, DuckDb.rows(out, "trials", "grid_index").size());

        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(TINY).replace("epochs: 3", "epochs: 2"));
        String[] refused = run("run", other.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("holds another study") && refused[2].contains("--replace"), refused[2]);

        Path notOurs = dir.resolve("home");
        Files.createDirectories(notOurs);
        Files.writeString(notOurs.resolve("thesis.tex"), "precious");
        String[] guarded = run("run", TINY.toString(), "--out", notOurs.toString(), "--replace");
        assertEquals("2", guarded[0]);
        assertTrue(guarded[2].contains("not a gradsweep output folder"), guarded[2]);
        assertEquals("precious", Files.readString(notOurs.resolve("thesis.tex")));
    }

    @Test
    void aFailedTrialIsARowUnlessFailFastStopsTheRun() throws Exception {
        Path study = dir.resolve("bad-data.yaml");
        Files.writeString(study, Files.readString(TINY).replace("  dataset: iris\n", "")
                .replace("  depth: [1, 2]", "  depth: [1, 2]\n  dataset: [iris, \"csv(path=/no/such/file.csv,label=y)\"]"));
        Path kept = dir.resolve("kept");
        runOk("run", study.toString(), "--out", kept.toString(), "--master", "local[2]");
        List<Map<String, Object>> trials = DuckDb.rows(kept, "trials", "grid_index");
        assertEquals(16, trials.size());
        long failed = trials.stream().filter(r -> "failed".equals(r.get("status"))).count();
        assertEquals(8, failed, "every trial of the missing file failed, the others did not");
        assertTrue(trials.stream().filter(r -> "failed".equals(r.get("status")))
                .allMatch(r -> String.valueOf(r.get("message")).contains("/no/such/file.csv")));

        Path stopped = dir.resolve("stopped");
        String[] r = run("run", study.toString(), "--out", stopped.toString(), "--master", "local[2]", "--fail-fast");
        assertEquals("1", r[0], r[2]);
        assertTrue(Files.readString(stopped.resolve("manifest.json")).contains("\"state\" : \"failed\""));
    }
}
