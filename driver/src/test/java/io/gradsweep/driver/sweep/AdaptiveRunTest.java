package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.CommittedFiles;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.worker.folder.AdaptiveRound;
import io.gradsweep.worker.folder.AdaptiveRound.CellState;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} of an adaptive study on local Spark: the cell at lr 0.5 has every paired difference 0
 * (both arms cross at the first epoch's evaluation), so its interval is [0, 0] from the minimum on;
 * the cells at lr 0.002 and 0.001 never reach the threshold, so every pair is censored, the bound
 * stays open and they stop at the maximum. See the study file for the design.
 */
class AdaptiveRunTest {
    static final Path STUDY = Path.of("src/test/resources/studies/adaptive-small.yaml");
    static final List<String> SETTLING = List.of("lr=0.5");
    static final List<String> NEVER = List.of("lr=0.002", "lr=0.001");

    @TempDir
    static Path dir;
    static Path clean;
    static CliRun run;

    @BeforeAll
    static void runOnce() {
        clean = dir.resolve("clean");
        run = CliRun.of("run", STUDY.toString(), "--out", clean.toString(), "--master", "local[2]");
        assertEquals(0, run.code, run.err + run.out);
    }

    private static Manifest manifest(Path out) throws IOException {
        return assertInstanceOf(Manifest.Reading.Ours.class, Manifest.read(Files.readAllBytes(out.resolve("manifest.json"))))
                .manifest();
    }

    private static AdaptiveRound.Cell cell(AdaptiveRound round, String label) {
        return round.cells().stream().filter(c -> c.cell().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aSettledCellGetsNoMoreReplicatesAndANeverSettlingOneStopsAtTheMaximum() throws Exception {
        // per (lr, activation), the replicates trained, read back by a reader that shares no code with Spark
        Map<String, List<Object>> replicates = DuckDb.query("SELECT CAST(lr AS VARCHAR) AS lr, activation,"
                + " list(replicate ORDER BY replicate) AS r FROM " + DuckDb.table(clean, "trials")
                + " GROUP BY lr, activation").stream()
                .collect(Collectors.toMap(r -> r.get("lr") + " " + r.get("activation"), r -> (List<Object>) r.get("r"),
                        (a, b) -> a, TreeMap::new));
        assertEquals(6, replicates.size(), replicates.toString());
        replicates.forEach((group, r) -> {
            int expected = group.startsWith("0.5 ") ? 4 : 8;
            assertEquals(java.util.stream.IntStream.range(0, expected).boxed().toList(), r, group);
        });

        List<AdaptiveRound> rounds = manifest(clean).rounds();
        assertEquals(3, rounds.size(), "rounds at 4, 6 and 8 replicates: " + rounds);
        for (AdaptiveRound round : rounds) {
            AdaptiveRound.Cell settled = cell(round, SETTLING.get(0));
            assertEquals(CellState.SETTLED, settled.state(), round.toString());
            assertEquals(4, settled.replicates(), "settled: no more replicates, round after round");
            assertEquals(0.0, settled.halfWidth(), "every difference 0: the interval is [0, 0]");
        }
        for (String label : NEVER) {
            assertEquals(List.of(4, 6, 8), rounds.stream().map(r -> cell(r, label).replicates()).toList(), label);
            assertEquals(List.of(CellState.OPEN, CellState.OPEN, CellState.AT_MAX),
                    rounds.stream().map(r -> cell(r, label).state()).toList(), label);
            assertTrue(rounds.stream().allMatch(r -> Double.isNaN(cell(r, label).halfWidth())), "censored pairs: an open bound");
        }
        assertTrue(run.out.contains("round 1: 3 cells get 4 replicates, 24 trials to train"), run.out);
        assertTrue(run.out.contains("round 2: 1 of 3 cells settled, 0 at the maximum, 2 get 6 replicates, 8 trials to train"),
                run.out);
        assertTrue(run.out.contains("round 3: 1 of 3 cells settled, 0 at the maximum, 2 get 8 replicates, 8 trials to train"),
                run.out);

        CliRun status = CliRun.of("status", clean.toString());
        assertEquals(0, status.code, status.err);
        assertTrue(status.out.contains("adaptive replication: round 3: 1 of 3 cells settled, 2 at the maximum without"
                + " settling, 0 open"), status.out);

        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", clean.toString(), "--out", report.toString(), "--master", "local[1]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);
        String summary = Files.readString(report.resolve("summary.md"));
        assertTrue(summary.contains("Stopped at the maximum of 8 replicates without settling: lr=0.002; lr=0.001."), summary);
        assertTrue(summary.contains("40 of 40 planned trials are in the tables."), "a cell plans what its rounds gave it:\n"
                + summary);
        List<String> csv = Files.readAllLines(report.resolve("tables").resolve("replication.csv"));
        assertEquals("cell,replicates,rounds,half-width (epochs),state", csv.get(0));
        assertEquals(List.of("lr=0.5,4,1,0,settled", "lr=0.002,8,3,,stopped at the maximum without settling",
                "lr=0.001,8,3,,stopped at the maximum without settling"), csv.subList(1, csv.size()));
    }

    @Test
    void planWithAPilotFolderGivesEachCellsHalfWidthAndTheReplicatesLikelyNeeded() {
        CliRun plan = CliRun.of("plan", STUDY.toString(), "--bench-seconds", "0", "--pilot", clean.toString());
        assertEquals(0, plan.code, plan.err + plan.out);
        // lr 0.5: half-width 0 -> 4 x (0 / 0.01)^2 = 0, so the minimum, 4; the others: an open bound -> the maximum
        assertTrue(plan.out.contains("lr=0.5: 4 pairs, half-width 0 -> 4 replicates\n"), plan.out);
        assertTrue(plan.out.contains("lr=0.002: 8 pairs, half-width open -> 8 replicates (the maximum"), plan.out);
        assertTrue(plan.out.contains("likely 40 trials of at most 48"), "2 x 4 + 2 x 2 x 8:\n" + plan.out);
        CliRun fixed = CliRun.of("plan", "../conf/studies/quickstart.yaml", "--bench-seconds", "0", "--pilot", clean.toString());
        assertEquals(2, fixed.code, fixed.out);
        assertTrue(fixed.err.contains("has a fixed number of replicates"), fixed.err);
    }

    @Test
    void aTrialTrainedAdaptivelyIsBitwiseTheTrialOfTheFixedMaximumStudy() throws Exception {
        Path fixedStudy = dir.resolve("fixed.yaml");
        String text = Files.readString(STUDY).replace("replicates: {min: 4, max: 8, step: 2, half_width: 0.01}",
                "replicates: 8");
        assertTrue(text.contains("replicates: 8\n"));
        Files.writeString(fixedStudy, text);
        Path fixed = dir.resolve("fixed");
        CliRun r = CliRun.of("run", fixedStudy.toString(), "--out", fixed.toString(), "--master", "local[2]");
        assertEquals(0, r.code, r.err + r.out);
        for (String table : List.of("trials", "traces")) {
            String order = table.equals("trials") ? "grid_index" : "grid_index, step";
            List<Map<String, Object>> adaptive = results(DuckDb.rows(clean, table, order));
            List<Map<String, Object>> all = results(DuckDb.rows(fixed, table, order));
            List<Object> indexes = adaptive.stream().map(x -> x.get("grid_index")).distinct().toList();
            assertEquals(40, table.equals("trials") ? adaptive.size() : indexes.size(), "4 x 2 + 8 x 4 trials");
            assertEquals(all.stream().filter(x -> indexes.contains(x.get("grid_index"))).toList(), adaptive, table);
        }
    }

    /** The rows without what names the study (its hash is another) and what measures time or place. */
    private static List<Map<String, Object>> results(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = DuckDb.deterministic(rows);
        for (Map<String, Object> r : out) {
            r.keySet().removeAll(List.of("study", "study_hash", "trial_key", "trial_id"));
        }
        return out;
    }

    @Test
    void anAdaptiveRunKilledInTheMiddleOfARoundEndsWithTheTablesOfAnUninterruptedOne() throws Exception {
        Path killed = dir.resolve("killed");
        // a task per trial, so that trials commit one by one within a round
        Process p = CliJvm.start(dir.resolve("killed.log"), "run", STUDY.toString(), "--out", killed.toString(),
                "--master", "local[1]", "--partitions", "100", "--progress-seconds", "1");
        // round 1 is 24 trials: kill in round 2
        CliJvm.killWhen(p, () -> CommittedFiles.trialFiles(killed) > 24, 180, AdaptiveRunTest::log);
        int before = DuckDb.rows(killed, "trials", "grid_index").size();
        assertTrue(before > 24 && before < 32, "killed in round 2: " + before + " trials committed\n" + log());
        AdaptiveRound last = manifest(killed).rounds().get(manifest(killed).rounds().size() - 1);
        assertEquals(2, last.number());
        assertTrue(!last.decided(), "the manifest says round 2 was being trained");

        CliRun again = CliRun.of("run", STUDY.toString(), "--out", killed.toString(), "--master", "local[2]");
        assertEquals(0, again.code, again.err + again.out);
        assertTrue(again.out.contains("round 2: 1 of 3 cells settled, 0 at the maximum, 2 get 6 replicates, "
                + (32 - before) + " trials to train"), "the replay trains only what round 2 misses:\n" + again.out);
        for (String table : List.of("trials", "traces")) {
            String order = table.equals("trials") ? "grid_index" : "grid_index, step";
            assertEquals(DuckDb.deterministic(DuckDb.rows(clean, table, order)),
                    DuckDb.deterministic(DuckDb.rows(killed, table, order)), table);
        }
        assertEquals(manifest(clean).rounds(), manifest(killed).rounds(), "the same rounds");
    }

    @Test
    void anInterruptedAdaptiveRunKeepsItsRoundsInTheManifest() throws Exception {
        Path out = dir.resolve("interrupted");
        Process p = CliJvm.start(dir.resolve("interrupted.log"), "run", STUDY.toString(), "--out", out.toString(),
                "--master", "local[1]", "--partitions", "100", "--progress-seconds", "1");
        try {
            CliJvm.await(p, () -> CommittedFiles.trialFiles(out) > 24, 180, () -> read("interrupted.log"));
            // SIGTERM: a test run as a background job has SIGINT ignored from the start
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), read("interrupted.log"));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), read("interrupted.log"));
        Manifest m = manifest(out);
        assertEquals(Manifest.State.INTERRUPTED, m.state());
        assertEquals(2, m.rounds().size(), "round 1 decided, round 2 being trained: " + m.rounds());
        assertTrue(m.rounds().get(0).decided() && !m.rounds().get(1).decided(), m.rounds().toString());
        CliRun status = CliRun.of("status", out.toString());
        assertTrue(status.out.contains("adaptive replication: round 2: training, not analysed yet (3 of 3 cells)"),
                status.out);
    }

    private static String read(String log) {
        try {
            return Files.readString(dir.resolve(log));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String log() {
        return read("killed.log");
    }
}
