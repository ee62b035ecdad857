package io.gradsweep.driver.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (perceptually uniform, colour-blind-safe) from a lower to an upper bound;
 * NaN maps to {@link Palette#NO_VALUE}, a grey that viridis never produces.
 */
final class ViridisScale implements PaintScale {

    /** Nine evenly spaced stops of matplotlib's viridis; colours in between are interpolated. */
    private static final int[] STOPS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    };

    private final double lower;
    private final double upper;

    ViridisScale(double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("need lower < upper, got " + lower + " and " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    Color color(double value) {
        if (Double.isNaN(value)) {
            return Palette.NO_VALUE;
        }
        double f = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min((int) f, STOPS.length - 2);
        double t = f - i;
        Color a = new Color(STOPS[i]);
        Color b = new Color(STOPS[i + 1]);
        return new Color(
            (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
            (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
            (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Black or white, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
            + 0.0722 * background.getBlue()) / 255;
        return luminance > 0.45 ? Color.BLACK : Color.WHITE;
    }
}
