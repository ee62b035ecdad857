package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.report.HeadlessChromium;
import io.gradsweep.driver.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} on a real study run with local Spark: its counts, medians and pairings are
 * checked against DuckDB reading the same Parquet files, and its report is reproducible.
 */
class AnalyzeCommandTest {
    static final Path STUDY = Path.of("src/test/resources/studies/analysis-small.yaml");

    @TempDir
    static Path dir;
    static Path out;
    static Path report;
    static CliRun analyze;

    @BeforeAll
    static void runAndAnalyse() {
        out = dir.resolve("study");
        CliRun run = CliRun.of("run", STUDY.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, run.code, run.err);
        report = dir.resolve("report");
        analyze = CliRun.of("analyze", out.toString(), "--out", report.toString(), "--master", "local[2]");
        assertEquals(0, analyze.code, analyze.err + analyze.out);
    }

    /** A CSV table of the report, as header -> value maps (the cells hold no commas or quotes but in quoted fields). */
    static List<Map<String, String>> csv(Path reportDir, String table) throws IOException {
        List<String> lines = Files.readAllLines(reportDir.resolve("tables").resolve(table + ".csv"));
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), f.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String cell(Object depth, Object lr) {
        return "depth=" + depth + ", lr=" + lr;
    }

    @Test
    void groupCountsMatchAnIndependentReader() throws Exception {
        Map<String, Map<String, Object>> duck = new HashMap<>();
        for (Map<String, Object> r : DuckDb.query("SELECT activation, depth, lr, count(*) AS present,"
                + " count(*) FILTER (WHERE status = 'ok') AS ok, count(*) FILTER (WHERE status = 'diverged') AS diverged"
                + " FROM " + DuckDb.table(out, "trials") + " GROUP BY ALL")) {
            duck.put(r.get("activation") + "|" + cell(r.get("depth"), r.get("lr")), r);
        }
        List<Map<String, String>> groups = csv(report, "groups");
        assertEquals(12, groups.size(), "3 activations x 2 depths x 2 learning rates");
        long diverged = 0;
        for (Map<String, String> g : groups) {
            Map<String, Object> d = duck.get(g.get("arm") + "|" + g.get("cell"));
            assertTrue(d != null, "group " + g + " not found by DuckDB in " + duck.keySet());
            assertEquals("6", g.get("planned"));
            assertEquals(String.valueOf(d.get("present")), g.get("present"));
            assertEquals(String.valueOf(d.get("ok")), g.get("ok"));
            assertEquals(String.valueOf(d.get("diverged")), g.get("diverged"));
            assertEquals("0", g.get("missing"));
            diverged += Long.parseLong(g.get("diverged"));
        }
        assertTrue(diverged > 0, "lr 4.0 should make some runs diverge; the test needs both kinds");
    }

    @Test
    void medianFinalLossMatchesAnIndependentReader() throws Exception {
        Map<String, Double> duck = new HashMap<>();
        for (Map<String, Object> r : DuckDb.query("SELECT activation, depth, lr, quantile_cont(final_train_loss, 0.5) AS m"
                + " FROM " + DuckDb.table(out, "trials") + " WHERE isfinite(final_train_loss) GROUP BY ALL")) {
            duck.put(r.get("activation") + "|" + cell(r.get("depth"), r.get("lr")), ((Number) r.get("m")).doubleValue());
        }
        int compared = 0;
        for (Map<String, String> m : csv(report, "measures")) {
            if (m.get("measure").equals(Measure.FINAL_TRAIN_LOSS.label)) {
                double expected = duck.get(m.get("arm") + "|" + m.get("cell"));
                double reported = Double.parseDouble(m.get("median"));
                assertEquals(expected, reported, Math.abs(expected) * 1e-9, "the CSV holds the median in full: " + m);
                compared++;
            }
        }
        assertTrue(compared >= 6, "compared " + compared + " groups");
    }

    /**
     * Which run of each pair reached the headline threshold first, counted by DuckDB from the same
     * files: this study has no target_loss and no time limit, so a run that never got there is seen
     * not there up to its budget, and a reached run is first against it; two reached runs order by
     * the evaluation step, an equal step is a tie, and so is neither.
     */
    @Test
    void headlinePairsFollowTheReplicates() throws Exception {
        String threshold = headlineThreshold();
        int index = threshold.equals("1.0") ? 1 : 2; // DuckDB lists are 1-based
        String runs = "(SELECT activation, depth, lr, replicate, threshold_step[" + index + "] AS ts FROM "
                + DuckDb.table(out, "trials") + " WHERE status != 'failed')";
        Map<String, Map<String, Object>> duck = new HashMap<>();
        for (Map<String, Object> r : DuckDb.query("SELECT a.activation AS arm, depth, lr, count(*) AS pairs,"
                + " count(*) FILTER (WHERE a.ts IS NOT NULL AND (b.ts IS NULL OR a.ts < b.ts)) AS arm_first,"
                + " count(*) FILTER (WHERE b.ts IS NOT NULL AND (a.ts IS NULL OR b.ts < a.ts)) AS ref_first,"
                + " count(*) FILTER (WHERE (a.ts IS NULL AND b.ts IS NULL) OR a.ts = b.ts) AS tied,"
                + " count(*) FILTER (WHERE a.ts IS NOT NULL AND b.ts IS NOT NULL) AS both_reached"
                + " FROM " + runs + " a JOIN " + runs + " b USING (depth, lr, replicate)"
                + " WHERE b.activation = 'relu' AND a.activation != 'relu' GROUP BY ALL")) {
            duck.put(r.get("arm") + "|" + cell(r.get("depth"), r.get("lr")), r);
        }
        List<Map<String, String>> headline = csv(report, "headline");
        assertEquals(8, headline.size(), "2 arms against relu in 4 cells");
        int ordered = 0;
        for (Map<String, String> h : headline) {
            assertEquals("relu", h.get("reference"));
            Map<String, Object> d = duck.get(h.get("arm") + "|" + h.get("cell"));
            assertEquals(String.valueOf(d.get("pairs")), h.get("pairs"), h.toString());
            assertEquals(String.valueOf(d.get("arm_first")), h.get("arm first"), h.toString());
            assertEquals(String.valueOf(d.get("ref_first")), h.get("reference first"), h.toString());
            assertEquals(String.valueOf(d.get("tied")), h.get("tied"), h.toString());
            assertEquals("0", h.get("no order"), "no run stopped early in this study: " + h);
            long both = ((Number) d.get("both_reached")).longValue();
            assertEquals(String.valueOf(both), h.get("both reached: pairs"), h.toString());
            assertEquals(both == 0, h.get("both reached: difference").isEmpty(), h.toString());
            int n = Integer.parseInt(h.get("arm first")) + Integer.parseInt(h.get("reference first"));
            if (n > 0) {
                ordered++;
                double p = Double.parseDouble(h.get("sign test p"));
                double floor = Math.pow(2, 1 - n);
                assertTrue(p >= floor * (1 - 1e-4), "no p below the exact floor 2/2^" + n + ": " + h);
                assertEquals(floor, Double.parseDouble(h.get("minimum p")), 1e-12, "the exact floor, in full: " + h);
            }
        }
        assertTrue(ordered > 0, "the test needs rows with ordered pairs");
    }

    /** A CSV column with a number in it holds only numbers and empty cells: no "10 [10, open]", no "n/a". */
    @Test
    void everyCsvTableHoldsNumbersInItsNumericColumns() throws Exception {
        int numericColumns = 0;
        try (Stream<Path> files = Files.list(report.resolve("tables"))) {
            for (Path file : files.toList()) {
                String table = file.getFileName().toString().replace(".csv", "");
                List<Map<String, String>> rows = csv(report, table);
                for (String column : rows.isEmpty() ? List.<String>of() : rows.get(0).keySet()) {
                    List<String> values = rows.stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).toList();
                    long numbers = values.stream().filter(AnalyzeCommandTest::isNumber).count();
                    if (numbers > 0) {
                        numericColumns++;
                        assertEquals(values.size(), numbers, table + "." + column + " mixes numbers and text: " + values);
                    }
                    if (column.endsWith(" lower") || column.endsWith(" upper")) {
                        assertTrue(numbers > 0 || values.isEmpty(), table + "." + column + ": " + values);
                    }
                }
            }
        }
        assertTrue(numericColumns > 50, "numeric columns: " + numericColumns);
        Map<String, String> first = csv(report, "headline").get(0);
        assertTrue(first.containsKey("P(arm first) lower") && first.containsKey("P(arm first) upper"), first.toString());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.contains("N") && !s.contains("I"); // no NaN or Infinity: an absent number is an empty cell
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void theEffectAcrossCellsIsTestedPerArm() throws Exception {
        List<Map<String, String>> rows = csv(report, "heterogeneity");
        assertEquals(2, rows.size(), "elu and tanh against relu");
        for (Map<String, String> h : rows) {
            assertEquals(4, Integer.parseInt(h.get("cells")) + Integer.parseInt(h.get("left out")), h.toString());
            if (Integer.parseInt(h.get("cells")) >= 2) {
                assertEquals(Integer.parseInt(h.get("cells")) - 1, Integer.parseInt(h.get("df")), h.toString());
                double p = Double.parseDouble(h.get("p"));
                assertTrue(p >= 0 && p <= 1, h.toString());
            }
        }
    }

    private static String headlineThreshold() throws IOException {
        String caption = Files.readString(report.resolve("summary.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Epochs to reach train loss ([0-9.]+)").matcher(caption);
        assertTrue(m.find(), "the headline table's caption names its threshold");
        return m.group(1);
    }

    @Test
    void theSameSeedGivesTheSameTables() throws Exception {
        Path again = dir.resolve("report-again");
        CliRun r = CliRun.of("analyze", out.toString(), "--out", again.toString(), "--master", "local[1]");
        assertEquals(0, r.code, r.err);
        try (Stream<Path> files = Files.list(report.resolve("tables"))) {
            for (Path f : files.toList()) {
                assertEquals(Files.readString(f), Files.readString(again.resolve("tables").resolve(f.getFileName())),
                        f.getFileName().toString());
            }
        }
        assertEquals(Files.readString(report.resolve("summary.md")).replaceAll("Analysed by .*", ""),
                Files.readString(again.resolve("summary.md")).replaceAll("Analysed by .*", ""));
    }

    /**
     * The tables a study too large for the driver gets from per-cell Spark tasks are the driver's,
     * byte for byte; only the tables pooled over every run are left out, and the report says so.
     */
    @Test
    void cellsComputedInSparkTasksGiveTheDriversTables() throws Exception {
        Path onExecutors = dir.resolve("report-cells-on-executors");
        CliRun r = CliRun.of("analyze", out.toString(), "--out", onExecutors.toString(), "--master", "local[2]",
                "--cells-on-executors");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("each cell's statistics are computed in a Spark task"), r.out);
        assertSameCellTables(report, onExecutors);
        assertTrue(Files.readString(onExecutors.resolve("summary.md")).contains("stayed on the executors"));
    }

    /** As above where a whole cell has no run yet: its groups are there, empty, on both paths. */
    @Test
    void aCellWithoutRunsIsTheSameInSparkTasks() throws Exception {
        Path partial = withoutTanhTrials("partial-cells");
        Path onDriver = dir.resolve("partial-cells-driver");
        Path onExecutors = dir.resolve("partial-cells-executors");
        for (Path report : List.of(onDriver, onExecutors)) {
            List<String> args = new java.util.ArrayList<>(List.of("analyze", partial.toString(), "--out", report.toString(),
                    "--master", "local[2]", "--compare", "lr", "--by", "activation,depth"));
            if (report == onExecutors) {
                args.add("--cells-on-executors");
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.code, r.err);
        }
        assertTrue(csv(onExecutors, "groups").stream().anyMatch(g -> g.get("present").equals("0")
                && g.get("missing").equals("6")), "a cell without runs is counted as missing");
        assertSameCellTables(onDriver, onExecutors);
    }

    private static void assertSameCellTables(Path onDriver, Path onExecutors) throws IOException {
        List<String> leftOut = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(onDriver.resolve("tables"))) {
            for (Path f : files.sorted().toList()) {
                Path other = onExecutors.resolve("tables").resolve(f.getFileName());
                if (Files.exists(other)) {
                    assertEquals(Files.readString(f), Files.readString(other), f.getFileName().toString());
                } else {
                    leftOut.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of("aggregate-iqm.csv", "mechanism.csv", "performance-profile.csv"), leftOut,
                "only the tables pooled over every run are left out");
    }

    @Test
    void aPartlyMissingStudyIsAnalysedAndTheGapCounted() throws Exception {
        Path partial = withoutTanhTrials("partial");
        Path partialReport = dir.resolve("partial-report");
        CliRun r = CliRun.of("analyze", partial.toString(), "--out", partialReport.toString(), "--master", "local[1]");
        assertEquals(0, r.code, r.err);
        for (Map<String, String> g : csv(partialReport, "groups")) {
            boolean tanh = g.get("arm").equals("tanh");
            assertEquals(tanh ? "6" : "0", g.get("missing"), g.toString());
            assertEquals(tanh ? "0" : "6", g.get("present"), g.toString());
        }
        assertTrue(Files.readString(partialReport.resolve("summary.md")).contains("48 of 72 planned trials"));
    }

    /** A copy of the study's folder without the trials files of one partition: as if its tasks had not run yet. */
    private static Path withoutTanhTrials(String name) throws IOException {
        Path partial = dir.resolve(name);
        copy(out, partial);
        try (Stream<Path> files = Files.list(partial.resolve("trials").resolve("activation=tanh"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        return partial;
    }

    /** The same folder with an analysis: block added to the study in its manifest (the block changes no trial). */
    private static Path withDeclaredAnalysis(String name, String block) throws IOException {
        Path declared = dir.resolve(name);
        copy(out, declared);
        Path manifest = declared.resolve("manifest.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                manifest.toFile());
        m.put("study_text", m.path("study_text").asText() + block);
        json.writeValue(manifest.toFile(), m);
        return declared;
    }

    @Test
    void endpointsDeclaredInTheStudyAreThePrimaryFamily() throws Exception {
        Path declared = withDeclaredAnalysis("declared", "analysis:\n  reference: tanh\n  threshold: 1.0\n"
                + "  secondary: [final_train_loss]\n");
        Path declaredReport = dir.resolve("declared-report");
        CliRun r = CliRun.of("analyze", declared.toString(), "--out", declaredReport.toString(), "--master", "local[1]");
        assertEquals(0, r.code, r.err);
        for (Map<String, String> h : csv(declaredReport, "headline")) {
            assertEquals("tanh", h.get("reference"), h.toString());
        }
        String summary = Files.readString(declaredReport.resolve("summary.md"));
        assertTrue(summary.contains("Epochs to reach train loss 1.0 (the primary endpoint, declared"), "declared, not exploratory");
        assertTrue(!summary.contains("Exploratory"), "a declared threshold is not labelled exploratory");
        assertTrue(Files.exists(declaredReport.resolve("tables").resolve("paired-final-train-loss.csv")), "the secondary measure");
        assertTrue(!Files.exists(declaredReport.resolve("tables").resolve("paired-final-test-accuracy.csv")),
                "only the declared secondary measures");
        // the Holm family counts every sign-test and log-rank p of the table, and no more
        long tested = 0;
        for (Map<String, String> h : csv(declaredReport, "headline")) {
            tested += (h.get("sign test p").isEmpty() ? 0 : 1) + (h.get("log-rank p").isEmpty() ? 0 : 1);
        }
        assertTrue(summary.contains("one family of " + tested + " p-values"), "family of " + tested + ": " + summary);

        Path bad = withDeclaredAnalysis("declared-bad", "analysis:\n  reference: gelu\n");
        CliRun refused = CliRun.of("analyze", bad.toString(), "--out", dir.resolve("declared-bad-report").toString(),
                "--master", "local[1]");
        assertEquals(2, refused.code, refused.err);
        assertTrue(refused.err.contains("analysis.reference gelu") && refused.err.contains("tanh"), refused.err);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The page opens in a real browser with no error, every plot decoded and the headline table there; the screenshot is kept. */
    @Test
    void theReportRendersInAHeadlessBrowser() throws Exception {
        Path shots = Path.of(System.getProperty("basedir", "."), "target", "report-browser");
        Files.createDirectories(shots);
        try (HeadlessChromium browser = HeadlessChromium.start(shots.resolve("analyze-profile"))) {
            browser.setViewport(1400, 900);
            browser.open(report.resolve("report.html"));
            // every table, the headline's p-value columns and verdicts included, within a 1400 px window,
            // folded tables opened too
            assertEquals(List.of(), browser.overflowingTables(), "tables wider than the page at 1400 px");
            browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)");
            assertEquals(List.of(), browser.overflowingTables(), "tables wider than the page at 1400 px, unfolded");
            assertTrue(browser.evaluate("document.querySelector('.answer').getBoundingClientRect().bottom").asDouble() < 900,
                    "the answer is on the first screen");
            browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)");
            assertEquals(List.of(), browser.errors());
            assertEquals(List.of(), browser.brokenImages());
            try (Stream<Path> pngs = Files.list(report)) {
                long expected = pngs.filter(p -> p.toString().endsWith(".png")).count();
                assertEquals(expected, browser.imageCount(), "every plot is embedded in the page");
                assertTrue(expected >= 8, "loss curves, Kaplan-Meier curves, gradients, dead units, heatmaps: " + expected);
            }
            assertTrue(browser.hasElementWithId("headline"), "the headline table");
            browser.screenshot(shots.resolve("analyze-report.png"));
        }
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.indexOf("id=\"headline\"") < html.indexOf("id=\"groups\""), "the headline comes first");
        assertTrue(html.contains(Files.readString(STUDY).lines().filter(l -> l.startsWith("study:")).findFirst().orElseThrow()),
                "the provenance holds the study file");
    }

    @Test
    void badRequestsNameTheFlagAndWhatIsAllowed() {
        CliRun reference = CliRun.of("analyze", out.toString(), "--reference", "gelu", "--out", dir.resolve("r").toString(),
                "--master", "local[1]");
        assertEquals(2, reference.code);
        assertTrue(reference.err.contains("--reference gelu") && reference.err.contains("[relu, elu(alpha=1.0), tanh]"), reference.err);
        // refused before anything was read or written: the report folder is prepared before Spark starts
        assertFalse(Files.exists(dir.resolve("r")), "refused before the report folder was made");
        CliRun compare = CliRun.of("analyze", out.toString(), "--compare", "optimizer");
        assertEquals(2, compare.code);
        assertTrue(compare.err.contains("--compare optimizer") && compare.err.contains("[activation, depth, lr]"), compare.err);
        CliRun threshold = CliRun.of("analyze", out.toString(), "--threshold", "0.3");
        assertEquals(2, threshold.code);
        assertTrue(threshold.err.contains("[1.0, 0.5]"), threshold.err);
        CliRun by = CliRun.of("analyze", out.toString(), "--compare", "depth", "--by", "depth");
        assertEquals(2, by.code);
        assertTrue(by.err.contains("already the --compare factor"), by.err);
        CliRun empty = CliRun.of("analyze", dir.resolve("nothing-here").toString());
        assertEquals(2, empty.code);
        assertTrue(empty.err.contains("manifest.json"), empty.err);
    }
}
