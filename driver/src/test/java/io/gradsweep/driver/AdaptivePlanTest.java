package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan gives an adaptive study's cost range (run trains it by rounds: AdaptiveRunTest). */
class AdaptivePlanTest {
    private static final String STUDY = """
            study: adaptive
            replicates: {min: 4, max: 12, step: 4, half_width: 1.0}
            base: {dataset: iris, epochs: 2}
            grid:
              activation: [relu, elu]
            thresholds: [0.5]
            analysis: {threshold: 0.5}
            """;

    @Test
    void planPrintsTheRange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("adaptive.yaml");
        Files.writeString(file, STUDY);
        CliRun plan = CliRun.of("plan", file.toString(), "--bench-seconds", "0");
        assertEquals(0, plan.code, plan.err);
        assertTrue(plan.out.contains("replicates  adaptive: from 4 to 12 replicates per cell in steps of 4"), plan.out);
        assertTrue(plan.out.contains("cost range  8 trials if every cell settles at the minimum, 24 if none settles"), plan.out);
        assertTrue(plan.out.matches("(?s).*work {8}\\S+ to \\S+ FLOPs.*"), plan.out);
        Files.writeString(dir.resolve("fixed.yaml"), STUDY.replace("{min: 4, max: 12, step: 4, half_width: 1.0}", "12"));
        CliRun twelve = CliRun.of("plan", dir.resolve("fixed.yaml").toString(), "--bench-seconds", "0");
        String maxWork = line(twelve.out, "work").split("\\s+")[1];
        assertTrue(line(plan.out, "work").contains(" to " + maxWork + " FLOPs"), "the maximum is the fixed study's work: "
                + line(plan.out, "work") + " vs " + maxWork);
    }

    private static String line(String out, String key) {
        return out.lines().filter(l -> l.startsWith(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + out));
    }
}
