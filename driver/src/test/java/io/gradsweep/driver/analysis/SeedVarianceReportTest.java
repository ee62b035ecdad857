package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze on a crossed seed design: runs paired by their seeds, and the spread split between the sources. */
class SeedVarianceReportTest {
    static final Path STUDY = Path.of("src/test/resources/studies/crossed-seeds.yaml");

    @Test
    void aCrossedDesignIsPairedBySeedsAndGetsVarianceComponents(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("study");
        CliRun run = CliRun.of("run", STUDY.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, run.code, run.err);
        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", out.toString(), "--out", report.toString(), "--master", "local[2]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);

        List<Map<String, String>> headline = AnalyzeCommandTest.csv(report, "headline");
        assertEquals(1, headline.size(), "the seed dimensions are not cells");
        assertEquals("all trials", headline.get(0).get("cell"));
        assertEquals("16", headline.get(0).get("pairs"), "one pair per (init_seed, order_seed): 16, not 1 per replicate");

        List<Map<String, String>> vc = AnalyzeCommandTest.csv(report, "variance-components");
        assertEquals(2, vc.size(), "one row per arm");
        for (Map<String, String> row : vc) {
            assertEquals("4 x 4 x 1", row.get("design"));
            assertEquals("16", row.get("runs"));
            double sum = 0;
            for (String part : List.of("init_seed", "order_seed", "interaction + residual")) {
                // a fraction per CSV column, its interval's bounds apart, the estimate within them
                double share = Double.parseDouble(row.get(part + " share"));
                double lower = Double.parseDouble(row.get(part + " share lower"));
                double upper = Double.parseDouble(row.get(part + " share upper"));
                assertTrue(0 <= lower && lower <= upper && upper <= 1, part + ": " + row);
                assertTrue(share >= 0 && share <= 1, part + ": " + row);
                sum += share;
            }
            assertEquals(1.0, sum, 1e-9, "the shares add up to the whole: " + row);
        }
        assertTrue(Files.exists(report.resolve("variance-components.svg")));
        assertTrue(Files.readString(report.resolve("summary.md")).contains("Variance components"));
    }
}
