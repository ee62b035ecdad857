package io.gradsweep.driver.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A log axis labelled as people read numbers ({@link LogTicks}): "0.2 0.5 1" on a loss between
 * 0.2 and 0.9, where JFreeChart's own shows a lone "10^0".
 */
final class ReadableLogAxis extends LogAxis {
    ReadableLogAxis(String label) {
        super(label);
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = RectangleEdge.LEFT.equals(edge) ? TextAnchor.CENTER_RIGHT
            : RectangleEdge.RIGHT.equals(edge) ? TextAnchor.CENTER_LEFT
            : RectangleEdge.TOP.equals(edge) ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        Range range = getRange();
        List<ValueTick> ticks = new ArrayList<>();
        for (LogTicks.Tick t : LogTicks.between(range.getLowerBound(), range.getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, t.value(), t.label(), anchor, anchor, 0.0));
        }
        return ticks;
    }
}
