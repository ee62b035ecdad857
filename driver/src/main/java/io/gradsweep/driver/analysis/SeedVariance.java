package io.gradsweep.driver.analysis;

import io.gradsweep.driver.report.ChartImage;
import io.gradsweep.driver.report.ShareChart;
import io.gradsweep.driver.stats.CrossedVarianceComponents;
import io.gradsweep.driver.stats.CrossedVarianceComponents.Component;
import io.gradsweep.driver.stats.Streams;
import io.gradsweep.worker.study.Dimension;
import io.gradsweep.worker.study.Study;
import io.gradsweep.driver.analysis.TableBuilder.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Where the spread of the headline time comes from, in a crossed design of seed sources: per cell
 * and arm, the share of the variance of the epochs to the headline threshold due to each source
 * and their interaction ({@link CrossedVarianceComponents}).
 *
 * <p>The design: two seed sources varied by the grid (e.g. init_seed x order_seed, the replicates
 * then being runs within a cell), or one varied by the grid crossed with the replicate (which
 * carries the sources left to follow it). Other designs get no components, and the report says why.
 *
 * <p>Censoring: a run that never reached the threshold within its budget enters at the budget, so
 * the measure is the time capped at the budget, min(T, budget), which every such run has exactly;
 * its share is reported, and above {@link #MAX_AT_BUDGET} the components are refused (they would
 * describe the cap, not the time). A run stopped early (target_loss, a time limit) or failed has
 * no capped time, so a group with one gets no components rather than an invented number.
 */
final class SeedVariance {
    /** Above this share of runs at the budget, the capped time is mostly the cap: no components. */
    static final double MAX_AT_BUDGET = 0.2;
    static final int RESAMPLES = 2000;

    /** A seed-source factor: its name and how a run's level is read. */
    record Source(String name, ToLongFunction<TrialRecord> level) {
    }

    final Source a;
    final Source b;
    final TableBuilder table;
    final List<String> notes = new ArrayList<>();
    private final ShareChart chart;
    private int bars;

    private SeedVariance(Analysis an, Source a, Source b) {
        this.a = a;
        this.b = b;
        boolean separate = b.name.startsWith("replicate") ? false : an.study.replicates() > 1;
        double threshold = an.plan.thresholds().get(an.headline);
        List<String> parts = separate ? List.of(a.name, b.name, "interaction", "residual")
                : List.of(a.name, b.name, "interaction + residual");
        this.chart = new ShareChart("Share of the variance of epochs to train loss " + threshold, "share of variance", parts);
        List<Column> header = new ArrayList<>(List.of(Column.of(an.plan.compare().name()), Column.of("cell"),
                Column.of("design"), Column.of("runs"), Column.of("at budget", "at budget"),
                Column.of("variance (epochs^2)")));
        // shares as fractions in the CSV, each with its interval's bounds in columns of their own
        parts.forEach(p -> header.add(Column.of(p + " share [" + pct(1 - an.level) + " CI]", p + " share",
                p + " share lower", p + " share upper")));
        header.add(Column.of("note"));
        this.table = new TableBuilder("variance-components", String.format(Locale.ROOT, "Variance components of the epochs"
                + " to train loss %s (capped at the budget: a run that never reached it counts at the budget), per cell"
                + " and arm: random-effects ANOVA of the balanced %s x %s design by expected mean squares, negative"
                + " estimates set to 0 (marked *); intervals: two-way bootstrap over the levels of both sources"
                + " (%d resamples, percentile)%s. Components are refused where more than %s of runs are at the budget,"
                + " or a run stopped early or failed.", ReportTables.num(threshold), a.name, b.name, RESAMPLES,
                separate ? "" : "; with one run per cell the interaction cannot be told from the residual",
                pct(MAX_AT_BUDGET)), header, 2);
        for (List<String> cell : an.groups.cells) {
            for (String arm : an.groups.arms) {
                row(an, cell, arm, parts.size());
            }
        }
    }

    /** The components of the study's crossed seed design, if it has one and a headline threshold. */
    static Optional<SeedVariance> of(Analysis an) {
        if (an.headline < 0) {
            return Optional.empty();
        }
        List<Dimension> seeds = new ArrayList<>();
        for (Dimension d : an.study.dimensions()) {
            if (AnalysisPlan.isSeedSource(d) && d.keys().size() == 1 && an.factorIndex(d.keys().get(0)) < 0 && d.size() > 1) {
                seeds.add(d);
            }
        }
        Study s = an.study;
        if (seeds.size() == 2) {
            return Optional.of(new SeedVariance(an, source(seeds.get(0)), source(seeds.get(1))));
        }
        if (seeds.size() == 1 && s.replicates() > 1) {
            return Optional.of(new SeedVariance(an, source(seeds.get(0)), new Source("replicate (" + followers(seeds.get(0))
                    + ")", r -> r.replicate)));
        }
        return Optional.empty();
    }

    private static String followers(Dimension varied) {
        List<String> rest = new ArrayList<>(io.gradsweep.core.train.TrialSpec.SEED_SOURCES);
        rest.remove(varied.keys().get(0));
        return String.join(", ", rest.stream().map(x -> x.replace("_seed", "")).toList());
    }

    private static Source source(Dimension d) {
        String key = d.keys().get(0);
        return switch (key) {
            case "split_seed" -> new Source(key, r -> r.splitSeed);
            case "order_seed" -> new Source(key, r -> r.orderSeed);
            default -> new Source(key, r -> r.initSeed);
        };
    }

    private void row(Analysis an, List<String> cell, String arm, int parts) {
        List<TrialRecord> runs = an.groups.get(cell, arm);
        List<TableCell> out = new ArrayList<>(List.of(TableCell.text(arm), TableCell.text(an.cellLabel(cell))));
        TreeSet<Long> la = new TreeSet<>();
        TreeSet<Long> lb = new TreeSet<>();
        TreeMap<List<Long>, List<Double>> cells = new TreeMap<>((x, y) -> x.get(0).equals(y.get(0))
                ? Long.compare(x.get(1), y.get(1)) : Long.compare(x.get(0), y.get(0)));
        int atBudget = 0;
        int unknown = 0;
        for (TrialRecord r : runs) {
            TimeToEvent t = TimeToEvent.of(r, an.headline);
            if (t == null || t.censoring() == TimeToEvent.Censoring.EARLY) {
                unknown++;
                continue;
            }
            atBudget += t.reached() ? 0 : 1;
            long x = a.level.applyAsLong(r);
            long y = b.level.applyAsLong(r);
            la.add(x);
            lb.add(y);
            cells.computeIfAbsent(List.of(x, y), k -> new ArrayList<>()).add(t.epoch());
        }
        int n = cells.isEmpty() ? 0 : cells.firstEntry().getValue().size();
        out.add(TableCell.text(la.size() + " x " + lb.size() + " x " + n));
        out.add(TableCell.count(runs.size()));
        out.add(runs.isEmpty() ? TableCell.none("", 1)
                : TableCell.of(atBudget + " (" + pct((double) atBudget / runs.size()) + ")", String.valueOf(atBudget)));
        String refusal = null;
        if (unknown > 0) {
            refusal = unknown + " run(s) failed or stopped before the budget: their capped time is unknown";
        } else if (!runs.isEmpty() && (double) atBudget / runs.size() > MAX_AT_BUDGET) {
            refusal = "more than " + pct(MAX_AT_BUDGET) + " of runs never reached the threshold: the components would describe the cap";
        } else if (la.size() < 2 || lb.size() < 2 || cells.size() != la.size() * lb.size()
                || cells.values().stream().anyMatch(v -> v.size() != n)) {
            refusal = "not a complete balanced design (" + cells.size() + " of " + la.size() * lb.size()
                    + " seed combinations, runs per combination differ or fewer than 2 levels)";
        }
        if (refusal != null) {
            out.add(TableCell.none("", 1));
            for (int p = 0; p < parts; p++) {
                out.add(TableCell.none("", 3));
            }
            out.add(TableCell.text("no components: " + refusal));
            table.add(out);
            return;
        }
        double[][][] y = new double[la.size()][lb.size()][n];
        List<Long> as = new ArrayList<>(la);
        List<Long> bs = new ArrayList<>(lb);
        cells.forEach((k, v) -> {
            double[] runsOfCell = v.stream().mapToDouble(Double::doubleValue).toArray();
            y[as.indexOf(k.get(0))][bs.indexOf(k.get(1))] = runsOfCell;
        });
        CrossedVarianceComponents vc = CrossedVarianceComponents.estimate(y);
        double[][] ci = CrossedVarianceComponents.shareIntervals(y, RESAMPLES,
                Streams.derive(an.plan.seed(), "variance-components|" + cell + "|" + arm), 1 - an.level);
        double[] shares = vc.shares();
        out.add(TableCell.number(vc.total()));
        double[] shown = new double[parts];
        for (int p = 0; p < parts; p++) {
            Component c = Component.values()[p];
            shown[p] = shares[p];
            out.add(TableCell.of(String.format(Locale.ROOT, "%s%s [%s, %s]", pct(shares[p]), vc.truncated(c) ? "*" : "",
                    pct(ci[p][0]), pct(ci[p][1])), TableCell.csvNumber(shares[p]), TableCell.csvNumber(ci[p][0]),
                    TableCell.csvNumber(ci[p][1])));
        }
        out.add(TableCell.text(atBudget > 0 ? atBudget + " run(s) entered at the budget" : ""));
        table.add(out);
        if (bars++ < ReportPlots.MAX_PANELS * 2) {
            chart.bar(arm + (cell.isEmpty() ? "" : ", " + an.cellLabel(cell)), shown);
        }
    }

    /** The figure, when some group has components. */
    Optional<ReportPlots.Figure> figure() {
        if (table.rows.stream().allMatch(r -> r.get(r.size() - 1).shown().startsWith("no components"))) {
            return Optional.empty();
        }
        ChartImage image = chart.render(1000, Math.max(300, 120 + 50 * Math.min(bars, ReportPlots.MAX_PANELS * 2)));
        return Optional.of(new ReportPlots.Figure("variance-components", "Share of the variance of the headline time due to "
                + a.name + ", " + b.name + " and the rest, per arm and cell (point estimates; intervals in the variance"
                + " components table).", image));
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
    }
}
