package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradsweep.driver.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's guards on the output folder and the study's size. */
class OutputSafetyTest {
    static final Path TINY = Path.of("src/test/resources/studies/tiny.yaml");

    @TempDir
    Path dir;

    private static RunLock holdLock(Path out) throws Exception {
        return RunLock.acquire(OutputFolder.at(out.toString(), new Configuration()), "elsewhere-study",
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** Another study's folder, its manifest as this project wrote them before the format marker. */
    static void writeOtherStudy(Path out) throws Exception {
        Files.createDirectories(out);
        Files.write(out.resolve(OutputFolder.MANIFEST), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new ObjectMapper().createObjectNode()
                .put("tool", "gradsweep").put("study", "old").put("study_hash", "0123456789abcdef0123")
                .put("code_version", "x").put("state", "complete").put("trials", 4).put("started", "then")));
        Files.createDirectories(out.resolve("trials/activation=relu"));
        Files.writeString(out.resolve("trials/activation=relu/part-1.parquet"), "old results");
    }

    @Test
    void aSecondRunIsRefusedWithExitThreeNamingTheHolderAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        try (RunLock first = holdLock(out)) {
            CliRun r = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[1]");
            assertEquals(3, r.code, r.err);
            long pid = ProcessHandle.current().pid();
            assertTrue(r.err.contains("in use by another run") && r.err.contains("study 'elsewhere-study'")
                    && r.err.contains("pid " + pid) && r.err.contains("since ") && r.err.contains("Wait for it to end"),
                    r.err);
            assertFalse(Files.exists(out.resolve(OutputFolder.MANIFEST)), "nothing written");
            assertTrue(first.held());
        }
    }

    @Test
    void replaceTakesTheLockTooAndDeletesNothingWhileAnotherRunHoldsIt() throws Exception {
        Path out = dir.resolve("out");
        writeOtherStudy(out);
        try (RunLock first = holdLock(out)) {
            CliRun r = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--replace", "--master", "local[1]");
            assertEquals(3, r.code, r.err);
            assertTrue(r.err.contains("in use by another run"), r.err);
        }
        assertEquals("old results", Files.readString(out.resolve("trials/activation=relu/part-1.parquet")));
        assertTrue(Files.readString(out.resolve(OutputFolder.MANIFEST)).contains("\"old\""));
    }

    @Test
    void statusNamesTheRunHoldingTheLock() throws Exception {
        Path out = dir.resolve("out");
        writeOtherStudy(out);
        Files.delete(out.resolve("trials/activation=relu/part-1.parquet")); // no table: status needs no Spark
        try (RunLock first = holdLock(out)) {
            CliRun r = CliRun.of("status", out.toString());
            assertEquals(0, r.code, r.err);
            assertTrue(r.out.contains("lock: held by run ") && r.out.contains("pid " + ProcessHandle.current().pid()),
                    r.out);
        }
        CliRun r = CliRun.of("status", out.toString());
        assertTrue(r.out.contains("lock: none"), r.out);
    }

    @Test
    void aStudyOfMoreTrialsThanMaxTrialsIsRefusedWithItsCountAndEstimate() {
        CliRun r = CliRun.of("run", TINY.toString(), "--out", dir.resolve("out").toString(), "--max-trials", "5");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("the study has 8 trials, more than --max-trials (5)") && r.err.contains("FLOPs of training")
                && r.err.contains("gradsweep plan " + TINY) && r.err.contains("--max-trials 8"), r.err);
        assertFalse(Files.exists(dir.resolve("out")), "refused before anything is written");
        CliRun zero = CliRun.of("run", TINY.toString(), "--out", dir.resolve("out").toString(), "--max-trials", "0");
        assertEquals(2, zero.code);
        assertTrue(zero.err.contains("--max-trials 0: must be an integer >= 1"), zero.err);
    }

    @Test
    void runAndStatusTakeAFileUriAndTheLockIsGoneAfterTheRun() throws Exception {
        Path out = dir.resolve("out");
        String uri = out.toUri().toString(); // file:///...
        assertTrue(uri.startsWith("file:///"), uri);
        CliRun r = CliRun.of("run", TINY.toString(), "--out", uri, "--master", "local[2]", "--max-trials", "8");
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.contains("by status: 8 ok\n"), r.out);
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "released at the end of the run");
        CliRun s = CliRun.of("status", uri);
        assertEquals(0, s.code, s.err);
        assertTrue(s.out.contains("trials done: 8 of 8") && s.out.contains("last run: complete")
                && s.out.contains("lock: none"), s.out);
    }
}
