package io.gradsweep.driver.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * Laid out for a window 1400 px wide (and read down to phone width): text in lines short enough
     * to read, tables the width of the page, their cells wrapping; a table wider than that is split
     * into parts (see {@link #parts}) rather than scrolled, so no column is ever off-screen.
     */
    private static final String CSS = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
               color: #222; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1400px; margin: 0 auto; padding: 1.5rem 2rem 3rem; box-sizing: border-box; }
        p, ul, figcaption, pre { max-width: 78rem; }
        h1 { font-size: 1.8rem; border-bottom: 2px solid #0072B2; padding-bottom: .3rem; }
        h2 { font-size: 1.4rem; margin-top: 2.2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.6rem; }
        nav.contents { font-size: .92rem; background: #f6f8fa; padding: .5rem 1rem; border-radius: 4px; }
        nav.contents ul { margin: .2rem 0; padding-left: 1.2rem; }
        nav.contents > ul { columns: 2; }
        .answer { border-left: 4px solid #0072B2; background: #f3f8fc; padding: .4rem 1rem; margin: 1rem 0; }
        .answer p { margin: .4rem 0; }
        .table-wrap { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .88rem; max-width: 100%; }
        caption { caption-side: top; text-align: left; font-weight: normal; padding: .3rem 0; font-size: .9rem; color: #333; }
        th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top;
                 overflow-wrap: break-word; }
        thead th { background: #f2f2f2; font-weight: 600; }
        tbody tr:nth-child(even) { background: #fafafa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        details { margin: 1rem 0; }
        summary { cursor: pointer; color: #0072B2; }
        figure { margin: 1.2rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .9rem; color: #555; margin-top: .3rem; }
        pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; font-size: .85rem; }
        """;

    /**
     * About how many characters of table text fit across the page at 1400 px (1336 px of content,
     * about 7 px a character at the table's font, cell padding included); a wider table is split.
     */
    static final int LINE_CHARACTERS = 155;
    /** A text cell wraps: it asks for no more than this many characters of width. */
    private static final int WRAPPED_CELL_CHARACTERS = 22;
    /** A table with more rows is folded (shown on a click), so that it does not bury what follows. */
    public static final int FOLD_ROWS = 24;
    /** A section heading's anchor: lower-case letters, digits and dashes. */
    private static final Pattern NOT_ANCHOR = Pattern.compile("[^a-z0-9]+");

    private HtmlReport() {}

    public static String render(Report report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(escape(report.title())).append("</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
            .append("<h1>").append(escape(report.title())).append("</h1>\n");
        Map<Report.Heading, String> anchors = anchors(report);
        for (Report.Block block : report.blocks()) {
            if (block instanceof Report.Heading h) {
                html.append("<h").append(h.level()).append(" id=\"").append(anchors.get(h)).append("\">")
                    .append(escape(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Report.Paragraph p) {
                html.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Report.Answer a) {
                html.append("<div class=\"answer\">\n");
                a.sentences().forEach(sentence -> html.append("<p>").append(escape(sentence)).append("</p>\n"));
                html.append("</div>\n");
            } else if (block instanceof Report.Contents) {
                contents(html, report, anchors);
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

    /** Each heading's anchor: its text as lower-case words joined by dashes, numbered when repeated. */
    private static Map<Report.Heading, String> anchors(Report report) {
        Map<Report.Heading, String> anchors = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (Report.Block block : report.blocks()) {
            if (block instanceof Report.Heading h) {
                String base = NOT_ANCHOR.matcher(h.text().toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("(^-+|-+$)", "");
                base = "section-" + (base.isEmpty() ? "untitled" : base);
                String anchor = base;
                for (int k = 2; !used.add(anchor); k++) {
                    anchor = base + "-" + k;
                }
                anchors.put(h, anchor);
            }
        }
        return anchors;
    }

    /** The table of contents: every section, with its subsections under it. */
    private static void contents(StringBuilder html, Report report, Map<Report.Heading, String> anchors) {
        html.append("<nav class=\"contents\" aria-label=\"Contents\"><strong>Contents</strong>\n<ul>\n");
        boolean open = false;
        boolean any = false;
        for (Report.Block block : report.blocks()) {
            if (!(block instanceof Report.Heading h) || h.level() > 3) {
                continue;
            }
            String link = "<a href=\"#" + anchors.get(h) + "\">" + escape(h.text()) + "</a>";
            if (h.level() == 2) {
                html.append(open ? "</ul></li>\n" : any ? "</li>\n" : "").append("<li>").append(link);
                open = false;
                any = true;
            } else if (any) {
                html.append(open ? "" : "<ul>\n").append("<li>").append(link).append("</li>\n");
                open = true;
            }
        }
        html.append(open ? "</ul></li>\n" : any ? "</li>\n" : "").append("</ul>\n</nav>\n");
    }

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder html, ReportTable t) {
        boolean folded = t.rows().size() > FOLD_ROWS;
        if (folded) {
            html.append("<details>\n<summary>Show the table: ").append(t.rows().size()).append(" rows</summary>\n");
        }
        List<List<Integer>> parts = parts(t);
        boolean[] numeric = new boolean[t.header().size()]; // once per column: each scans every row
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = t.isNumeric(c);
        }
        for (int part = 0; part < parts.size(); part++) {
            List<Integer> columns = parts.get(part);
            html.append("<div class=\"table-wrap\">\n<table");
            if (t.id() != null) { // validated, escaped all the same
                html.append(" id=\"").append(escape(part == 0 ? t.id() : t.id() + "-part" + (part + 1))).append('"');
            }
            String caption = part == 0 ? t.caption() : "Continued (part " + (part + 1) + " of " + parts.size()
                + "): the same rows, more columns.";
            html.append(">\n<caption>").append(escape(caption)).append("</caption>\n<thead>\n");
            row(html, "th", t.header(), columns, numeric);
            html.append("</thead>\n<tbody>\n");
            for (List<String> r : t.rows()) {
                row(html, "td", r, columns, numeric);
            }
            html.append("</tbody>\n</table>\n</div>\n");
        }
        if (folded) {
            html.append("</details>\n");
        }
    }

    /**
     * The columns of each part of the table: all of them when they fit across the page, else the
     * key columns and then as many more as fit, part after part, in order.
     */
    static List<List<Integer>> parts(ReportTable t) {
        int columns = t.header().size();
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = width(t, c);
        }
        int keys = Math.min(t.keyColumns(), columns - 1);
        int keyWidth = 0;
        for (int c = 0; c < keys; c++) {
            keyWidth += width[c];
        }
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> part = new ArrayList<>();
        int used = keyWidth;
        for (int c = keys; c < columns; c++) {
            if (part.size() > 0 && used + width[c] > LINE_CHARACTERS) {
                parts.add(part);
                part = new ArrayList<>();
                used = keyWidth;
            }
            part.add(c);
            used += width[c];
        }
        parts.add(part);
        List<List<Integer>> withKeys = new ArrayList<>();
        for (List<Integer> p : parts) {
            List<Integer> all = new ArrayList<>();
            for (int c = 0; c < keys; c++) {
                all.add(c);
            }
            all.addAll(p);
            withKeys.add(all);
        }
        return withKeys;
    }

    /**
     * The characters a column asks for: its longest word in the header (headers wrap between
     * words), its longest number (numbers do not wrap), or its longest text up to a wrapping width.
     */
    private static int width(ReportTable t, int column) {
        int wanted = 0;
        for (String word : t.header().get(column).split("\\s+")) {
            wanted = Math.max(wanted, word.length());
        }
        boolean numeric = t.isNumeric(column);
        for (List<String> r : t.rows()) {
            String cell = r.get(column);
            int longestWord = 0;
            for (String word : cell.split("\\s+")) {
                longestWord = Math.max(longestWord, word.length());
            }
            wanted = Math.max(wanted, numeric ? cell.length() : Math.max(longestWord, Math.min(cell.length(), WRAPPED_CELL_CHARACTERS)));
        }
        return wanted + 2; // the cell's padding and border
    }

    private static void row(StringBuilder html, String tag, List<String> cells, List<Integer> columns, boolean[] numeric) {
        html.append("<tr>");
        for (int c : columns) {
            html.append('<').append(tag).append(numeric[c] ? " class=\"num\"" : "").append('>')
                .append(escape(cells.get(c))).append("</").append(tag).append('>');
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
