package io.gradsweep.driver.analysis;

import io.gradsweep.driver.report.BandChart;
import io.gradsweep.driver.report.BandSeries;
import io.gradsweep.driver.report.ChartAxis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's bias-shift figures (Clevert et al. 2015 argue that hidden means near zero speed
 * learning): a hidden layer's mean activation against step, one line per arm with the
 * interquartile band across seeds, for the first, middle and last hidden layer (every layer of a
 * network of at most three). A row of panels per cell, so each figure holds as many cells as fit in
 * {@link ReportPlots#MAX_PANELS} panels; layers are not averaged, since one layer's shift can
 * hide another's of the opposite sign.
 */
final class BiasShiftFigures {
    /** Where a shown layer sits in a network of a given depth. */
    enum Place {
        FIRST("first"), MIDDLE("middle"), LAST("last");

        private final String word;

        Place(String word) {
            this.word = word;
        }

        /** The layer (1 = input side) at this place in {@code depth} hidden layers; 0 when the place repeats another's. */
        int layer(long depth) {
            return switch (this) {
                case FIRST -> depth >= 1 ? 1 : 0;
                case MIDDLE -> depth >= 3 ? (int) ((depth + 1) / 2) : 0;
                case LAST -> depth >= 2 ? (int) depth : 0;
            };
        }
    }

    final List<ReportPlots.Figure> figures = new ArrayList<>();
    private final Analysis a;

    BiasShiftFigures(Analysis analysis, List<CurvatureData.LayerCurve> curves) {
        this.a = analysis;
        Map<List<String>, List<CurvatureData.LayerCurve>> byCell = new LinkedHashMap<>();
        for (CurvatureData.LayerCurve c : curves) {
            List<String> f = c.curve().factors();
            byCell.computeIfAbsent(f.subList(1, f.size()), k -> new ArrayList<>()).add(c);
        }
        List<List<String>> cells = a.groups.cells.stream().filter(byCell::containsKey).toList();
        if (cells.isEmpty()) {
            return;
        }
        int places = 1;
        for (CurvatureData.LayerCurve c : curves) {
            places = Math.max(places, (int) Arrays.stream(Place.values()).filter(p -> p.layer(c.depth()) > 0).count());
        }
        int cellsPerFigure = Math.max(1, ReportPlots.MAX_PANELS / places);
        int shownCells = Math.min(cells.size(), ReportPlots.MAX_PANELS);
        int figureCount = (shownCells + cellsPerFigure - 1) / cellsPerFigure;
        for (int f = 0; f < figureCount; f++) {
            List<List<String>> part = cells.subList(f * cellsPerFigure, Math.min(shownCells, (f + 1) * cellsPerFigure));
            BandChart chart = new BandChart("Mean activation per hidden layer (bias shift): median and interquartile"
                    + " range across seeds", ChartAxis.linear("step"), ChartAxis.linear("mean activation"));
            int panels = 0;
            for (List<String> cell : part) {
                panels += panels(chart, cell, byCell.get(cell));
            }
            chart.columns(places);
            int rows = (panels + places - 1) / places;
            String which = figureCount == 1 && shownCells == cells.size() ? ""
                    : String.format(Locale.ROOT, " Cells %d to %d of %d%s.", f * cellsPerFigure + 1,
                            f * cellsPerFigure + part.size(), cells.size(),
                            shownCells < cells.size() ? " (the first " + shownCells + " are drawn)" : "");
            figures.add(new ReportPlots.Figure("bias-shift-" + (f + 1), "Mean activation of a hidden layer (over its"
                    + " units and the evaluation subset) against step: median and interquartile range across seeds, one"
                    + " line per " + a.plan.compare().name() + ", for the first, middle and last hidden layer (every"
                    + " layer when there are at most three; layer 1 is on the input side), a row of panels per cell."
                    + " Far from 0 is a bias shift, which the ELU paper (Clevert et al. 2015) argues slows learning;"
                    + " each panel has its own vertical scale." + which,
                    chart.render(1200, Math.max(500, 90 + 300 * rows))));
        }
    }

    /** Adds the cell's panels (one per place) to {@code chart}; returns how many. */
    private int panels(BandChart chart, List<String> cell, List<CurvatureData.LayerCurve> curves) {
        Set<Long> depths = new LinkedHashSet<>();
        Map<String, Set<Long>> depthsPerArm = new LinkedHashMap<>();
        for (CurvatureData.LayerCurve c : curves) {
            depths.add(c.depth());
            depthsPerArm.computeIfAbsent(c.curve().factors().get(0), k -> new LinkedHashSet<>()).add(c.depth());
        }
        int added = 0;
        for (Place place : Place.values()) {
            List<BandSeries> series = new ArrayList<>();
            for (String arm : a.groups.arms) {
                for (CurvatureData.LayerCurve c : curves) {
                    if (c.curve().factors().get(0).equals(arm) && place.layer(c.depth()) == c.layer()
                            && place.layer(c.depth()) > 0) {
                        String name = depthsPerArm.get(arm).size() > 1 ? arm + " (depth " + c.depth() + ")" : arm;
                        series.add(CurvatureFigures.series(name, c.curve()));
                    }
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            String layer = depths.size() == 1
                    ? "layer " + place.layer(depths.iterator().next()) + " of " + depths.iterator().next()
                    : place.word + " hidden layer";
            chart.panel(a.cellLabel(cell) + ": " + layer, series);
            added++;
        }
        return added;
    }
}
