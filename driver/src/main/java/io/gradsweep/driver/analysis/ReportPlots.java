package io.gradsweep.driver.analysis;

import io.gradsweep.driver.report.BandChart;
import io.gradsweep.driver.report.BandSeries;
import io.gradsweep.driver.report.ChartAxis;
import io.gradsweep.driver.report.ChartImage;
import io.gradsweep.driver.report.Heatmap;
import io.gradsweep.driver.report.LineChart;
import io.gradsweep.driver.report.LineSeries;
import io.gradsweep.driver.report.StepChart;
import io.gradsweep.driver.report.StepSeries;
import io.gradsweep.driver.stats.KaplanMeier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's figures, drawn from an {@link Analysis}; each has a file name, a caption and an image. */
final class ReportPlots {
    /** Beyond this many panels or charts of one kind a figure stops being readable; the rest are in the CSV tables. */
    static final int MAX_PANELS = 12;

    record Figure(String name, String caption, ChartImage image) {
    }

    private final Analysis a;
    private final boolean logLoss;
    final List<Figure> figures = new ArrayList<>();

    ReportPlots(Analysis analysis, boolean logLoss) {
        this.a = analysis;
        this.logLoss = logLoss;
        lossCurves();
        timeToThreshold();
        initialGradients();
        deadUnitsAgainstLearningRate();
        thresholdHeatmap();
    }

    private void lossCurves() {
        Map<List<String>, List<BandSeries>> panels = new LinkedHashMap<>();
        // the headline speaks in epochs: so do the curves, when every group has one step count per epoch
        boolean inEpochs = a.data.curves.stream().allMatch(c -> !Double.isNaN(stepsPerEpoch(c)));
        for (Curve c : a.data.curves) {
            List<String> cell = c.factors().subList(1, c.factors().size());
            double perEpoch = inEpochs ? stepsPerEpoch(c) : 1;
            double[] x = new double[c.steps().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.steps()[i] / perEpoch;
            }
            panels.computeIfAbsent(cell, k -> new ArrayList<>())
                    .add(new BandSeries(c.factors().get(0), x, c.median(), c.q1(), c.q3()));
        }
        if (panels.isEmpty()) {
            return;
        }
        BandChart chart = new BandChart("Train loss: median and interquartile range across seeds",
                ChartAxis.linear(inEpochs ? "epoch" : "step"), logLoss ? ChartAxis.log("train loss (nats)") : ChartAxis.linear("train loss (nats)"));
        int shown = 0;
        for (List<String> cell : a.groups.cells) {
            List<BandSeries> series = panels.get(cell);
            if (series != null && shown++ < MAX_PANELS) {
                chart.panel(a.cellLabel(cell), ordered(series));
            }
        }
        chart.columns(shown > 4 ? 3 : 2);
        int rows = (Math.min(shown, MAX_PANELS) + (shown > 4 ? 2 : 1)) / (shown > 4 ? 3 : 2);
        figures.add(new Figure("loss-curves", "Median train loss against " + (inEpochs ? "epoch" : "step") + ", with the interquartile band, one line per "
                + a.plan.compare().name() + " and one panel per cell" + more(shown, panels.size())
                + ". A diverged run leaves the curve where it diverged.",
                chart.render(1200, Math.max(500, 60 + 330 * rows))));
    }

    /** The steps per epoch shared by every run of the curve's group; NaN when unknown or not shared. */
    private double stepsPerEpoch(Curve c) {
        List<String> cell = c.factors().subList(1, c.factors().size());
        String arm = c.factors().get(0);
        if (!a.groups.cells.contains(cell) || !a.groups.arms.contains(arm)) {
            return Double.NaN;
        }
        return a.group(cell, arm).stepsPerEpoch;
    }

    private List<BandSeries> ordered(List<BandSeries> series) {
        List<BandSeries> out = new ArrayList<>();
        for (String arm : a.groups.arms) {
            series.stream().filter(s -> s.name().equals(arm)).forEach(out::add);
        }
        return out;
    }

    private void timeToThreshold() {
        if (a.headline < 0) {
            return;
        }
        double threshold = a.plan.thresholds().get(a.headline);
        int i = 0;
        for (List<String> cell : a.groups.cells) {
            if (i >= MAX_PANELS) {
                break;
            }
            StepChart chart = new StepChart("Reached train loss " + threshold + (cell.isEmpty() ? "" : ", " + a.cellLabel(cell)),
                    ChartAxis.linear("epoch"), "fraction of runs that reached it");
            for (String arm : a.groups.arms) {
                GroupResult g = a.group(cell, arm);
                chart.series(kaplanMeier(arm, g.survival.get(a.headline), g.times.get(a.headline)));
            }
            figures.add(new Figure("time-to-threshold-" + (++i), "Kaplan-Meier estimate of the fraction of runs that reached"
                    + " train loss " + threshold + " by each epoch (" + a.cellLabel(cell) + "); ticks mark runs censored"
                    + " (never reached it within the budget). Curves that coincide are drawn over each other, solid,"
                    + " dashed and dotted in legend order, so each stays visible.", chart.render(900, 520)));
        }
    }

    private static StepSeries kaplanMeier(String name, KaplanMeier km, ThresholdTimes t) {
        List<KaplanMeier.Step> steps = km.steps();
        double[] times = new double[steps.size() + 1];
        double[] values = new double[steps.size() + 1];
        for (int i = 0; i < steps.size(); i++) {
            times[i + 1] = steps.get(i).time();
            values[i + 1] = steps.get(i).reachedFraction();
        }
        return new StepSeries(name, times, values, t.censoredEpochs);
    }

    private void initialGradients() {
        Map<String, LineChart> charts = new LinkedHashMap<>();
        for (String arm : a.groups.arms) {
            if (charts.size() < MAX_PANELS) {
                charts.put(arm, new LineChart("Gradient norm per layer at initialisation: " + arm,
                        ChartAxis.integer("layer (1 = input side; the last is the output layer)"),
                        ChartAxis.log("median |dL/dW| (Frobenius norm)")));
            }
        }
        boolean any = false;
        // Spark sorts the groups as text (depth=16 before depth=2); the legend follows the grid's order
        List<LayerGradients> ordered = new ArrayList<>(a.data.gradients);
        ordered.sort(java.util.Comparator.comparingInt((LayerGradients g) -> a.groups.cells.indexOf(g.factors().subList(1,
                g.factors().size()))).thenComparingLong(LayerGradients::depth));
        for (LayerGradients g : ordered) {
            LineChart chart = charts.get(g.factors().get(0));
            if (chart == null || g.medianNorm().length < 2) {
                continue;
            }
            double[] layer = new double[g.medianNorm().length];
            for (int i = 0; i < layer.length; i++) {
                layer[i] = i + 1;
            }
            List<String> cell = g.factors().subList(1, g.factors().size());
            String name = cell.isEmpty() ? "depth " + g.depth() : a.cellLabel(cell);
            chart.series(new LineSeries(name, layer, positive(g.medianNorm())));
            any = true;
        }
        if (!any) {
            return;
        }
        int i = 0;
        for (Map.Entry<String, LineChart> e : charts.entrySet()) {
            figures.add(new Figure("initial-gradients-" + (++i), "Median (across seeds) Frobenius norm of each layer's weight"
                    + " gradient at initialisation, for " + a.plan.compare().name() + " = " + e.getKey()
                    + ". Falling towards the input side is the vanishing-gradient picture.", e.getValue().render(900, 520)));
        }
    }

    /** Zero cannot be drawn on a log axis; it becomes NaN (a gap), which the chart skips. */
    private static double[] positive(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private void deadUnitsAgainstLearningRate() {
        int lr = a.factorIndex("lr");
        if (lr < 0) {
            return;
        }
        // x = lr; a line per value of the first other factor; a chart per value of the rest
        Map<List<String>, Map<String, List<double[]>>> charts = new LinkedHashMap<>();
        for (GroupResult g : a.groupResults) {
            List<String> f = g.factors();
            List<String> rest = new ArrayList<>(f);
            rest.remove(lr);
            String series = rest.isEmpty() ? "all" : rest.get(0);
            List<String> chart = rest.size() <= 1 ? List.of() : rest.subList(1, rest.size());
            double median = g.measures.get(Measure.PEAK_DEAD_FRACTION).median();
            charts.computeIfAbsent(chart, k -> new LinkedHashMap<>()).computeIfAbsent(series, k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f.get(lr)), median});
        }
        int i = 0;
        for (Map.Entry<List<String>, Map<String, List<double[]>>> e : charts.entrySet()) {
            if (i >= MAX_PANELS) {
                break;
            }
            String where = e.getKey().isEmpty() ? "" : " (" + String.join(", ", e.getKey()) + ")";
            LineChart chart = new LineChart("Peak dead-unit fraction against learning rate" + where,
                    ChartAxis.log("learning rate"), ChartAxis.linear("median peak dead fraction of hidden units"));
            e.getValue().forEach((name, points) -> {
                points.sort((p, q) -> Double.compare(p[0], q[0]));
                chart.series(new LineSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray()));
            });
            figures.add(new Figure("dead-units-" + (++i), "Median (across seeds) of each run's peak dead-unit fraction (the"
                    + " largest share of hidden units whose derivative was 0 on every row of the evaluation subset) against"
                    + " the learning rate" + where + ".", chart.render(900, 520)));
        }
    }

    private void thresholdHeatmap() {
        if (a.headline < 0 || a.plan.by().isEmpty()) {
            return;
        }
        // rows: the compare factor's values; columns: the first --by factor's; a map per value of the others
        Map<List<String>, List<GroupResult>> maps = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (GroupResult g : a.groupResults) {
            maps.computeIfAbsent(g.cell.subList(1, g.cell.size()), k -> new ArrayList<>()).add(g);
            if (!columns.contains(g.cell.get(0))) {
                columns.add(g.cell.get(0));
            }
        }
        double threshold = a.plan.thresholds().get(a.headline);
        int i = 0;
        for (Map.Entry<List<String>, List<GroupResult>> e : maps.entrySet()) {
            if (i >= MAX_PANELS) {
                break;
            }
            double[][] values = new double[a.groups.arms.size()][columns.size()];
            for (GroupResult g : e.getValue()) {
                values[a.groups.arms.indexOf(g.arm)][columns.indexOf(g.cell.get(0))] =
                        g.survival.get(a.headline).medianTime();
            }
            String where = e.getKey().isEmpty() ? "" : " (" + a.cellLabel(e.getKey(), 1) + ")";
            Heatmap map = new Heatmap("Median epochs to train loss " + threshold + where,
                    a.groups.arms.toArray(String[]::new), columns.toArray(String[]::new), values)
                    .axisLabels(a.plan.compare().name(), a.plan.by().get(0).name()).valueLabel("median epochs (Kaplan-Meier)")
                    .valueFormat("%.3g");
            figures.add(new Figure("threshold-heatmap-" + (++i), String.format(Locale.ROOT, "Kaplan-Meier median epochs to"
                    + " train loss %s by %s and %s%s; n/a: fewer than half the runs reached it.", threshold,
                    a.plan.compare().name(), a.plan.by().get(0).name(), where), map.render(1000, 120 + 48 * values.length)));
        }
    }

    private static String more(int shown, int total) {
        return total > shown ? " (the first " + shown + " of " + total + " cells)" : "";
    }
}
