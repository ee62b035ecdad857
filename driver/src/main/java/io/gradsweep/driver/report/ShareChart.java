package io.gradsweep.driver.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars that split a whole (1) into parts, one bar per category: e.g. the share of a
 * measure's variance due to each source, one bar per group.
 *
 * <pre>{@code
 * ChartImage image = new ShareChart("Where the spread comes from", "share of variance", List.of("init", "order"))
 *     .bar("relu", new double[] {0.7, 0.3})
 *     .render(900, 400);
 * }</pre>
 */
public final class ShareChart {
    private final String title;
    private final String valueLabel;
    private final List<String> parts;
    private final List<String> bars = new ArrayList<>();
    private final List<double[]> shares = new ArrayList<>();

    public ShareChart(String title, String valueLabel, List<String> parts) {
        this.title = title;
        this.valueLabel = valueLabel;
        this.parts = List.copyOf(parts);
    }

    /** A bar: one share per part, in the parts' order (NaN is drawn as 0). */
    public ShareChart bar(String name, double[] partShares) {
        if (partShares.length != parts.size()) {
            throw new IllegalArgumentException("bar " + name + ": " + partShares.length + " shares for " + parts.size() + " parts");
        }
        bars.add(name);
        shares.add(partShares.clone());
        return this;
    }

    public ChartImage render(int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int b = 0; b < bars.size(); b++) {
            for (int p = 0; p < parts.size(); p++) {
                double v = shares.get(b)[p];
                data.addValue(Double.isNaN(v) ? 0 : v, parts.get(p), bars.get(b));
            }
        }
        NumberAxis axis = new NumberAxis(valueLabel);
        axis.setRange(0, 1);
        StackedBarRenderer renderer = new StackedBarRenderer();
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        for (int p = 0; p < parts.size(); p++) {
            renderer.setSeriesPaint(p, Palette.color(p));
        }
        renderer.setShadowVisible(false);
        return new ChartImage(chart, width, height);
    }
}
