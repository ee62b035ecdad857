package io.gradsweep.driver.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    /** A study name as an attacker would write it. */
    static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> & 'q' | *b* [l](u)";

    static Report hostileReport() {
        byte[] png = SampleCharts.lines().png();
        return new Report(HOSTILE)
            .heading(HOSTILE)
            .paragraph(HOSTILE)
            .table(new ReportTable(HOSTILE, List.of(HOSTILE, "n"), List.of(List.of(HOSTILE, "1"))).withId("hostile"))
            .figure(new ReportFigure("lines.png", png, HOSTILE, HOSTILE));
    }

    @Test
    void htmlEscapesEveryPieceOfText() {
        String html = HtmlReport.render(hostileReport());
        assertFalse(html.contains("<script"), "a script tag got through");
        assertFalse(html.contains("<img src=x"), "an injected img got through");
        assertFalse(html.contains("onerror=alert(2)>"), "an injected attribute got through");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &#39;q&#39;"));
        // one real image, its alt text escaped inside the attribute
        assertEquals(1, html.split("<img ", -1).length - 1);
        assertTrue(html.contains("alt=\"&lt;script&gt;"));
    }

    @Test
    void htmlIsSelfContained() {
        String html = HtmlReport.render(hostileReport());
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:|//).*"), "the page loads something from the network");
        assertTrue(html.contains("src=\"data:image/png;base64,"));
        assertTrue(html.contains("width=\"800\" height=\"480\""), "PNG size not read from the header");
        assertTrue(html.contains("Content-Security-Policy"));
    }

    @Test
    void htmlListsEverySectionInTheContentsWithWorkingAnchorsAndSetsTheAnswerApart() {
        Report report = new Report("r").heading("Answer").answer(List.of("At depth=2, elu first in 5 of 5 pairs."))
            .contents().heading("Tables").subheading("Groups").subheading("Groups").heading("Plots");
        String html = HtmlReport.render(report);
        for (String anchor : List.of("section-answer", "section-tables", "section-groups", "section-groups-2", "section-plots")) {
            assertTrue(html.contains("<a href=\"#" + anchor + "\">"), anchor + " in the contents: " + html);
            assertEquals(1, html.split(" id=\"" + anchor + "\"", -1).length - 1, anchor + " once: " + html);
        }
        assertTrue(html.contains("<div class=\"answer\">\n<p>At depth=2, elu first in 5 of 5 pairs.</p>"), html);
        assertTrue(MarkdownReport.render(report).contains("> At depth=2, elu first in 5 of 5 pairs."));
    }

    @Test
    void aWideTableIsSplitIntoPartsThatEachRepeatTheKeyColumns() {
        List<List<Integer>> parts = HtmlReport.parts(ReportInBrowserTest.wideTable());
        assertTrue(parts.size() > 1, parts.toString());
        java.util.Set<Integer> shown = new java.util.TreeSet<>();
        for (List<Integer> part : parts) {
            assertEquals(List.of(0, 1, 2), part.subList(0, 3), "the key columns first: " + part);
            shown.addAll(part);
        }
        assertEquals(25, shown.size(), "every column in some part");
        assertEquals(List.of(List.of(0, 1, 2)), HtmlReport.parts(new ReportTable("narrow", List.of("a", "b", "c"),
            List.of(List.of("1", "2", "3")))), "a narrow table stays whole");
    }

    @Test
    void htmlRightAlignsNumericColumnsOnly() {
        ReportTable table = new ReportTable("t", List.of("activation", "loss", "change"),
            List.of(List.of("relu", "0.125", "-3.5%"), List.of("elu", "1e-3", ""), List.of("tanh", "NaN", "+2")));
        assertTrue(!table.isNumeric(0) && table.isNumeric(1) && table.isNumeric(2));
        String html = HtmlReport.render(new Report("r").table(table));
        assertTrue(html.contains("<tr><td>relu</td><td class=\"num\">0.125</td><td class=\"num\">-3.5%</td></tr>"), html);
        assertTrue(html.contains("<th>activation</th><th class=\"num\">loss</th>"), html);
    }

    @Test
    void idsAndFileNamesThatCouldEscapeAreRefused() {
        ReportTable table = new ReportTable("t", List.of("a"), List.of());
        assertThrows(IllegalArgumentException.class, () -> table.withId("x\" onclick=\"alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> table.withId("1st"));
        assertThrows(IllegalArgumentException.class, () -> new ReportFigure("../up.png", new byte[0], "c", "a"));
        assertThrows(IllegalArgumentException.class, () -> new ReportFigure("dir/x.png", new byte[0], "c", "a"));
        assertThrows(IllegalArgumentException.class,
            () -> new ReportTable("t", List.of("a", "b"), List.of(List.of("only one"))));
    }

    @Test
    void markdownEscapesTextAndAlignsNumbers() {
        String md = MarkdownReport.render(new Report("Study a_b")
            .heading("# not a heading")
            .paragraph("1. not a list, *not bold*, <b>not html</b>\nsame line")
            .table(new ReportTable("Runs", List.of("name", "loss"),
                List.of(List.of("a|b", "0.5"), List.of("leaky_relu", "1e-3")))));
        assertEquals("""
            # Study a\\_b

            ## \\# not a heading

            1\\. not a list, \\*not bold\\*, \\<b\\>not html\\</b\\> same line

            **Runs**

            | name | loss |
            | --- | ---: |
            | a\\|b | 0.5 |
            | leaky\\_relu | 1e-3 |

            """, md);
    }

    @Test
    void preformattedTextKeepsItsLinesAndCannotBreakOut() {
        String text = "study: a\ngrid:\n  x: [1, 2]  # </pre><script>alert(1)</script>\n```\nnot code";
        Report report = new Report("t").preformatted(text);
        String html = HtmlReport.render(report);
        assertTrue(html.contains("<pre>study: a\ngrid:\n  x: [1, 2]  # &lt;/pre&gt;&lt;script&gt;"), html);
        assertFalse(html.contains("<script"), "a script tag got through");
        String md = MarkdownReport.render(report);
        assertTrue(md.contains("````\nstudy: a\ngrid:\n  x: [1, 2]"), "a fence longer than the text's ``` run: " + md);
        assertTrue(md.contains("not code\n````\n"), md);
    }

    @Test
    void markdownWritesFiguresNextToTheFile(@TempDir Path dir) throws Exception {
        Path md = MarkdownReport.write(hostileReport(), dir, "report.md");
        String text = Files.readString(md);
        assertTrue(text.contains("](lines.png)"), text);
        assertFalse(text.matches("(?s).*(?<!\\\\)<(script|img).*"), "raw HTML got through: " + text);
        assertTrue(text.contains("\\<script\\>"), text);
        assertTrue(text.contains("<a id=\"hostile\"></a>"));
        assertArrayEquals(SampleCharts.lines().png(), Files.readAllBytes(dir.resolve("lines.png")));
    }

    @Test
    void csvQuotesAsRfc4180Says() {
        ReportTable table = new ReportTable("ignored", List.of("name", "note"), List.of(
            List.of("plain", "a,b"),
            List.of("say \"hi\"", "two\nlines"),
            List.of(" padded", ""),
            Arrays.asList("crlf\r\n", null)));
        assertEquals("name,note\r\n"
            + "plain,\"a,b\"\r\n"
            + "\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
            + "\" padded\",\r\n"
            + "\"crlf\r\n\",\r\n", CsvTable.render(table));
    }
}
