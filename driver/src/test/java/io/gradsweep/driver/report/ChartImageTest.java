package io.gradsweep.driver.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ChartImageTest {

    /** Every sample chart, also written to target/report-samples for a look by eye. */
    private static final Map<String, Supplier<ChartImage>> CHARTS = Map.of(
        "band", SampleCharts::band,
        "steps", SampleCharts::steps,
        "lines", SampleCharts::lines,
        "heatmap", SampleCharts::heatmap);

    @Test
    void everyChartIsAPngOfItsSizeAndAnSvgThatParses() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "report-samples"));
        for (Map.Entry<String, Supplier<ChartImage>> entry : CHARTS.entrySet()) {
            ChartImage chart = entry.getValue().get();
            byte[] png = chart.png();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, entry.getKey() + ": PNG does not decode");
            assertEquals(chart.width(), image.getWidth(), entry.getKey());
            assertEquals(chart.height(), image.getHeight(), entry.getKey());

            String svg = chart.svg();
            Document doc = parseXml(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName(), entry.getKey());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI(), entry.getKey());

            chart.writePng(dir.resolve(entry.getKey() + ".png"));
            chart.writeSvg(dir.resolve(entry.getKey() + ".svg"));
        }
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        for (Supplier<ChartImage> chart : CHARTS.values()) {
            assertArrayEquals(chart.get().png(), chart.get().png());
            assertEquals(chart.get().svg(), chart.get().svg());
        }
    }

    @Test
    void bandsAreTranslucentAsPlainSvgOpacity() {
        // the interquartile band must stay see-through in SVG too, as a standard opacity attribute
        String svg = SampleCharts.band().svg();
        assertTrue(svg.matches("(?s).*(fill-opacity|opacity)[:=]\\s*\"?0\\.2.*"), "no translucent band in SVG");
        for (String name : List.of("relu", "elu", "tanh", "depth 2", "depth 6", "Test loss by epoch", "epoch")) {
            assertTrue(svg.contains(name), "SVG lacks text " + name);
        }
    }

    @Test
    void heatmapLabelsMissingCellsAndPrintsValues() {
        String svg = SampleCharts.heatmap().svg();
        assertTrue(svg.contains(">n/a<"), "missing cell not labelled");
        assertTrue(svg.contains("n/a = no value"), "no legend entry for missing cells");
        assertTrue(svg.contains(">0.64<"), "cell value not printed");
        assertTrue(svg.contains("leaky_relu") && svg.contains("1e-2"), "row/column labels missing");
    }

    @Test
    void textIsEscapedInSvg() {
        String svg = new LineChart("<script>alert(1)</script> & co", ChartAxis.linear("x"), ChartAxis.linear("y"))
            .series(new LineSeries("a<b", new double[] {1, 2}, new double[] {1, 2}))
            .render(400, 300).svg();
        assertTrue(!svg.contains("<script>"), "title was not escaped");
        parseXml(svg);
    }

    @Test
    void logAxesLeaveOutValuesTheyCannotShow() {
        ChartImage chart = new LineChart("t", ChartAxis.log("x"), ChartAxis.log("y"))
            .series(new LineSeries("s", new double[] {0, 1, 10, 100}, new double[] {1, Double.NaN, -3, 4}))
            .render(400, 300);
        assertNotNull(parseXml(chart.svg()));
    }

    @Test
    void badInputIsRefusedWithTheSeriesName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new BandSeries("relu", new double[3], new double[3], new double[2], new double[3]));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("q1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new Heatmap("t", new String[] {"a"}, new String[] {"x", "y"}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
            () -> new StepSeries("s", new double[] {2, 1}, new double[] {0, 1}, new double[0]));
        assertThrows(IllegalArgumentException.class,
            () -> new LineChart("t", ChartAxis.linear("x"), ChartAxis.linear("y")).render(10, 10));
    }

    static Document parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e, e);
        }
    }
}
