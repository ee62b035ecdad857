package io.gradsweep.driver.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;

/** The one look of every report chart: fonts, white background, light grid, palette colours. */
final class ChartStyle {

    /** A logical font: the JDK maps it to an installed sans face, the SVG to CSS sans-serif. */
    static final String FONT_FAMILY = "SansSerif";
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    static final Font PANEL_TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 14);
    static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Font CELL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color TEXT = new Color(0x222222);
    static final BasicStroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {}

    /** Applies the fonts and colours; call before setting per-series paints, which it may reset. */
    static void apply(JFreeChart chart) {
        THEME.apply(chart);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
        }
    }

    /** A value axis for the caller's description; tick labels in a fixed locale for repeatable output. */
    static ValueAxis valueAxis(ChartAxis spec) {
        ValueAxis axis;
        if (spec.log()) {
            LogAxis log = new ReadableLogAxis(spec.label());
            // the default smallest value (1e-100) lets a stray tiny value squash the whole chart
            log.setSmallestValue(1e-12);
            log.setMinorTickMarksVisible(false);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(spec.label());
            // a count (layers, say) gets whole-number ticks only: no "layer 1.5"
            linear.setStandardTickUnits(spec.integer() ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                    : NumberAxis.createStandardTickUnits(Locale.ROOT));
            linear.setAutoRangeIncludesZero(false);
            // a constant series (every dead fraction 0, say) would get a range too small for its labels: "0 0 0 -0"
            linear.setAutoRangeMinimumSize(0.01);
            axis = linear;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static StandardChartTheme theme() {
        Headless.ensure();
        StandardChartTheme theme = new StandardChartTheme("gradsweep");
        theme.setExtraLargeFont(TITLE_FONT);
        theme.setLargeFont(LABEL_FONT);
        theme.setRegularFont(new Font(FONT_FAMILY, Font.PLAIN, 13));
        theme.setSmallFont(TICK_FONT);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.GRAY);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setShadowVisible(false);
        theme.setXYBarPainter(new StandardXYBarPainter());
        Color[] paints = new Color[Palette.size()];
        for (int i = 0; i < paints.length; i++) {
            paints[i] = Palette.color(i);
        }
        theme.setDrawingSupplier(new DefaultDrawingSupplier(paints, paints, paints,
            new java.awt.Stroke[] {LINE}, new java.awt.Stroke[] {new BasicStroke(1f)},
            DefaultDrawingSupplier.createStandardSeriesShapes()));
        return theme;
    }
}
