package io.gradsweep.driver.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Kaplan-Meier style step curves ("fraction of trials that reached the target loss by step t"),
 * y from 0 to 1, with optional tick marks where observations were censored.
 *
 * <pre>{@code
 * ChartImage image = new StepChart("Time to loss < 0.1", ChartAxis.linear("step"), "fraction reached")
 *     .series(new StepSeries("elu", times, fractions, censoredAt))
 *     .render(900, 550);
 * }</pre>
 */
public final class StepChart {

    private final String title;
    private final ChartAxis xAxis;
    private final String yLabel;
    private final List<StepSeries> series = new ArrayList<>();

    public StepChart(String title, ChartAxis xAxis, String yLabel) {
        this.title = title;
        this.xAxis = Objects.requireNonNull(xAxis, "xAxis");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
    }

    public StepChart series(StepSeries s) {
        series.add(Objects.requireNonNull(s, "series"));
        return this;
    }

    public ChartImage render(int width, int height) {
        return new ChartImage(chart(), width, height);
    }

    JFreeChart chart() {
        XYSeriesCollection curves = new XYSeriesCollection();
        XYSeriesCollection ticks = new XYSeriesCollection();
        boolean anyCensored = false;
        for (StepSeries s : series) {
            XYSeries curve = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.times().length; i++) {
                if (xAxis.canShow(s.times()[i]) && Double.isFinite(s.values()[i])) {
                    curve.add(s.times()[i], s.values()[i]);
                }
            }
            double lastCensored = Arrays.stream(s.censoredAt()).filter(xAxis::canShow).max().orElse(Double.NaN);
            if (curve.getItemCount() > 0 && lastCensored > curve.getMaxX()) {
                // the estimate is known up to the last observation, censored or not
                curve.add(lastCensored, s.valueAt(lastCensored));
            }
            curves.addSeries(curve);
            XYSeries marks = new XYSeries(s.name() + " (censored)", false, true);
            for (double t : s.censoredAt()) {
                double value = s.valueAt(t);
                if (xAxis.canShow(t) && Double.isFinite(value)) {
                    marks.add(t, value);
                    anyCensored = true;
                }
            }
            ticks.addSeries(marks);
        }
        NumberAxis y = (NumberAxis) ChartStyle.valueAxis(ChartAxis.linear(yLabel));
        y.setRange(-0.02, 1.02); // a curve at exactly 0 or 1 stays visible above the plot edge
        XYStepRenderer steps = new XYStepRenderer();
        XYPlot plot = new XYPlot(curves, ChartStyle.valueAxis(xAxis), y, steps);
        // the first series at the bottom, widest and solid; each later one narrower and dashed on top of it,
        // so curves that coincide (every arm at 1, say) all stay in sight
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        XYLineAndShapeRenderer tickRenderer = new XYLineAndShapeRenderer(false, true);
        plot.setDataset(1, ticks);
        plot.setRenderer(1, tickRenderer);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        Rectangle2D tick = new Rectangle2D.Double(-1, -6, 2, 12); // a vertical bar, the usual censoring mark
        for (int i = 0; i < series.size(); i++) {
            Color color = Palette.color(i);
            steps.setSeriesPaint(i, color);
            steps.setSeriesStroke(i, stroke(i));
            tickRenderer.setSeriesPaint(i, color);
            tickRenderer.setSeriesShape(i, tick);
            tickRenderer.setSeriesVisibleInLegend(i, false);
        }
        List<String> notes = new ArrayList<>();
        if (anyCensored) {
            notes.add("| = censored (target not reached when the trial ended)");
        }
        if (series.size() > 1) {
            notes.add("curves that coincide are drawn over each other: solid, dashed, dotted, in legend order");
        }
        if (!notes.isEmpty()) {
            TextTitle note = new TextTitle(String.join("; ", notes), ChartStyle.TICK_FONT);
            note.setPaint(ChartStyle.TEXT);
            chart.addSubtitle(note);
        }
        return chart;
    }

    /** Series i's line: solid and widest first, then dashed, dotted and dash-dotted, each narrower. */
    static BasicStroke stroke(int i) {
        float width = Math.max(1.5f, 4.5f - 1.0f * (i % 4));
        float[][] dashes = {null, {9f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};
        float[] dash = dashes[i % dashes.length];
        return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
            : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
