package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, case 7: inputs that are not regular files (/dev/zero, a symlink to it, a FIFO) are
 * refused at once with exit 2, never read until memory runs out nor waited on forever.
 */
class SpecialInputsTest {
    @TempDir
    Path dir;

    /** Runs the command line under a generous preemptive bound; prints how long the refusal took. */
    private static CliRun refusedQuickly(String... args) {
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            CliRun run = CliRun.of(args);
            System.out.printf("%s: exit %d in %.3f s: %s", String.join(" ", args), run.code,
                    (System.nanoTime() - start) / 1e9, run.err);
            return run;
        });
        assertEquals(2, r.code, r.err);
        return r;
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path path = dir.resolve(name);
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
        }
        return path;
    }

    private String study() throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), "study: s\nbase: {dataset: xor, epochs: 1}\n").toString();
    }

    @Test
    void planOfDevZeroIsRefused() {
        CliRun r = refusedQuickly("plan", "/dev/zero");
        assertTrue(r.err.contains("/dev/zero: a device, FIFO or socket, not a regular file"), r.err);
    }

    @Test
    void planOfASymlinkToDevZeroIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("study.yaml"), Path.of("/dev/zero"));
        CliRun r = refusedQuickly("plan", link.toString());
        assertTrue(r.err.contains("a symbolic link to /dev/zero, which is a device"), r.err);
    }

    @Test
    void planAndRunOfAFifoAreRefusedWithoutBlocking() throws Exception {
        Path fifo = fifo("study.yaml");
        assertTrue(refusedQuickly("plan", fifo.toString()).err.contains("not a regular file"));
        Path out = dir.resolve("out");
        assertTrue(refusedQuickly("run", fifo.toString(), "--out", out.toString()).err.contains("not a regular file"));
        assertFalse(Files.exists(out), "nothing is created for a refused study");
    }

    @Test
    void propertiesFileOfDevZeroIsRefused() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = refusedQuickly("run", study(), "--out", out.toString(), "--properties-file", "/dev/zero");
        assertTrue(r.err.contains("--properties-file /dev/zero: a device, FIFO or socket, not a regular file"), r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void propertiesFileThatIsAFifoIsRefused() throws Exception {
        Path fifo = fifo("spark.conf");
        CliRun r = refusedQuickly("run", study(), "--out", dir.resolve("out").toString(), "--properties-file",
                fifo.toString());
        assertTrue(r.err.contains("not a regular file"), r.err);
    }

    @Test
    void aCsvDataSetLinkedToDevZeroIsRefusedByPlan() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("data.csv"), Path.of("/dev/zero"));
        String study = Files.writeString(dir.resolve("csv.yaml"), "study: s\nbase: {dataset: 'csv(path=" + link
                + ",label=y)', epochs: 1}\n").toString();
        CliRun r = refusedQuickly("plan", study, "--bench-seconds", "0");
        assertTrue(r.err.contains("base.dataset") && r.err.contains("a symbolic link to /dev/zero"), r.err);
    }
}
