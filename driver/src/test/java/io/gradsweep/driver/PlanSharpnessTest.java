package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan} counts sharpness measurements in the study's work. */
class PlanSharpnessTest {
    @TempDir
    Path dir;

    @Test
    void planCountsTheSharpnessProductsAtTheirCap() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "study: s\nbase:\n  dataset: iris\n  depth: 1\n  width: 8\n  epochs: 4\n"
                + "  sharpness_every: 2\n  sharpness_iterations: 10\n");
        CliRun r = CliRun.of("plan", f.toString(), "--bench-seconds", "0");
        assertEquals(0, r.code, r.err);
        // By hand: iris has 120 training rows (test fraction 0.2), so 2 steps per epoch at batch 64
        // and 8 steps; points at steps 0, 2, 4, 6, 8, measured at 0, 4, 8. Weights 4 x 8 + 8 x 3 = 56.
        // 3 points x 10 products x 2 gradient passes x 6 x 56 weights x 120 rows = 2,419,200.
        assertTrue(r.out.contains("of which sharpness 2.42e+06 FLOPs"), r.out);
        // training: 6 x 56 x 120 rows x 4 epochs = 161,280; with sharpness 2,580,480
        assertTrue(r.out.contains("work        2.58e+06 FLOPs"), r.out);
        Files.writeString(f, "study: s\nbase:\n  dataset: iris\n  depth: 1\n  width: 8\n  epochs: 4\n");
        CliRun off = CliRun.of("plan", f.toString(), "--bench-seconds", "0");
        assertFalse(off.out.contains("sharpness"), off.out);
    }
}
