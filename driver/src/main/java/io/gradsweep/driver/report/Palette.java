package io.gradsweep.driver.report;

import java.awt.Color;

/** The Okabe-Ito colour-blind-safe palette, in the order series get their colours. */
public final class Palette {

    /** Black first would look like an axis; it comes last. Yellow is light on white, so late too. */
    private static final Color[] OKABE_ITO = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green
        new Color(0xCC79A7), // reddish purple
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
    };

    /** The colour for "no value" cells: a neutral grey that is in no palette above. */
    public static final Color NO_VALUE = new Color(0xBBBBBB);

    private Palette() {}

    /** The colour of the series at {@code index}; repeats after 8 series. */
    public static Color color(int index) {
        return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
    }

    /** The number of distinct colours before they repeat. */
    public static int size() {
        return OKABE_ITO.length;
    }
}
