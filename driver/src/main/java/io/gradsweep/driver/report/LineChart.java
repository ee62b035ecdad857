package io.gradsweep.driver.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Lines with a marker at each point, one per series, each series with its own colour and marker
 * shape (so the chart still reads in grey).
 *
 * <pre>{@code
 * ChartImage image = new LineChart("Gradient norm by layer", ChartAxis.linear("layer"), ChartAxis.log("|grad|"))
 *     .series(new LineSeries("sigmoid", layers, norms))
 *     .render(800, 500);
 * }</pre>
 */
public final class LineChart {

    private final String title;
    private final ChartAxis xAxis;
    private final ChartAxis yAxis;
    private final List<LineSeries> series = new ArrayList<>();

    public LineChart(String title, ChartAxis xAxis, ChartAxis yAxis) {
        this.title = title;
        this.xAxis = Objects.requireNonNull(xAxis, "xAxis");
        this.yAxis = Objects.requireNonNull(yAxis, "yAxis");
    }

    public LineChart series(LineSeries s) {
        series.add(Objects.requireNonNull(s, "series"));
        return this;
    }

    public ChartImage render(int width, int height) {
        return new ChartImage(chart(), width, height);
    }

    JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (LineSeries s : series) {
            XYSeries points = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (xAxis.canShow(s.x()[i]) && yAxis.canShow(s.y()[i])) {
                    points.add(s.x()[i], s.y()[i]);
                }
            }
            data.addSeries(points);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, ChartStyle.valueAxis(xAxis), ChartStyle.valueAxis(yAxis), renderer);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        return chart;
    }
}
