package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's sharpness and bias-shift figures and its curvature table, against DuckDB reading the same files. */
class CurvatureReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportShowsSharpnessBiasShiftAndTheEdgeTable() throws Exception {
        Path out = dir.resolve("study");
        CliRun run = CliRun.of("run", "src/test/resources/studies/curvature-small.yaml", "--out", out.toString(),
                "--master", "local[2]");
        assertEquals(0, run.code, run.err);
        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", out.toString(), "--out", report.toString(), "--master", "local[2]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);
        assertTrue(Files.size(report.resolve("sharpness.svg")) > 1000);
        assertTrue(Files.size(report.resolve("bias-shift-1.svg")) > 1000);
        assertTrue(Files.readString(report.resolve("sharpness.svg")).contains("edge of stability"));

        Map<String, Map<String, Object>> duck = new HashMap<>();
        for (Map<String, Object> r : DuckDb.query("SELECT activation, count(*) AS runs, count(edge_step) AS reached,"
                + " median(max_sharpness) AS max_sharpness FROM " + DuckDb.table(out, "trials") + " GROUP BY ALL")) {
            duck.put(String.valueOf(r.get("activation")), r);
        }
        List<Map<String, String>> table = AnalyzeCommandTest.csv(report, "curvature");
        assertEquals(2, table.size(), table.toString());
        long reached = 0;
        for (Map<String, String> row : table) {
            Map<String, Object> d = duck.get(row.get("activation"));
            assertTrue(d != null, row + " vs " + duck.keySet());
            assertEquals("6", row.get("runs"));
            assertEquals(String.valueOf(d.get("reached")), row.get("reached edge"));
            assertEquals("6", row.get("runs measured"));
            reached += ((Number) d.get("reached")).longValue();
            double median = ((Number) d.get("max_sharpness")).doubleValue();
            assertEquals(median, Double.parseDouble(row.get("median max sharpness")), 1e-3 * median);
        }
        assertTrue(reached > 0, "the test needs runs that reach 2 / lr");
        Map<String, String> tanh = table.stream().filter(r -> r.get("activation").equals("tanh")).findFirst().orElseThrow();
        // a number per CSV column: the difference and its bounds are numbers or empty, the pairs a count
        assertTrue(tanh.get("sharpness pairs").matches("\\d"), tanh.toString());
        for (String column : List.of("sharpness difference", "sharpness difference lower", "sharpness difference upper")) {
            String v = tanh.get(column);
            assertTrue(v.isEmpty() || Double.isFinite(Double.parseDouble(v)), column + ": " + tanh);
        }
    }
}
