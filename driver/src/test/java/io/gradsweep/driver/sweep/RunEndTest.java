package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.CommittedFiles;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that cannot finish ends with a manifest that says why: a full disk, an interrupt. */
class RunEndTest {
    static final Path RESUME = ResumeAfterKillTest.STUDY;
    private static final String PREFIX = "spark.hadoop.";

    @TempDir
    Path dir;

    private static List<Path> temporaries(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private Manifest manifest(Path out) throws IOException {
        return OutputFolder.at(out.toString(), new Configuration()).manifest().orElseThrow();
    }

    @Test
    void aFullDiskEndsTheRunWithAManifestSayingSoAndNoTemporaryLeft() throws Exception {
        Path out = dir.resolve("out");
        NoSpaceFileSystem.reset();
        System.setProperty(PREFIX + "fs.file.impl", NoSpaceFileSystem.class.getName());
        System.setProperty(PREFIX + "fs.file.impl.disable.cache", "true");
        System.setProperty(PREFIX + NoSpaceFileSystem.ROOT, out.toString());
        System.setProperty(PREFIX + NoSpaceFileSystem.FREE_BYTES, "60000"); // a few of the 6 tasks' files
        CliRun r;
        try {
            r = CliRun.of("run", RESUME.toString(), "--out", out.toString(), "--master", "local[1]",
                    "--partitions", "6");
        } finally {
            for (String key : List.of("fs.file.impl", "fs.file.impl.disable.cache", NoSpaceFileSystem.ROOT,
                    NoSpaceFileSystem.FREE_BYTES)) {
                System.clearProperty(PREFIX + key);
            }
        }
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.out.contains("failed: no space left") && r.out.contains("No space left on device")
                && r.out.contains("run the same command again to resume"), r.out);
        Manifest m = manifest(out);
        assertEquals("failed: no space", m.describeState());
        assertTrue(m.error().orElse("").contains("No space left on device"), m.toString());
        assertTrue(m.ended().isPresent());
        assertEquals(List.of(), temporaries(out), "no temporary left behind; the run printed:\n" + r.out + r.err);
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "the lock is released");
        int committed = CommittedFiles.trialFiles(out);
        CliRun status = CliRun.of("status", out.toString());
        assertTrue(status.out.contains("last run: failed: no space") && !status.out.contains("not counted"),
                status.out);
        assertTrue(committed < 12, "the disk filled before the end: " + committed + " trials files");

        CliRun again = CliRun.of("run", RESUME.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, again.code, again.out + again.err);
        assertEquals("complete", manifest(out).describeState());
    }

    @Test
    void sigintAndSigtermEndTheRunInOrderWithExitCode130() throws Exception {
        for (String signal : List.of("INT", "TERM")) {
            Path out = dir.resolve("out-" + signal);
            Path log = dir.resolve(signal + ".log");
            Process p = startCli(out, log);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (CommittedFiles.trialFiles(out) < 1) {
                    assertTrue(p.isAlive(), () -> "the run ended before it could be interrupted:\n" + read(log));
                    assertTrue(System.nanoTime() < deadline, "no trials committed within 120 s");
                    Thread.sleep(50);
                }
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended after SIG" + signal + ":\n" + read(log));
            } finally {
                p.destroyForcibly();
            }
            String text = read(log);
            assertEquals(130, p.exitValue(), text);
            assertTrue(text.contains("interrupted; run the same command again to resume"), text);
            assertFalse(text.contains("Job 0 cancelled") && text.contains("failed:"), text);
            Manifest m = manifest(out);
            assertEquals(Manifest.State.INTERRUPTED, m.state(), m.toString());
            assertFalse(Files.exists(out.resolve(RunLock.FILE)), "the lock is released");
            CliRun status = CliRun.of("status", out.toString());
            assertTrue(status.out.contains("last run: interrupted") && status.out.contains("lock: none"), status.out);
        }
    }

    private static Process startCli(Path out, Path log) throws IOException {
        return CliJvm.start(log, "run", RESUME.toString(), "--out", out.toString(), "--master", "local[1]",
                "--partitions", "12", "--progress-seconds", "1");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
