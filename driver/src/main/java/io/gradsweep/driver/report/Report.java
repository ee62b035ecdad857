package io.gradsweep.driver.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report as a document: a title, then headings, paragraphs, tables and figures in order.
 * {@link HtmlReport} and {@link MarkdownReport} write it; {@link CsvTable} writes its tables.
 * All text is plain text: the writers escape it, so names from a study file cannot inject markup.
 *
 * <pre>{@code
 * Report report = new Report("Study quickstart").heading("Loss").paragraph("ELU converged sooner.")
 *     .table(new ReportTable("Median epochs", List.of("activation", "epochs"), rows).withId("epochs"))
 *     .figure(ReportFigure.of("loss.png", chart, "Test loss by epoch", "Line chart of test loss"));
 * }</pre>
 */
public final class Report {

    /** One part of the report body. */
    public sealed interface Block permits Heading, Paragraph, Answer, Contents, Preformatted, ReportTable, ReportFigure {}

    /** A section heading; level 2 to 4 (the report title is level 1). */
    public record Heading(int level, String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
            if (level < 2 || level > 4) {
                throw new IllegalArgumentException("heading level must be 2..4, got " + level);
            }
        }
    }

    /** A paragraph of plain text; line breaks in it are not kept. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The report's answer to its question, a sentence each (e.g. one per cell), set apart at the top. */
    public record Answer(List<String> sentences) implements Block {
        public Answer {
            sentences = List.copyOf(sentences);
        }
    }

    /** Where the table of contents goes: the HTML page lists every section there, with links. */
    public record Contents() implements Block {
    }

    /** Text shown as it is, line breaks and spacing kept, in a monospaced font (a study file, say). */
    public record Preformatted(String text) implements Block {
        public Preformatted {
            Objects.requireNonNull(text, "text");
        }
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Report(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** A level-2 heading: a section. */
    public Report heading(String text) {
        return add(new Heading(2, text));
    }

    /** A level-3 heading: a subsection. */
    public Report subheading(String text) {
        return add(new Heading(3, text));
    }

    public Report paragraph(String text) {
        return add(new Paragraph(text));
    }

    public Report answer(List<String> sentences) {
        return add(new Answer(sentences));
    }

    /** A table of contents here (on the HTML page; Markdown readers show their own). */
    public Report contents() {
        return add(new Contents());
    }

    public Report preformatted(String text) {
        return add(new Preformatted(text));
    }

    public Report table(ReportTable table) {
        return add(table);
    }

    public Report figure(ReportFigure figure) {
        return add(figure);
    }

    public Report add(Block block) {
        blocks.add(Objects.requireNonNull(block, "block"));
        return this;
    }
}
