package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.train.Trainer;
import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TrialSummary;
import io.gradsweep.worker.table.PartFiles;
import io.gradsweep.worker.table.TableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRunnerTest {
    static final String CODE_VERSION = "0.1.0-test";
    static final String RELU_DIR = "activation=relu";
    static final String ELU_DIR = "activation=elu%28alpha%3D0.5%29";

    @TempDir
    java.nio.file.Path tmp;
    String out;
    Configuration conf;

    @BeforeEach
    void setUp() {
        out = tmp.resolve("out").toUri().toString();
        conf = new Configuration();
    }

    /** What Trainer.run gives directly for each trial of the source. */
    static final class Direct {
        final Map<String, TrialSummary> summaries = new HashMap<>();
        final Map<String, List<TracePoint>> points = new HashMap<>();
        final Map<String, PlannedTrial> trials = new HashMap<>();

        Direct(FakeSource source) {
            for (long i = 0; i < source.size(); i++) {
                PlannedTrial t = source.trial(i).orElseThrow();
                List<TracePoint> p = new ArrayList<>();
                summaries.put(t.key(), Trainer.run(t.spec(), p::add));
                points.put(t.key(), p);
                trials.put(t.key(), t);
            }
        }

        long traceRows() {
            return points.values().stream().mapToLong(List::size).sum();
        }
    }

    @Test
    void aTaskWritesOneFilePerTableAndPartitionHoldingExactlyWhatTheTrainerGives() throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        TaskOutcome outcome = TaskRunner.run(plan, source, out, conf, CODE_VERSION);

        Direct direct = new Direct(source);
        assertEquals(plan.taskKey(), outcome.taskKey());
        assertEquals(3, outcome.ok());
        assertEquals(1, outcome.diverged());
        assertEquals(1, outcome.failed());
        assertEquals(0, outcome.timeout());
        assertEquals(direct.traceRows(), outcome.traceRows());
        assertTrue(outcome.trainingNanos() > 0 && outcome.taskNanos() >= outcome.trainingNanos(), outcome.toString());

        for (String table : List.of("trials", "traces")) {
            assertEquals(Set.of(RELU_DIR, ELU_DIR), names(tmp.resolve("out").resolve(table)));
            for (String dir : List.of(RELU_DIR, ELU_DIR)) {
                java.nio.file.Path d = tmp.resolve("out").resolve(table).resolve(dir);
                assertEquals(Set.of(PartFiles.finalName(plan.taskKey())), visibleNames(d), d.toString());
                assertEquals(Set.of(), tempNames(d), d.toString());
            }
        }

        List<TableReader.Row> trials = TableReader.read(new Path(out, "trials"), conf);
        assertEquals(5, trials.size());
        assertEquals(3, trials.stream().filter(r -> r.partition.get("activation").equals("relu")).count());
        for (TableReader.Row row : trials) {
            String key = (String) row.get("trial_key");
            PlannedTrial t = direct.trials.get(key);
            TrialSummary s = direct.summaries.get(key);
            Map<String, Object> expected = Expected.trialRow("tiny", "feedc0de", t, s, CODE_VERSION);
            // The partition column is in the directory name, not in the file.
            assertEquals(expected.remove("activation"), row.partition.get("activation"));
            Expected.assertRow(expected, row.values, key);
            Set<String> columns = new TreeSet<>(expected.keySet());
            columns.addAll(List.of("wall_seconds", "host"));
            assertEquals(columns, new TreeSet<>(row.values.keySet()));
            assertTrue((Double) row.get("wall_seconds") >= 0);
            assertFalse(((String) row.get("host")).isEmpty());
        }
        Map<String, String> status = trials.stream().collect(Collectors.toMap(
                r -> (String) r.get("trial_key"), r -> (String) r.get("status")));
        assertEquals("diverged", status.get(source.trial(3).orElseThrow().key()));
        assertEquals("failed", status.get(source.trial(4).orElseThrow().key()));
        TableReader.Row first = trials.stream().filter(r -> r.get("grid_index").equals(0L)).findFirst().orElseThrow();
        assertEquals(Arrays.asList(0L, 3L, null), first.get("threshold_step"));
        assertEquals(Arrays.asList(0.0, 1.5, null), first.get("threshold_epoch"));

        List<TableReader.Row> traces = TableReader.read(new Path(out, "traces"), conf);
        assertEquals(direct.traceRows(), traces.size());
        Map<String, List<TableReader.Row>> byTrial = traces.stream().collect(Collectors.groupingBy(
                r -> (String) r.get("trial_key")));
        assertFalse(byTrial.containsKey(source.trial(4).orElseThrow().key()), "a failed trial has no points");
        for (Map.Entry<String, List<TracePoint>> e : direct.points.entrySet()) {
            List<TracePoint> points = e.getValue();
            List<TableReader.Row> rows = byTrial.getOrDefault(e.getKey(), List.of());
            assertEquals(points.size(), rows.size(), e.getKey());
            PlannedTrial t = direct.trials.get(e.getKey());
            for (int i = 0; i < points.size(); i++) {
                TableReader.Row row = rows.get(i);
                assertEquals(t.spec().text("activation"), row.partition.get("activation"));
                Expected.assertRow(Expected.traceRow(t, points.get(i)), row.values, e.getKey() + "@" + i);
                assertTrue((Double) row.get("elapsed_seconds") >= 0);
            }
        }
    }

    @Test
    void aSecondAttemptOfTheSameTaskKeepsTheFirstFilesAndLeavesNoTempFile() throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        TaskRunner.run(plan, source, out, conf, CODE_VERSION);
        List<TableReader.Row> firstTrials = TableReader.read(new Path(out, "trials"), conf);
        List<TableReader.Row> firstTraces = TableReader.read(new Path(out, "traces"), conf);

        TaskOutcome again = TaskRunner.run(plan, source, out, conf, CODE_VERSION);
        assertEquals(5, again.trials());

        List<TableReader.Row> trials = TableReader.read(new Path(out, "trials"), conf);
        List<TableReader.Row> traces = TableReader.read(new Path(out, "traces"), conf);
        assertEquals(firstTrials.size(), trials.size());
        assertEquals(firstTraces.size(), traces.size());
        // Wall times differ between attempts: equal ones mean the first attempt's files were kept.
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(firstTrials.get(i).values, trials.get(i).values);
        }
        for (int i = 0; i < traces.size(); i++) {
            assertEquals(firstTraces.get(i).values.get("elapsed_seconds"), traces.get(i).values.get("elapsed_seconds"));
        }
        assertEquals(List.of(), allTempFiles());
    }

    @Test
    void aCrashBetweenTheTracesAndTheTrialsCommitShowsNoTrialsAndARetryCompletesWithoutDuplicates()
            throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        IOException crash = assertThrows(IOException.class,
                () -> TaskRunner.run(plan, source, out, CrashingFileSystem.configuration(), CODE_VERSION));
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());

        // The traces were committed, the trials not: no task is marked done, and only hidden files remain.
        assertEquals(0, TableReader.read(new Path(out, "trials"), conf).size());
        assertEquals(Set.of(), visibleNames(tmp.resolve("out/trials").resolve(RELU_DIR)));
        assertEquals(2, allTempFiles().size(), allTempFiles().toString());
        long traceRows = new Direct(source).traceRows();
        assertEquals(traceRows, TableReader.read(new Path(out, "traces"), conf).size());

        TaskRunner.run(plan, source, out, conf, CODE_VERSION);
        assertEquals(5, TableReader.read(new Path(out, "trials"), conf).size());
        assertEquals(traceRows, TableReader.read(new Path(out, "traces"), conf).size());
        // The dead attempt's hidden files stay, and readers still skip them.
        assertEquals(2, allTempFiles().size());
        for (String dir : List.of(RELU_DIR, ELU_DIR)) {
            assertEquals(Set.of(PartFiles.finalName(plan.taskKey())), visibleNames(tmp.resolve("out/trials").resolve(dir)));
        }
    }

    @Test
    void failFastThrowsOnAFailedTrialAndWritesNothing() {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), new long[] {0, 4, 2}, 1.0);
        TrialFailedException e = assertThrows(TrialFailedException.class,
                () -> TaskRunner.run(plan, source, out, conf, CODE_VERSION, true));
        assertEquals(source.trial(4).orElseThrow().key(), e.trialKey());
        assertEquals(4, e.gridIndex());
        assertTrue(e.getMessage().contains("nonexistent.csv"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void failFastLetsDivergedTrialsThrough() throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), new long[] {3}, 1.0);
        TaskOutcome outcome = TaskRunner.run(plan, source, out, conf, CODE_VERSION, true);
        assertEquals(1, outcome.diverged());
    }

    @Test
    void withoutFailFastTheSameTaskRecordsTheFailureAndGoesOn() throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), new long[] {0, 4, 2}, 1.0);
        TaskOutcome outcome = TaskRunner.run(plan, source, out, conf, CODE_VERSION, false);
        assertEquals(2, outcome.ok());
        assertEquals(1, outcome.failed());
        TableReader.Row failed = TableReader.read(new Path(out, "trials"), conf).stream()
                .filter(r -> r.get("status").equals("failed")).findFirst().orElseThrow();
        assertTrue(((String) failed.get("message")).contains("nonexistent.csv"), failed.toString());
        assertEquals(0L, failed.get("steps_run"));
        assertTrue(Double.isNaN((Double) failed.get("final_train_loss")));
    }

    @Test
    void aDatasetWithSlashesCommasAndEqualsSignsRoundTripsAsPartitionValue() throws IOException {
        FakeSource source = FakeSource.fiveTrials("dataset");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        TaskRunner.run(plan, source, out, conf, CODE_VERSION);
        Set<String> expected = new HashSet<>();
        for (long i = 0; i < source.size(); i++) {
            expected.add(source.trial(i).orElseThrow().spec().text("dataset"));
        }
        assertEquals(2, expected.size());
        List<TableReader.Row> trials = TableReader.read(new Path(out, "trials"), conf);
        assertEquals(expected, trials.stream().map(r -> r.partition.get("dataset")).collect(Collectors.toSet()));
        for (TableReader.Row r : trials) {
            assertFalse(r.values.containsKey("dataset"));
            assertTrue(((String) r.get("spec_json")).contains("\"dataset\":\"" + r.partition.get("dataset") + "\""));
        }
        // The csv trial failed before its first point: its partition still gets a (empty) traces file.
        Set<String> dirs = names(tmp.resolve("out/traces"));
        assertEquals(2, dirs.size());
        assertTrue(dirs.stream().anyMatch(d -> d.startsWith("dataset=csv%28label%3Dy%2Cpath%3D%2Fnonexistent.csv%2C")), dirs.toString());
    }

    @Test
    void withoutAPartitionColumnFilesGoStraightIntoTheTableFolderAndKeepEveryColumn() throws IOException {
        FakeSource source = FakeSource.fiveTrials("");
        TaskPlan plan = TaskPlan.of(source.studyHash(), new long[] {0, 2}, 1.0);
        TaskRunner.run(plan, source, out, conf, CODE_VERSION);
        assertEquals(Set.of(PartFiles.finalName(plan.taskKey())), visibleNames(tmp.resolve("out/trials")));
        assertEquals(Set.of(PartFiles.finalName(plan.taskKey())), visibleNames(tmp.resolve("out/traces")));
        List<TableReader.Row> trials = TableReader.read(new Path(out, "trials"), conf);
        assertEquals(List.of("relu", "elu(alpha=0.5)"), trials.stream().map(r -> r.get("activation")).toList());
        assertEquals(Map.of(), trials.get(0).partition);
    }

    @Test
    void aPartitionValueThatDiffersFromItsColumnIsRefusedBeforeAnythingIsVisible() {
        FakeSource fake = FakeSource.fiveTrials("activation");
        TrialSource wrong = new TrialSource() {
            public String studyName() {
                return fake.studyName();
            }

            public String studyHash() {
                return fake.studyHash();
            }

            public String partitionBy() {
                return fake.partitionBy();
            }

            public Optional<PlannedTrial> trial(long index) {
                return fake.trial(index, v -> v.replace("(alpha=0.5)", ""));
            }
        };
        TaskPlan plan = TaskPlan.of(fake.studyHash(), new long[] {0, 2}, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRunner.run(plan, wrong, out, conf, CODE_VERSION));
        assertTrue(e.getMessage().contains("elu(alpha=0.5)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aGridIndexTheStudyDoesNotHaveFailsTheTask() {
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), new long[] {0, 99}, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRunner.run(plan, source, out, conf, CODE_VERSION));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void hostNameIsNeverEmpty() {
        assertNotNull(TaskRunner.localHostName());
        assertFalse(TaskRunner.localHostName().isEmpty());
    }

    private List<java.nio.file.Path> allTempFiles() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(tmp.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    static Set<String> names(java.nio.file.Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Set.of();
        }
        try (Stream<java.nio.file.Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static Set<String> visibleNames(java.nio.file.Path dir) throws IOException {
        return names(dir).stream().filter(n -> !PartFiles.isHidden(n)).collect(Collectors.toSet());
    }

    static Set<String> tempNames(java.nio.file.Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.endsWith(".tmp")).collect(Collectors.toSet());
    }

}
