package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, case 9: sizes no trial can have, and studies too large to walk, are refused by plan
 * and by run before Spark starts, with exit 2, the key path and the arithmetic.
 */
class ImpossibleSizesTest {
    @TempDir
    Path dir;

    private String study(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml).toString();
    }

    /** Runs under a generous bound (a walk of billions of trials would hit it) and prints the time. */
    private static CliRun refused(String... args) {
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long start = System.nanoTime();
            CliRun run = CliRun.of(args);
            System.out.printf("%s %s: exit %d in %.3f s: %s", args[0], args[1], run.code,
                    (System.nanoTime() - start) / 1e9, run.err);
            return run;
        });
        assertEquals(2, r.code, r.out + r.err);
        return r;
    }

    @Test
    void aLayerBeyondOneJavaArrayIsRefusedByPlanAndRun() throws IOException {
        String s = study("wide", "study: wide\nbase: {dataset: digits, epochs: 1}\ngrid:\n  width: [16, 100000]\n"
                + "  depth: [2]\n");
        for (String command : new String[] {"plan", "run"}) {
            Path out = dir.resolve("out-" + command);
            CliRun r = command.equals("plan") ? refused("plan", s, "--bench-seconds", "0")
                    : refused("run", s, "--out", out.toString());
            assertTrue(r.err.contains("grid.width: depth 2, width 100000 on 64 inputs and 10 outputs"
                    + " cannot be built: a layer of 100,000 x 100,000 = 10,000,000,000 weights, more than one Java"
                    + " array holds (2,147,483,639) (trial 1)"), r.err);
            assertFalse(Files.exists(out), "run refuses before creating its folder");
        }
    }

    @Test
    void aNetworkTooDeepIsRefusedWithItsWeightCount() throws IOException {
        String s = study("deep", "study: deep\nbase: {dataset: digits, epochs: 1, width: 64, depth: 100000000}\n");
        CliRun r = refused("plan", s, "--bench-seconds", "0");
        // 64 x 64 + 99,999,999 x 64 x 64 + 64 x 10 = 409,600,000,640
        assertTrue(r.err.contains("base.depth: depth 100000000, width 64 on 64 inputs and 10 outputs cannot be built") && r.err.contains(
                "409,600,000,640 weights in all (64 x 64 + 99,999,999 x 64 x 64 + 64 x 10), more than 2,147,483,639"),
                r.err);
        assertTrue(refused("run", s, "--out", dir.resolve("o").toString()).err.contains("409,600,000,640 weights"));
    }

    @Test
    void aStudyOfBillionsOfTrialsIsRefusedByItsProductWithoutWalking() throws IOException {
        String s = study("huge", "study: huge\nmax_trials: 5000000000\nbase: {dataset: xor, epochs: 1}\ngrid:\n"
                + "  depth: {from: 1, to: 65536, step: 1}\n  width: {from: 1, to: 65536, step: 1}\n");
        String expected = "the study has 4,294,967,296 trials before exclusions (depth 65536 x width 65536 x 1 replicate),"
                + " more than --max-trials (10,000,000)";
        CliRun plan = refused("plan", s, "--bench-seconds", "0");
        assertTrue(plan.err.contains(expected), plan.err);
        assertTrue(plan.err.contains("--max-trials 4294967296"), plan.err);
        Path out = dir.resolve("out");
        CliRun run = refused("run", s, "--out", out.toString());
        assertTrue(run.err.contains(expected), run.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void planTakesMaxTrialsAsRunDoes() throws IOException {
        String s = study("eight", "study: eight\nreplicates: 2\nbase: {dataset: xor, epochs: 1}\ngrid:\n"
                + "  depth: [1, 2]\n  width: [4, 8]\n");
        CliRun r = refused("plan", s, "--bench-seconds", "0", "--max-trials", "5");
        assertTrue(r.err.contains("the study has 8 trials, more than --max-trials (5)"), r.err);
        assertEquals(0, CliRun.of("plan", s, "--bench-seconds", "0", "--max-trials", "8").code);
    }
}
