package io.gradsweep.driver.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link Report} as one self-contained HTML page: inline CSS, images as data: URLs, no
 * scripts, no fonts or anything else from the network, so it opens anywhere, offline, as one file.
 *
 * <pre>{@code
 * String html = HtmlReport.render(report);
 * HtmlReport.write(report, Path.of("out/report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /**
     * The page may load nothing but its own inline styles and data: images: a figure or link that
     * reached out would break the "one file, offline" promise, and scripts are never needed.
     */
    private static final String CONTENT_SECURITY_POLICY =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final String CSS = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
               color: #222; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
        h1 { font-size: 1.8rem; border-bottom: 2px solid #0072B2; padding-bottom: .3rem; }
        h2 { font-size: 1.4rem; margin-top: 2.2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.6rem; }
        .table-wrap { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .92rem; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        thead th { background: #f2f2f2; }
        tbody tr:nth-child(even) { background: #fafafa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1.2rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .9rem; color: #555; margin-top: .3rem; }
        pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; font-size: .85rem; }
        """;

    private HtmlReport() {}

    public static String render(Report report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(report.title())).append("</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
            .append("<h1>").append(escape(report.title())).append("</h1>\n");
        for (Report.Block block : report.blocks()) {
            if (block instanceof Report.Heading h) {
                html.append("<h").append(h.level()).append('>').append(escape(h.text()))
                    .append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Report.Paragraph p) {
                html.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Report.Preformatted p) {
                html.append("<pre>").append(escape(p.text())).append("</pre>\n");
            } else if (block instanceof ReportTable t) {
                table(html, t);
            } else if (block instanceof ReportFigure f) {
                figure(html, f);
            }
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder html, ReportTable t) {
        int columns = t.header().size();
        String[] cellClass = new String[columns];
        for (int c = 0; c < columns; c++) {
            cellClass[c] = t.isNumeric(c) ? " class=\"num\"" : "";
        }
        html.append("<div class=\"table-wrap\">\n<table");
        if (t.id() != null) {
            html.append(" id=\"").append(escape(t.id())).append('"'); // validated, escaped all the same
        }
        html.append(">\n<caption>").append(escape(t.caption())).append("</caption>\n<thead>\n");
        row(html, "th", t.header(), cellClass);
        html.append("</thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            row(html, "td", r, cellClass);
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void row(StringBuilder html, String tag, List<String> cells, String[] cellClass) {
        html.append("<tr>");
        for (int c = 0; c < cells.size(); c++) {
            html.append('<').append(tag).append(cellClass[c]).append('>').append(escape(cells.get(c)))
                .append("</").append(tag).append('>');
        }
        html.append("</tr>\n");
    }

    private static void figure(StringBuilder html, ReportFigure f) {
        html.append("<figure>\n<img src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(f.png()))
            .append("\" alt=\"").append(escape(f.altText())).append('"');
        int[] size = f.pixelSize();
        if (size != null) { // lets the browser lay out the page before decoding the image
            html.append(" width=\"").append(size[0]).append("\" height=\"").append(size[1]).append('"');
        }
        html.append(">\n<figcaption>").append(escape(f.caption())).append("</figcaption>\n</figure>\n");
    }

    /** Text for element content and for quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
