package io.gradsweep.driver.analysis;

import io.gradsweep.driver.analysis.TableBuilder.Column;
import io.gradsweep.driver.stats.HodgesLehmann;
import io.gradsweep.driver.stats.SignedRankTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time to the edge of stability and sharpness at the primary threshold's crossing, per cell and
 * arm, with each arm paired with the reference as in the headline (by replicate, or by the runs'
 * seeds where the study sets seed sources: same initial weights and batches):
 * the Hodges-Lehmann difference with its exact interval and the exact signed-rank p, as the
 * report's other paired comparisons. Times to the edge are compared over the pairs in which both
 * runs reached it (the count says how many); sharpness at the threshold over the pairs in which
 * both crossed the threshold at a measured point.
 */
final class CurvatureTable {
    private CurvatureTable() {
    }

    /** Null when no trial measured sharpness. */
    static TableBuilder of(Analysis a, CurvatureData data) {
        if (data.trials.isEmpty()) {
            return null;
        }
        String threshold = a.headline < 0 ? "(no threshold)" : String.valueOf(a.plan.thresholds().get(a.headline));
        double level = 1 - a.plan.level();
        TableBuilder table = new TableBuilder("curvature", String.format(Locale.ROOT, "Edge of stability and sharpness:"
                + " per cell and %s, runs that reached the edge (sharpness >= 2 / lr, or 2 (1 + momentum) / lr; never"
                + " for adaptive optimisers) and their median step; the median largest sharpness; the median"
                + " sharpness at the last measured point at or before the crossing of train loss %s. Against %s,"
                + " paired as in the headline: Hodges-Lehmann differences (arm - reference) with exact %.0f%% intervals"
                + " and exact signed-rank p, over the pairs where both values exist.", a.plan.compare().name(),
                threshold, a.reference, 100 * level),
                List.of(Column.of("cell"), Column.of(a.plan.compare().name()), Column.of("runs"),
                        Column.of("reached edge", "reached edge", "runs measured"), Column.of("median edge step"),
                        Column.of("median max sharpness"), Column.of("median sharpness at threshold"),
                        Column.of("edge step difference [CI] (pairs)", "edge step difference",
                                "edge step difference lower", "edge step difference upper", "edge step pairs"),
                        Column.of("p (edge)"),
                        Column.of("sharpness at threshold difference [CI] (pairs)", "sharpness difference",
                                "sharpness difference lower", "sharpness difference upper", "sharpness pairs"),
                        Column.of("p (sharpness)")), 2);
        Map<List<String>, Map<PairKey, CurvatureData.TrialCurvature>> byGroup = new HashMap<>();
        for (CurvatureData.TrialCurvature t : data.trials) {
            byGroup.computeIfAbsent(t.factors(), k -> new HashMap<>()).put(t.pair(), t);
        }
        for (List<String> cell : a.groups.cells) {
            List<String> refKey = new ArrayList<>();
            refKey.add(a.reference);
            refKey.addAll(cell);
            Map<PairKey, CurvatureData.TrialCurvature> ref = byGroup.getOrDefault(refKey, Map.of());
            for (String arm : a.groups.arms) {
                List<String> key = new ArrayList<>();
                key.add(arm);
                key.addAll(cell);
                Map<PairKey, CurvatureData.TrialCurvature> runs = byGroup.get(key);
                if (runs == null) {
                    continue;
                }
                List<Double> edges = new ArrayList<>();
                List<Double> maxima = new ArrayList<>();
                List<Double> atThreshold = new ArrayList<>();
                List<Double> edgeDiff = new ArrayList<>();
                List<Double> sharpDiff = new ArrayList<>();
                for (CurvatureData.TrialCurvature t : runs.values()) {
                    if (t.edgeStep() >= 0) {
                        edges.add((double) t.edgeStep());
                    }
                    add(maxima, t.maxSharpness());
                    add(atThreshold, at(t, a.headline));
                    CurvatureData.TrialCurvature r = ref.get(t.pair());
                    if (r != null && !arm.equals(a.reference)) {
                        if (t.edgeStep() >= 0 && r.edgeStep() >= 0) {
                            edgeDiff.add((double) (t.edgeStep() - r.edgeStep()));
                        }
                        if (!Double.isNaN(at(t, a.headline)) && !Double.isNaN(at(r, a.headline))) {
                            sharpDiff.add(at(t, a.headline) - at(r, a.headline));
                        }
                    }
                }
                boolean reference = arm.equals(a.reference);
                table.add(List.of(TableCell.text(a.cellLabel(cell)), TableCell.text(arm), TableCell.count(runs.size()),
                        TableCell.of(edges.size() + "/" + runs.size(), String.valueOf(edges.size()),
                                String.valueOf(runs.size())),
                        steps(median(edges)), number(median(maxima)), number(median(atThreshold)),
                        reference ? TableCell.none("reference", 4) : difference(edgeDiff, level),
                        reference ? TableCell.none("", 1) : p(edgeDiff),
                        reference ? TableCell.none("reference", 4) : difference(sharpDiff, level),
                        reference ? TableCell.none("", 1) : p(sharpDiff)));
            }
        }
        return table;
    }

    private static double at(CurvatureData.TrialCurvature t, int threshold) {
        return threshold < 0 || threshold >= t.sharpnessAtThreshold().length ? Double.NaN
                : t.sharpnessAtThreshold()[threshold];
    }

    private static void add(List<Double> values, double v) {
        if (!Double.isNaN(v)) {
            values.add(v);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The Hodges-Lehmann difference, its interval and the number of pairs: four CSV columns. */
    private static TableCell difference(List<Double> differences, double level) {
        if (differences.isEmpty()) {
            return TableCell.of("no pairs", "", "", "", "0");
        }
        HodgesLehmann hl = HodgesLehmann.paired(array(differences), level);
        String pairs = String.valueOf(differences.size());
        if (!hl.attainable()) {
            return TableCell.of(text(hl.estimate()) + " (interval needs more pairs) (" + pairs + ")",
                    TableCell.csvNumber(hl.estimate()), "", "", pairs);
        }
        return TableCell.of(text(hl.estimate()) + " [" + text(hl.interval().lower()) + ", " + text(hl.interval().upper())
                + "] (" + pairs + ")", TableCell.csvNumber(hl.estimate()), TableCell.csvNumber(hl.interval().lower()),
                TableCell.csvNumber(hl.interval().upper()), pairs);
    }

    /** A median of steps: a whole number, or a half between two. */
    private static TableCell steps(double x) {
        String shown = Double.isNaN(x) ? "" : x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
        return TableCell.of(shown, TableCell.csvNumber(x));
    }

    private static TableCell p(List<Double> differences) {
        if (differences.isEmpty()) {
            return TableCell.none("", 1);
        }
        double p = SignedRankTest.test(array(differences)).pValue();
        return TableCell.of(p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p),
                TableCell.csvNumber(p));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static TableCell number(double x) {
        return TableCell.of(text(x), TableCell.csvNumber(x));
    }

    private static String text(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        double ax = Math.abs(x);
        return ax != 0 && (ax >= 1e5 || ax < 1e-3) ? String.format(Locale.ROOT, "%.3g", x)
                : String.format(Locale.ROOT, "%.4g", x);
    }
}
