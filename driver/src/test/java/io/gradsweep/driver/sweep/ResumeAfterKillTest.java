package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CommittedFiles;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.driver.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in a JVM of its own, killed with SIGKILL part-way, then run again. */
class ResumeAfterKillTest {
    static final Path STUDY = Path.of("src/test/resources/studies/resume.yaml");

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesToEveryTrialExactlyOnceIdenticalToAnUninterruptedRun() throws Exception {
        Path killed = dir.resolve("killed");
        Process p = startCli(killed);
        CliJvm.killWhen(p, () -> CommittedFiles.trialFiles(killed) >= 2, 120, this::log);
        int before = DuckDb.rows(killed, "trials", "grid_index").size();
        assertTrue(before >= 2 && before < 24, "killed part-way: " + before + " of 24 trials committed");
        String manifest = Files.readString(killed.resolve("manifest.json"));
        assertTrue(manifest.contains("\"state\" : \"running\""), "a killed run leaves its manifest saying so");
        assertTrue(Files.exists(killed.resolve(RunLock.FILE)), "a killed run leaves its lock, which the next run"
                + " must take over (its process is gone) rather than refuse");

        assertEquals(0, Main.run(new String[] {"run", STUDY.toString(), "--out", killed.toString(), "--master", "local[2]"},
                System.out, System.err));
        Path clean = dir.resolve("clean");
        assertEquals(0, Main.run(new String[] {"run", STUDY.toString(), "--out", clean.toString(), "--master", "local[2]"},
                System.out, System.err));

        List<Map<String, Object>> trials = DuckDb.rows(killed, "trials", "grid_index");
        assertEquals(24, trials.size());
        assertEquals(24, new HashSet<>(trials.stream().map(r -> r.get("grid_index")).toList()).size(), "each trial once");
        for (String table : List.of("trials", "traces")) {
            String order = table.equals("trials") ? "grid_index" : "grid_index, step";
            assertEquals(DuckDb.deterministic(DuckDb.rows(clean, table, order)),
                    DuckDb.deterministic(DuckDb.rows(killed, table, order)), table);
        }
        try (Stream<Path> files = Files.walk(killed)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private Process startCli(Path out) throws IOException {
        return CliJvm.start(dir.resolve("killed.log"), "run", STUDY.toString(), "--out", out.toString(), "--master",
                "local[1]", "--partitions", "12", "--progress-seconds", "1");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("killed.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

}
