package io.gradsweep.driver.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;

/** Several charts drawn as one image: a title on top, the panels in a grid, one legend below. */
final class PanelGrid implements Drawable {

    private final TextTitle title;
    private final List<JFreeChart> panels;
    private final int columns;
    private final LegendTitle legend;

    /** {@code title} and {@code legend} may be null; the panels should carry no legend of their own. */
    PanelGrid(String title, List<JFreeChart> panels, int columns, LegendTitle legend) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        this.title = title == null ? null : new TextTitle(title, ChartStyle.TITLE_FONT);
        if (this.title != null) {
            this.title.setPaint(ChartStyle.TEXT);
            this.title.setPadding(new RectangleInsets(8, 8, 4, 8));
        }
        this.panels = List.copyOf(panels);
        this.columns = Math.min(columns, panels.size());
        this.legend = legend;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        double top = area.getY();
        double bottom = area.getMaxY();
        // fixed width, free height: the one combination both TextTitle and LegendTitle can arrange
        RectangleConstraint fullWidth = new RectangleConstraint(area.getWidth(), null, LengthConstraintType.FIXED,
            0, null, LengthConstraintType.NONE);
        if (title != null) {
            Size2D size = title.arrange(g, fullWidth);
            title.draw(g, new Rectangle2D.Double(area.getX(), top, area.getWidth(), size.getHeight()));
            top += size.getHeight();
        }
        if (legend != null) {
            Size2D size = legend.arrange(g, fullWidth);
            bottom -= size.getHeight();
            legend.draw(g, new Rectangle2D.Double(area.getX(), bottom, area.getWidth(), size.getHeight()));
        }
        int rows = (panels.size() + columns - 1) / columns;
        double cellWidth = area.getWidth() / columns;
        double cellHeight = (bottom - top) / rows;
        for (int i = 0; i < panels.size(); i++) {
            double x = area.getX() + (i % columns) * cellWidth;
            double y = top + (i / columns) * cellHeight;
            panels.get(i).draw(g, new Rectangle2D.Double(x, y, cellWidth, cellHeight));
        }
    }
}
