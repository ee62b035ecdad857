package io.gradsweep.driver.analysis;

import io.gradsweep.driver.report.BandChart;
import io.gradsweep.driver.report.BandSeries;
import io.gradsweep.driver.report.ChartAxis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's sharpness figure: sharpness against step with the edge of stability (Cohen et al.
 * 2021), per arm and cell with the interquartile band across seeds. The bias shift has its own
 * figures ({@link BiasShiftFigures}).
 */
final class CurvatureFigures {
    final List<ReportPlots.Figure> figures = new ArrayList<>();
    private final Analysis a;

    CurvatureFigures(Analysis analysis, CurvatureData data) {
        this.a = analysis;
        if (!data.sharpness.isEmpty()) {
            figures.add(new ReportPlots.Figure("sharpness", "Sharpness (the top eigenvalue of the training loss's Hessian)"
                    + " against step: median and interquartile range across seeds, one line per "
                    + a.plan.compare().name() + " and one panel per cell; 'edge of stability' is 2 / lr (2 (1 +"
                    + " momentum) / lr with momentum; none for adaptive optimisers). Under full-batch gradient"
                    + " descent sharpness typically rises to that line and hovers there.",
                    chart("Sharpness: median and interquartile range across seeds", "sharpness", data.sharpness,
                            data.edge)));
        }
    }

    private io.gradsweep.driver.report.ChartImage chart(String title, String yLabel, List<Curve> curves,
                                                        List<Curve> edge) {
        Map<List<String>, List<BandSeries>> panels = new LinkedHashMap<>();
        for (Curve c : curves) {
            panels.computeIfAbsent(cell(c), k -> new ArrayList<>()).add(series(c.factors().get(0), c));
        }
        Map<List<String>, Curve> edgeByCell = new LinkedHashMap<>();
        for (Curve c : edge) { // the edge depends on lr and optimiser, which an arm rarely changes: the first arm's
            edgeByCell.putIfAbsent(cell(c), c);
        }
        BandChart chart = new BandChart(title, ChartAxis.linear("step"), ChartAxis.linear(yLabel));
        int shown = 0;
        for (List<String> cell : a.groups.cells) {
            List<BandSeries> series = panels.get(cell);
            if (series == null || shown >= ReportPlots.MAX_PANELS) {
                continue;
            }
            List<BandSeries> ordered = new ArrayList<>();
            for (String arm : a.groups.arms) {
                series.stream().filter(s -> s.name().equals(arm)).forEach(ordered::add);
            }
            Curve e = edgeByCell.get(cell);
            if (e != null) {
                ordered.add(series("edge of stability", e));
            }
            chart.panel(a.cellLabel(cell), ordered);
            shown++;
        }
        int columns = shown > 4 ? 3 : 2;
        chart.columns(columns);
        int rows = (shown + columns - 1) / columns;
        return chart.render(1200, Math.max(500, 60 + 330 * rows));
    }

    private static List<String> cell(Curve c) {
        return c.factors().subList(1, c.factors().size());
    }

    /** A group's quartile curve as a band series against step. */
    static BandSeries series(String name, Curve c) {
        double[] x = new double[c.steps().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.steps()[i];
        }
        return new BandSeries(name, x, c.median(), c.q1(), c.q3());
    }
}
