package io.gradsweep.driver.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Report} as GitHub-flavoured Markdown; figures are separate PNG files next to
 * the Markdown file, referenced by their relative names.
 *
 * <pre>{@code
 * String markdown = MarkdownReport.render(report);
 * Path md = MarkdownReport.write(report, Path.of("out"), "report.md"); // also writes out/*.png
 * }</pre>
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(Report report) {
        StringBuilder md = new StringBuilder(8 * 1024);
        md.append("# ").append(inline(report.title())).append("\n\n");
        for (Report.Block block : report.blocks()) {
            if (block instanceof Report.Heading h) {
                // every '#' escaped: a trailing " #" would be read as the heading's closing sequence
                md.append("#".repeat(h.level())).append(' ').append(inline(h.text()).replace("#", "\\#")).append("\n\n");
            } else if (block instanceof Report.Paragraph p) {
                md.append(paragraph(p.text())).append("\n\n");
            } else if (block instanceof Report.Answer a) {
                if (!a.sentences().isEmpty()) { // a block quote, a paragraph per sentence
                    md.append(String.join("\n>\n", a.sentences().stream().map(x -> "> " + paragraph(x)).toList()))
                        .append("\n\n");
                }
            } else if (block instanceof Report.Preformatted p) {
                // a fence longer than any run of backticks in the text, so the text cannot close it
                String fence = "`".repeat(Math.max(3, longestBacktickRun(p.text()) + 1));
                md.append(fence).append('\n').append(p.text().stripTrailing()).append('\n').append(fence).append("\n\n");
            } else if (block instanceof ReportTable t) {
                table(md, t);
            } else if (block instanceof ReportFigure f) {
                md.append("![").append(inline(f.altText())).append("](").append(f.fileName()).append(")\n\n")
                    .append('*').append(inline(f.caption())).append("*\n\n");
            }
        }
        return md.toString();
    }

    /** Writes {@code dir/markdownName} and every figure's PNG into {@code dir}; returns the Markdown file. */
    public static Path write(Report report, Path dir, String markdownName) throws IOException {
        Files.createDirectories(dir);
        for (Report.Block block : report.blocks()) {
            if (block instanceof ReportFigure f) {
                Files.write(dir.resolve(f.fileName()), f.png()); // a plain name: stays in dir
            }
        }
        Path file = dir.resolve(markdownName);
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static void table(StringBuilder md, ReportTable t) {
        if (t.id() != null) {
            md.append("<a id=\"").append(t.id()).append("\"></a>\n\n"); // id is validated: letters, digits, - and _
        }
        md.append("**").append(inline(t.caption())).append("**\n\n");
        row(md, t.header());
        md.append('|');
        for (int c = 0; c < t.header().size(); c++) {
            md.append(t.isNumeric(c) ? " ---: |" : " --- |");
        }
        md.append('\n');
        for (List<String> r : t.rows()) {
            row(md, r);
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(inline(cell)).append(" |");
        }
        md.append('\n');
    }

    /**
     * Plain text as one line of Markdown that renders as exactly that text: line breaks become
     * spaces, and every character that could start inline markup (emphasis, code, links, HTML,
     * table cells, entities) is backslash-escaped.
     */
    static String inline(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        StringBuilder out = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char ch = oneLine.charAt(i);
            if ("\\`*_[]<>|~&!".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** {@link #inline}, and a line start that would open a block (heading, list, quote) escaped too. */
    static String paragraph(String text) {
        String line = inline(text);
        if (!line.isEmpty() && "#-+=".indexOf(line.charAt(0)) >= 0) {
            return '\\' + line;
        }
        // "1. text" or "1) text" would become an ordered list
        return line.replaceFirst("^(\\d{1,9})([.)])(?=\\s|$)", "$1\\\\$2");
    }
}
