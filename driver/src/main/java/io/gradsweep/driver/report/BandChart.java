package io.gradsweep.driver.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Median lines with translucent interquartile bands, in one or more titled panels (one per cell
 * of a study, say) that share the axis labels and one legend; a series keeps its colour in every
 * panel.
 *
 * <pre>{@code
 * ChartImage image = new BandChart("Test loss", ChartAxis.linear("epoch"), ChartAxis.log("loss"))
 *     .panel("depth 6", List.of(new BandSeries("relu", x, median, q1, q3)))
 *     .render(1000, 600);
 * }</pre>
 */
public final class BandChart {

    /** Opacity of a band: light enough that two overlapping bands and both lines stay readable. */
    private static final float BAND_ALPHA = 0.2f;

    private final String title;
    private final ChartAxis xAxis;
    private final ChartAxis yAxis;
    private final List<String> panelTitles = new ArrayList<>();
    private final List<List<BandSeries>> panelSeries = new ArrayList<>();
    private int columns = 2;

    public BandChart(String title, ChartAxis xAxis, ChartAxis yAxis) {
        this.title = title;
        this.xAxis = Objects.requireNonNull(xAxis, "xAxis");
        this.yAxis = Objects.requireNonNull(yAxis, "yAxis");
    }

    /** Adds a panel; {@code panelTitle} may be null when there is only one panel. */
    public BandChart panel(String panelTitle, List<BandSeries> series) {
        panelTitles.add(panelTitle);
        panelSeries.add(List.copyOf(series));
        return this;
    }

    /** Panels per row (default 2; fewer if there are fewer panels). */
    public BandChart columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        this.columns = columns;
        return this;
    }

    public ChartImage render(int width, int height) {
        Map<String, Color> colors = colorsByName();
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < panelSeries.size(); i++) {
            panels.add(panel(panelTitles.get(i), panelSeries.get(i), colors));
        }
        return new ChartImage(new PanelGrid(title, panels, columns, legend(colors)), width, height);
    }

    /** The colour of each series name, in order of first appearance over all panels. */
    private Map<String, Color> colorsByName() {
        Map<String, Color> colors = new LinkedHashMap<>();
        for (List<BandSeries> series : panelSeries) {
            for (BandSeries s : series) {
                colors.computeIfAbsent(s.name(), name -> Palette.color(colors.size()));
            }
        }
        return colors;
    }

    private JFreeChart panel(String panelTitle, List<BandSeries> series, Map<String, Color> colors) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (BandSeries s : series) {
            YIntervalSeries points = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (xAxis.canShow(s.x()[i]) && yAxis.canShow(s.median()[i])
                        && yAxis.canShow(s.q1()[i]) && yAxis.canShow(s.q3()[i])) {
                    points.add(s.x()[i], s.median()[i], s.q1()[i], s.q3()[i]);
                }
            }
            data.addSeries(points);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        XYPlot plot = new XYPlot(data, ChartStyle.valueAxis(xAxis), ChartStyle.valueAxis(yAxis), renderer);
        JFreeChart chart = new JFreeChart(null, ChartStyle.PANEL_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        if (panelTitle != null) {
            TextTitle t = new TextTitle(panelTitle, ChartStyle.PANEL_TITLE_FONT);
            t.setPaint(ChartStyle.TEXT);
            chart.setTitle(t);
        }
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        renderer.setAlpha(BAND_ALPHA);
        for (int i = 0; i < series.size(); i++) {
            Color color = colors.get(series.get(i).name());
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        return chart;
    }

    private static LegendTitle legend(Map<String, Color> colors) {
        LegendItemCollection items = new LegendItemCollection();
        colors.forEach((name, color) -> {
            LegendItem item = new LegendItem(name, color);
            item.setShape(new Rectangle2D.Double(-6, -6, 12, 12));
            item.setLabelFont(ChartStyle.LABEL_FONT);
            item.setLabelPaint(ChartStyle.TEXT);
            items.add(item);
        });
        LegendItem band = new LegendItem("shaded: interquartile range (q1 to q3)", new Color(0xDDDDDD));
        band.setShapeVisible(false);
        band.setLabelFont(ChartStyle.TICK_FONT);
        band.setLabelPaint(ChartStyle.TEXT);
        items.add(band);
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setItemFont(ChartStyle.LABEL_FONT);
        legend.setPadding(new RectangleInsets(4, 8, 8, 8));
        return legend;
    }
}
