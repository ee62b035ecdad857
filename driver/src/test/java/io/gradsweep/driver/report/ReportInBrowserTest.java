package io.gradsweep.driver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser (headless Chromium): it must load with no errors and every
 * image decoded. Screenshots land in driver/target/report-browser/ for a look by eye.
 */
class ReportInBrowserTest {

    private static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "report-browser");
    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start(OUT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void reportWithChartsAndATableLoadsCleanly() throws Exception {
        Report report = new Report("Study quickstart: convergence")
            .heading("Test loss")
            .paragraph("Median and interquartile range over 5 paired replicates.")
            .figure(ReportFigure.of("loss.png", SampleCharts.band(), "Test loss by epoch", "Band chart of test loss"))
            .heading("Dead units")
            .figure(ReportFigure.of("dead.png", SampleCharts.heatmap(), "Dead units", "Heatmap of dead units"))
            .table(new ReportTable("Median epochs to loss < 0.1", List.of("activation", "depth", "epochs"), List.of(
                List.of("relu", "2", "7"), List.of("elu", "2", "5"), List.of("tanh", "6", ""))).withId("summary"));
        Path page = OUT.resolve("report.html");
        HtmlReport.write(report, page);

        browser.open(page);

        assertEquals(List.of(), browser.errors(), "the page logged errors");
        assertEquals(2, browser.imageCount());
        assertEquals(List.of(), browser.brokenImages(), "images that did not load");
        assertTrue(browser.hasElementWithId("summary"), "no table with id summary");
        assertEquals("right", browser.evaluate(
            "getComputedStyle(document.querySelector('#summary tbody td:nth-child(3)')).textAlign").asText());
        Path shot = OUT.resolve("report.png");
        browser.screenshot(shot);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertNotNull(image, "screenshot is not a PNG");
        assertTrue(image.getHeight() > 900, "expected the full page, taller than the window: " + image.getHeight());
    }

    /** A table of 25 columns, as wide as the analysis' headline, and long enough to be folded. */
    static ReportTable wideTable() {
        List<String> header = new java.util.ArrayList<>(List.of("cell", "arm", "reference"));
        for (int c = 3; c < 25; c++) {
            header.add("measure number " + c + " [95% CI]");
        }
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < 30; r++) {
            List<String> row = new java.util.ArrayList<>(List.of("depth=" + r + ", lr=0.001", "elu(alpha=1.0)", "relu"));
            for (int c = 3; c < 25; c++) {
                row.add(c % 3 == 0 ? "0.0625" : c % 3 == 1 ? "12.34 [10.5, open]" : "2 x elu(alpha=1.0) sooner by more than 3.13 epochs");
            }
            rows.add(row);
        }
        return new ReportTable("A wide table", header, rows).withId("wide").withKeyColumns(3);
    }

    /** At 1400 px every table fits: a wide one is split into parts, each repeating its key columns. */
    @Test
    void aWideTableFitsA1400PixelWindow() throws Exception {
        Path page = OUT.resolve("wide.html");
        HtmlReport.write(new Report("Wide").table(wideTable()), page);
        browser.setViewport(1400, 900);
        browser.open(page);

        assertEquals(List.of(), browser.overflowingTables());
        assertTrue(browser.evaluate("document.querySelectorAll('table').length").asInt() > 1, "the table was split");
        assertEquals(1, browser.evaluate("document.querySelectorAll('details').length").asInt(), "30 rows are folded");
        browser.evaluate("document.querySelector('details').open = true");
        assertEquals(List.of(), browser.overflowingTables(), "unfolded");
    }

    /** The overflow check itself can fail: a table of unbreakable cells wider than the window. */
    @Test
    void aTableWiderThanTheWindowIsCaught() throws Exception {
        Path page = OUT.resolve("overflowing.html");
        StringBuilder cells = new StringBuilder();
        for (int c = 0; c < 40; c++) {
            cells.append("<td style=\"white-space: nowrap\">p-value-column-").append(c).append("</td>");
        }
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>wide</title>"
            + "<style>.table-wrap { overflow-x: auto; }</style></head><body><div class=\"table-wrap\">"
            + "<table id=\"headline\"><tr>" + cells + "</tr></table></div></body></html>");
        browser.setViewport(1400, 900);
        browser.open(page);

        List<String> wide = browser.overflowingTables();
        assertEquals(1, wide.size(), wide.toString());
        assertTrue(wide.get(0).startsWith("headline: "), wide.toString());
    }

    @Test
    void hostileStudyNamesStayText() throws Exception {
        Path page = OUT.resolve("hostile.html");
        HtmlReport.write(ReportWritersTest.hostileReport(), page);

        browser.open(page);

        assertEquals(List.of(), browser.errors());
        assertEquals(0, browser.evaluate("document.scripts.length").asInt(), "a script element got in");
        assertEquals(1, browser.imageCount(), "an img element got in");
        assertEquals(ReportWritersTest.HOSTILE, browser.evaluate("document.title").asText());
        assertEquals(ReportWritersTest.HOSTILE, browser.evaluate("document.querySelector('h2').textContent").asText());
    }

    /** The checker itself can fail: a broken image, a console error, an exception and a missing file. */
    @Test
    void brokenPageIsReportedAsBroken() throws Exception {
        Path page = OUT.resolve("broken.html");
        Files.writeString(page, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head><body>
            <img alt="garbage" src="data:image/png;base64,bm90IGEgcG5nIGF0IGFsbA==">
            <img alt="missing" src="no-such-file.png">
            <script>console.error("boom from the page"); throw new Error("uncaught in the page");</script>
            </body></html>
            """);

        browser.open(page);

        List<String> errors = browser.errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("console.error: boom from the page")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("uncaught in the page")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("ERR_FILE_NOT_FOUND")), errors.toString());
        List<String> broken = browser.brokenImages();
        assertEquals(2, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("alt=garbage"), broken.toString());
        assertTrue(!browser.hasElementWithId("summary"));
    }
}
