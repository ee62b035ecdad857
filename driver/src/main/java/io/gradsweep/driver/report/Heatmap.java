package io.gradsweep.driver.report;

import java.awt.Color;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A grid of labelled cells coloured by value (viridis), the value printed in each cell, with a
 * colour-scale legend. NaN means "no value": the cell is grey, reads {@value #NO_VALUE_TEXT}, and
 * the legend says so.
 *
 * <pre>{@code
 * ChartImage image = new Heatmap("Dead units", rows, columns, values)
 *     .axisLabels("activation", "learning rate").valueFormat("%.2f")
 *     .render(800, 500);
 * }</pre>
 */
public final class Heatmap {

    static final String NO_VALUE_TEXT = "n/a";

    private final String title;
    private final String[] rowLabels;
    private final String[] columnLabels;
    private final double[][] values;
    private String rowAxisLabel = "";
    private String columnAxisLabel = "";
    private String valueLabel = "value";
    private String valueFormat = "%.3g";
    private Double lower;
    private Double upper;

    /** {@code values[row][column]}; row 0 is drawn at the top. */
    public Heatmap(String title, String[] rowLabels, String[] columnLabels, double[][] values) {
        this.title = title;
        this.rowLabels = Objects.requireNonNull(rowLabels, "rowLabels").clone();
        this.columnLabels = Objects.requireNonNull(columnLabels, "columnLabels").clone();
        Objects.requireNonNull(values, "values");
        if (rowLabels.length == 0 || columnLabels.length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        }
        if (values.length != rowLabels.length) {
            throw new IllegalArgumentException(values.length + " rows of values for " + rowLabels.length + " row labels");
        }
        this.values = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != columnLabels.length) {
                throw new IllegalArgumentException("row " + r + " ('" + rowLabels[r] + "') needs "
                    + columnLabels.length + " values, one per column label");
            }
            this.values[r] = values[r].clone();
        }
    }

    /** The labels of the row (vertical) and column (horizontal) axes. */
    public Heatmap axisLabels(String rowAxisLabel, String columnAxisLabel) {
        this.rowAxisLabel = Objects.requireNonNull(rowAxisLabel);
        this.columnAxisLabel = Objects.requireNonNull(columnAxisLabel);
        return this;
    }

    /** The label of the colour scale (default "value"). */
    public Heatmap valueLabel(String valueLabel) {
        this.valueLabel = Objects.requireNonNull(valueLabel);
        return this;
    }

    /** A {@link String#format} pattern for one double, e.g. "%.2f" (default "%.3g"); Locale.ROOT. */
    public Heatmap valueFormat(String valueFormat) {
        String.format(Locale.ROOT, valueFormat, 1.0); // fail now, not while drawing
        this.valueFormat = valueFormat;
        return this;
    }

    /** Fixes the colour scale (default: the smallest to the largest value), e.g. 0 to 1 for fractions. */
    public Heatmap scale(double lower, double upper) {
        new ViridisScale(lower, upper); // validates
        this.lower = lower;
        this.upper = upper;
        return this;
    }

    public ChartImage render(int width, int height) {
        return new ChartImage(chart(), width, height);
    }

    JFreeChart chart() {
        int cells = rowLabels.length * columnLabels.length;
        double[][] xyz = new double[3][cells];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean anyMissing = false;
        for (int r = 0, i = 0; r < rowLabels.length; r++) {
            for (int c = 0; c < columnLabels.length; c++, i++) {
                double v = values[r][c];
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = Double.isFinite(v) ? v : Double.NaN;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                } else {
                    anyMissing = true;
                }
            }
        }
        ViridisScale scale = scaleFor(min, max);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(valueLabel, xyz);

        SymbolAxis x = new SymbolAxis(columnAxisLabel, columnLabels);
        SymbolAxis y = new SymbolAxis(rowAxisLabel, rowLabels);
        y.setInverted(true); // row 0 on top, as in the table the caller has in mind
        for (SymbolAxis axis : new SymbolAxis[] {x, y}) {
            axis.setGridBandsVisible(false);
            axis.setLabelFont(ChartStyle.LABEL_FONT);
            axis.setTickLabelFont(ChartStyle.TICK_FONT);
            axis.setLowerMargin(0);
            axis.setUpperMargin(0);
        }
        x.setRange(-0.5, columnLabels.length - 0.5);
        y.setRange(-0.5, rowLabels.length - 0.5);

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        addCellText(plot, scale);
        chart.addSubtitle(colorLegend(scale));
        if (anyMissing) {
            chart.addSubtitle(noValueLegend());
        }
        return chart;
    }

    private ViridisScale scaleFor(double min, double max) {
        if (lower != null) {
            return new ViridisScale(lower, upper);
        }
        if (min > max) { // no finite value at all
            return new ViridisScale(0, 1);
        }
        if (min == max) { // one value: any range around it draws every cell the same colour
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new ViridisScale(min - pad, max + pad);
        }
        return new ViridisScale(min, max);
    }

    private void addCellText(XYPlot plot, ViridisScale scale) {
        for (int r = 0; r < rowLabels.length; r++) {
            for (int c = 0; c < columnLabels.length; c++) {
                double v = values[r][c];
                boolean missing = !Double.isFinite(v);
                String text = missing ? NO_VALUE_TEXT : String.format(Locale.ROOT, valueFormat, v);
                XYTextAnnotation label = new XYTextAnnotation(text, c, r);
                label.setFont(ChartStyle.CELL_FONT);
                label.setPaint(ViridisScale.textOn(scale.color(missing ? Double.NaN : v)));
                plot.addAnnotation(label);
            }
        }
    }

    private PaintScaleLegend colorLegend(ViridisScale scale) {
        NumberAxis axis = (NumberAxis) ChartStyle.valueAxis(ChartAxis.linear(valueLabel));
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(8, 12, 8, 8));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    private static LegendTitle noValueLegend() {
        LegendItem item = new LegendItem(NO_VALUE_TEXT + " = no value", Palette.NO_VALUE);
        item.setLabelFont(ChartStyle.LABEL_FONT);
        item.setLabelPaint(ChartStyle.TEXT);
        LegendItemCollection items = new LegendItemCollection();
        items.add(item);
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(ChartStyle.LABEL_FONT);
        return legend;
    }
}
