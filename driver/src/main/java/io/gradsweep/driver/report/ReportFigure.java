package io.gradsweep.driver.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PNG image with a caption and alt text. {@code fileName} is where {@link MarkdownReport}
 * writes it, next to the Markdown file; the HTML page embeds the bytes instead.
 */
public record ReportFigure(String fileName, byte[] png, String caption, String altText) implements Report.Block {

    /** A plain file name, no directories: a figure can never be written outside the report's folder. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.png");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public ReportFigure {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(altText, "altText");
        if (!FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new IllegalArgumentException("figure file name '" + fileName + "' must be a plain name like loss-by-epoch.png");
        }
        png = png.clone();
    }

    /** Renders {@code chart} to PNG. */
    public static ReportFigure of(String fileName, ChartImage chart, String caption, String altText) {
        return new ReportFigure(fileName, chart.png(), caption, altText);
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    /** Width and height from the PNG header, or null if the bytes are not a PNG. */
    int[] pixelSize() {
        if (png.length < 24) {
            return null;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (png[i] != PNG_SIGNATURE[i]) {
                return null;
            }
        }
        return new int[] {readInt(16), readInt(20)}; // IHDR: width, then height, big-endian
    }

    private int readInt(int at) {
        return (png[at] & 0xFF) << 24 | (png[at + 1] & 0xFF) << 16 | (png[at + 2] & 0xFF) << 8 | (png[at + 3] & 0xFF);
    }
}
