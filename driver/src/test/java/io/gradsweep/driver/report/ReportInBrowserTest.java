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
