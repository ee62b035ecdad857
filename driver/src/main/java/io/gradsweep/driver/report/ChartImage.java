package io.gradsweep.driver.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ui.Drawable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A chart at a fixed size in pixels, rendered on demand to PNG bytes or to an SVG document. */
public final class ChartImage {

    static {
        Headless.ensure();
    }

    private final Drawable content;
    private final int width;
    private final int height;

    ChartImage(Drawable content, int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is outside 50..10000 pixels");
        }
        this.content = Objects.requireNonNull(content, "content");
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The chart as a PNG image of exactly {@link #width()} x {@link #height()} pixels. */
    public byte[] png() {
        // RGB, not ARGB: an opaque white background looks the same in every viewer
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            setQualityHints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            content.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * The chart as one {@code <svg>} element with its namespace: a valid .svg file, and also fit to
     * inline in HTML (no XML declaration or DOCTYPE). Text stays text, so it is searchable.
     */
    public String svg() {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JVM cannot create an XML document", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null); // Batik's comment names its version: not part of the picture
        SVGGraphics2D g = new SVGGraphics2D(context, false); // false: text stays text, not glyph outlines
        g.setSVGCanvasSize(new java.awt.Dimension(width, height));
        setQualityHints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        content.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        StringWriter out = new StringWriter();
        try {
            g.stream(root, out, true, false);
        } catch (org.apache.batik.svggen.SVGGraphics2DIOException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e)); // a StringWriter does not fail
        }
        // Batik writes an XML declaration and an SVG 1.0 DOCTYPE; without them the element is both a
        // valid .svg file and fit to inline in HTML, and no parser is asked to fetch a DTD
        return out.toString().replaceFirst("^<\\?xml[^>]*\\?>\\s*", "").replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
    }

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    public void writePng(Path file) throws IOException {
        Files.write(file, png());
    }

    public void writeSvg(Path file) throws IOException {
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    private static void setQualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
