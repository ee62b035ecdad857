package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.driver.report.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanism table (rank correlation of the time to the threshold with sharpness and bias shift)
 * and the per-layer bias-shift figures of a small trained study, against an independent route:
 * DuckDB reads the same Parquet files and computes the summaries with its own SQL, commons-math3
 * ranks and correlates, with a run that never reached the threshold given an infinite time (the
 * same order as the report's rule, since every run of this study has the same 60-step budget).
 */
class MechanismReportTest {
    @TempDir
    static Path dir;
    static Path out;
    static Path report;

    @BeforeAll
    static void trainAndAnalyse() throws Exception {
        out = dir.resolve("study");
        CliRun run = CliRun.of("run", "src/test/resources/studies/mechanism-small.yaml", "--out", out.toString(),
                "--master", "local[2]");
        assertEquals(0, run.code, run.err);
        report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", out.toString(), "--out", report.toString(), "--master", "local[2]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);
    }

    /** One run as DuckDB sees it: its arm, time (infinite = never reached), when it stopped, and its summaries. */
    record Run(String arm, double time, double stopped, double sharpness, double shift) {
    }

    /** Per lr (the cell), the runs; the summaries over the points before the cell's first crossing. */
    private static Map<Double, List<Run>> independentRuns() throws Exception {
        return independentRuns("lr");
    }

    /** The same with the cells {@code cell} makes (an expression of the trials' columns; "0" for one cell). */
    private static Map<Double, List<Run>> independentRuns(String cell) throws Exception {
        String sql = """
                WITH t AS (SELECT trial_key, activation, %s AS cell, status, steps_run, epochs_run, max_steps,
                                  threshold_epoch[1] AS crossing FROM %s),
                c AS (SELECT cell, min(crossing) AS first FROM t WHERE status <> 'failed' GROUP BY cell),
                p AS (SELECT trial_key, step, sharpness,
                             list_avg(list_transform(activation_mean, x -> abs(x))) AS shift FROM %s)
                SELECT t.trial_key, t.activation, t.cell, t.status, t.steps_run, t.epochs_run, t.max_steps, t.crossing,
                       avg(CASE WHEN p.step < c.first AND isfinite(p.sharpness) THEN p.sharpness END) AS sharp,
                       avg(CASE WHEN p.step < c.first AND isfinite(p.shift) THEN p.shift END) AS shift
                FROM t JOIN c ON t.cell = c.cell JOIN p ON p.trial_key = t.trial_key
                GROUP BY ALL ORDER BY t.cell, t.activation
                """.formatted(cell, DuckDb.table(out, "trials"), DuckDb.table(out, "traces"));
        Map<Double, List<Run>> byCell = new LinkedHashMap<>();
        for (Map<String, Object> r : DuckDb.query(sql)) {
            // full batch (1000 rows > the training rows): a step is an epoch, so steps and epochs compare
            assertEquals(((Number) r.get("steps_run")).doubleValue(), ((Number) r.get("epochs_run")).doubleValue(), 1e-9);
            assertEquals(60L, ((Number) r.get("max_steps")).longValue(), "one budget for every run");
            Object crossing = r.get("crossing");
            double time = crossing == null ? Double.POSITIVE_INFINITY : ((Number) crossing).doubleValue();
            byCell.computeIfAbsent(((Number) r.get("cell")).doubleValue(), k -> new ArrayList<>()).add(new Run(
                    String.valueOf(r.get("activation")), time, ((Number) r.get("steps_run")).doubleValue(),
                    ((Number) r.get("sharp")).doubleValue(), ((Number) r.get("shift")).doubleValue()));
        }
        return byCell;
    }

    @Test
    void theMechanismTableMatchesAnIndependentRankCorrelation() throws Exception {
        Map<Double, List<Run>> cells = independentRuns();
        List<Map<String, String>> table = AnalyzeCommandTest.csv(report, "mechanism");
        assertEquals(4, table.size(), table.toString()); // 2 cells x (sharpness, bias shift)
        int checked = 0;
        for (Map<String, String> row : table) {
            List<Run> runs = cells.get(Double.parseDouble(row.get("cell").replace("lr=", "")));
            boolean sharpness = row.get("mechanism").equals("sharpness");
            double[] time = runs.stream().mapToDouble(Run::time).toArray();
            double[] summary = runs.stream().mapToDouble(r -> sharpness ? r.sharpness() : r.shift()).toArray();
            long never = runs.stream().filter(r -> Double.isInfinite(r.time())).count();
            assertEquals(String.valueOf(runs.size()), row.get("runs"), row.toString());
            assertEquals(String.valueOf(never), row.get("never reached"), row.toString());
            assertEquals("0", row.get("left out"), row.toString());
            double rho = new SpearmansCorrelation().correlation(time, summary);
            assertEquals(rho, Double.parseDouble(row.get("rho")), 1e-9, row.toString());
            double lower = Double.parseDouble(row.get("rho lower"));
            double upper = Double.parseDouble(row.get("rho upper"));
            assertTrue(lower < rho && rho < upper, row.toString());
            assertEquals(withinArms(runs, sharpness), Double.parseDouble(row.get("within-arm rho")), 1e-9, row.toString());
            checked++;
        }
        assertEquals(4, checked);
    }

    /**
     * One cell over both rates (--by ''): the runs of an arm share their seeds two by two (one per
     * rate), so each must be matched to its own summaries by its grid index, not by its seeds.
     */
    @Test
    void oneCellOverBothRatesMatchesItsOwnRuns() throws Exception {
        Path oneCell = dir.resolve("report-one-cell");
        CliRun analyze = CliRun.of("analyze", out.toString(), "--out", oneCell.toString(), "--by", "", "--master", "local[1]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);
        List<Run> runs = independentRuns("0").get(0.0);
        assertEquals(36, runs.size());
        Map<String, String> row = AnalyzeCommandTest.csv(oneCell, "mechanism").stream()
                .filter(r -> r.get("mechanism").equals("bias shift")).findFirst().orElseThrow();
        assertEquals("36", row.get("runs"), row.toString());
        double rho = new SpearmansCorrelation().correlation(runs.stream().mapToDouble(Run::time).toArray(),
                runs.stream().mapToDouble(Run::shift).toArray());
        assertEquals(rho, Double.parseDouble(row.get("rho")), 1e-9, row.toString());
        assertEquals(withinArms(runs, false), Double.parseDouble(row.get("within-arm rho")), 1e-9, row.toString());
    }

    /**
     * At lr 2.0 every selu run diverged early: ranked at the step it stopped, as if that were a time
     * to the threshold, it would be the fastest, and the correlation another. The table must rank
     * it last (what the test above checks); here the data must be such that the two differ.
     */
    @Test
    void divergedRunsRankedWhereTheyStoppedWouldGiveAnotherAnswer() throws Exception {
        List<Run> runs = independentRuns().get(2.0);
        assertTrue(runs.stream().anyMatch(r -> Double.isInfinite(r.time()) && r.stopped() < 60),
                "the test needs runs that stopped early without reaching the threshold");
        double[] stoppedAsTime = runs.stream().mapToDouble(r -> Double.isInfinite(r.time()) ? r.stopped() : r.time()).toArray();
        double[] sharp = runs.stream().mapToDouble(Run::sharpness).toArray();
        double wrong = new SpearmansCorrelation().correlation(stoppedAsTime, sharp);
        Map<String, String> row = AnalyzeCommandTest.csv(report, "mechanism").stream()
                .filter(r -> r.get("cell").equals("lr=2.0") && r.get("mechanism").equals("sharpness")).findFirst().orElseThrow();
        double reported = Double.parseDouble(row.get("rho"));
        assertTrue(Math.abs(reported - wrong) > 0.2, "reported " + reported + ", stopping steps as times " + wrong);
    }

    @Test
    void theBiasShiftFigureShowsEachHiddenLayer() throws Exception {
        String svg = Files.readString(report.resolve("bias-shift-1.svg"));
        for (int layer = 1; layer <= 3; layer++) { // depth 3: every layer
            assertTrue(svg.contains("lr=0.5: layer " + layer + " of 3"), "layer " + layer);
            assertTrue(svg.contains("lr=2.0: layer " + layer + " of 3"), "layer " + layer);
        }
        assertTrue(!Files.exists(report.resolve("bias-shift-2.svg")), "6 panels fit one figure");
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("id=\"mechanism\""), "the mechanism table is on the page");
    }

    /** In a real browser at 1400 px: the mechanism table fits, and the bias-shift figure is drawn at its full width. */
    @Test
    void theMechanismTableAndTheLayerFigureAreReadableInABrowser() throws Exception {
        Path shots = Path.of(System.getProperty("basedir", "."), "target", "report-browser");
        Files.createDirectories(shots);
        try (HeadlessChromium browser = HeadlessChromium.start(shots.resolve("mechanism-profile"))) {
            browser.setViewport(1400, 900);
            browser.open(report.resolve("report.html"));
            assertEquals(List.of(), browser.errors());
            assertEquals(List.of(), browser.brokenImages());
            assertEquals(List.of(), browser.overflowingTables(), "tables wider than the page at 1400 px");
            double width = browser.evaluate("[...document.images].filter(i => i.alt.startsWith('Mean activation of a"
                    + " hidden layer'))[0].clientWidth").asDouble();
            assertEquals(1200, width, 1, "the figure is shown at the size it was drawn, not shrunk");
            browser.screenshot(shots.resolve("mechanism-report.png"));
        }
    }

    /** Ranks taken within each arm, centred on the arm's mean, correlated together; arms where either is constant left out. */
    private static double withinArms(List<Run> runs, boolean sharpness) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        NaturalRanking ranking = new NaturalRanking();
        for (String arm : runs.stream().map(Run::arm).distinct().toList()) {
            List<Run> of = runs.stream().filter(r -> r.arm().equals(arm)).toList();
            double[] rx = ranking.rank(of.stream().mapToDouble(Run::time).toArray());
            double[] ry = ranking.rank(of.stream().mapToDouble(r -> sharpness ? r.sharpness() : r.shift()).toArray());
            if (constant(rx) || constant(ry)) {
                continue;
            }
            double mx = java.util.Arrays.stream(rx).average().orElseThrow();
            double my = java.util.Arrays.stream(ry).average().orElseThrow();
            for (int i = 0; i < rx.length; i++) {
                x.add(rx[i] - mx);
                y.add(ry[i] - my);
            }
        }
        return new PearsonsCorrelation().correlation(x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean constant(double[] v) {
        return java.util.Arrays.stream(v).distinct().count() == 1;
    }
}
