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
import org.jfree.chart.ui.Drawable;
import org.jfree.svg.SVGGraphics2D;

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
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // the default prefix is derived from System.nanoTime(); a fixed one makes the output repeatable
        g.setDefsKeyPrefix("gs");
        setQualityHints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        content.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement();
    }

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
