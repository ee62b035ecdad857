package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.ConfidenceInterval;
import io.gradsweep.driver.stats.KaplanMeier;
import io.gradsweep.driver.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The report's tables and its headline sentences, as text, from an {@link Analysis}. */
final class ReportTables {
    private final Analysis a;
    final List<TableBuilder> tables = new ArrayList<>();
    final TableBuilder headline;

    ReportTables(Analysis analysis) {
        this.a = analysis;
        this.headline = headlineTable();
        tables.add(headline);
        tables.add(completeness());
        tables.add(timesToThresholds());
        tables.add(measures());
        for (List<PairedComparison> family : a.measureComparisons) {
            if (!family.isEmpty()) {
                tables.add(comparisons(family, "paired-" + slug(family.get(0).quantity),
                        "Paired comparisons of " + family.get(0).quantity + " (arm minus " + a.reference
                                + ", per replicate); Holm-corrected over this table's rows."));
            }
        }
    }

    private TableBuilder headlineTable() {
        if (a.headline < 0) {
            return new TableBuilder("headline", "The study records no loss threshold: no time-to-threshold comparison.",
                    List.of("note"));
        }
        double t = a.plan.thresholds().get(a.headline);
        TableBuilder table = new TableBuilder("headline", String.format(Locale.ROOT, "Epochs to reach train loss %s: each %s"
                + " against %s, paired by replicate within each cell. Difference = arm minus reference (negative: the arm"
                + " got there sooner). A run that never reached it is censored when it ended (a diverged one at its budget);"
                + " pairs where both were censored are left out. p: Wilcoxon signed-rank, two-sided; Holm-corrected over all %d rows; log-rank: the"
                + " Kaplan-Meier curves of the two arms, unpaired.", t, a.plan.compare().name(), a.reference,
                a.headlineComparisons.size()),
                List.of("cell", "arm", "reference", "pairs used", "one censored", "both censored", "unpaired",
                        "arm median epochs [95% CI]", "reference median epochs [95% CI]",
                        "median difference [95% CI]", "rank-biserial r", "Wilcoxon p", "Holm p", "log-rank p"));
        for (PairedComparison c : a.headlineComparisons) {
            KaplanMeier arm = a.group(c.cell, c.arm).survival.get(a.headline);
            KaplanMeier ref = a.group(c.cell, c.reference).survival.get(a.headline);
            table.add(List.of(a.cellLabel(c.cell), c.arm, c.reference, count(c.wilcoxon.n()) + zeros(c), count(c.oneCensored),
                    count(c.bothCensored), count(c.unpaired), median(arm), median(ref),
                    num(c.medianDifference) + " " + ci(c.medianInterval), num(c.wilcoxon.rankBiserialCorrelation()),
                    p(c.wilcoxon.pValue()), p(c.holmP), p(c.logRankP)));
        }
        return table;
    }

    private static String zeros(PairedComparison c) {
        return c.wilcoxon.zeroCount() > 0 ? " (+" + c.wilcoxon.zeroCount() + " ties dropped)" : "";
    }

    /**
     * The sentences the report opens with: the headline comparisons with the smallest Holm p
     * (at most three), each with its pairs, the median difference and its interval.
     */
    List<String> findings() {
        List<String> out = new ArrayList<>();
        if (a.headline < 0) {
            return out;
        }
        double t = a.plan.thresholds().get(a.headline);
        List<PairedComparison> ranked = a.headlineComparisons.stream().filter(c -> !Double.isNaN(c.holmP))
                .sorted(Comparator.comparingDouble((PairedComparison c) -> c.holmP)
                        .thenComparing(c -> -Math.abs(c.medianDifference)))
                .limit(3).toList();
        for (PairedComparison c : ranked) {
            double d = c.medianDifference;
            String direction = d < 0 ? num(-d) + " fewer" : d > 0 ? num(d) + " more" : "no fewer and no more";
            out.add(String.format(Locale.ROOT, "Across %d paired seeds%s, %s reached train loss %s in a median of %s epochs"
                    + " than %s at %s (95%% CI of the difference %s to %s epochs; Wilcoxon p = %s, Holm-corrected p = %s; %s).",
                    c.wilcoxon.n(), c.oneCensored > 0 ? " (" + c.oneCensored + " with one run censored)" : "", c.arm, t,
                    direction, c.reference, a.cellLabel(c.cell), num(c.medianInterval.lower()), num(c.medianInterval.upper()),
                    p(c.wilcoxon.pValue()), p(c.holmP), c.holmP < 0.05 ? "significant at 5% after correction"
                            : "not significant at 5% after correction"));
        }
        if (ranked.isEmpty() && !a.headlineComparisons.isEmpty()) {
            out.add("No comparison had pairs to test: in every cell both arms' runs failed to reach train loss " + t
                    + ", or runs are missing.");
        }
        return out;
    }

    private TableBuilder completeness() {
        TableBuilder table = new TableBuilder("groups", "What each group holds: trials the study plans, present in the"
                + " tables, missing (not run yet, or lost), and how the present ones ended. Divergence rate: diverged among"
                + " the runs that trained, with its 95% Wilson interval.",
                List.of("cell", "arm", "planned", "present", "missing", "ok", "diverged", "failed", "timeout",
                        "divergence rate [95% CI]"));
        for (GroupResult g : a.groupResults) {
            GroupCounts c = g.counts;
            String rate = g.divergence.trials() == 0 ? "" : num(g.divergence.proportion()) + " " + ci(g.divergence.interval());
            table.add(List.of(a.cellLabel(g.cell), g.arm, count(c.expected()), count(c.present()), count(c.missing()),
                    count(c.ok()), count(c.diverged()), count(c.failed()), count(c.timeout()), rate));
        }
        return table;
    }

    private TableBuilder timesToThresholds() {
        TableBuilder table = new TableBuilder("time-to-threshold", "Epochs to each train-loss threshold, as survival data:"
                + " runs that trained, how many reached it, and the Kaplan-Meier median with its 95% Brookmeyer-Crowley"
                + " interval (log-log); 'not reached' when fewer than half got there, an open upper bound when the curve's"
                + " upper band never crosses one half.",
                List.of("cell", "arm", "threshold", "runs", "reached", "median epochs [95% CI]", "median steps [95% CI]"));
        for (GroupResult g : a.groupResults) {
            for (int i = 0; i < a.plan.thresholds().size(); i++) {
                table.add(List.of(a.cellLabel(g.cell), g.arm, String.valueOf(a.plan.thresholds().get(i)),
                        count(g.times.get(i).epochs.length), count(g.times.get(i).reachedCount()), median(g.survival.get(i)),
                        median(g.survivalSteps.get(i))));
            }
        }
        return table;
    }

    private TableBuilder measures() {
        TableBuilder table = new TableBuilder("measures", "Per-run measures of the runs that trained (ok or diverged), per"
                + " group: n, median and quartiles (type 7), mean with a seeded 95% percentile-bootstrap interval. Runs with"
                + " no value (e.g. accuracy in a regression, a loss that overflowed) are left out and counted.",
                List.of("cell", "arm", "measure", "unit", "n", "no value", "median", "quartiles", "mean [95% CI]"));
        for (GroupResult g : a.groupResults) {
            for (Measure m : Measure.values()) {
                Summary s = g.measures.get(m);
                table.add(List.of(a.cellLabel(g.cell), g.arm, m.label, m.unit, count(s.n()), count(s.nanCount()),
                        num(s.median()), num(s.firstQuartile()) + " to " + num(s.thirdQuartile()),
                        num(s.mean()) + " " + ci(s.meanInterval())));
            }
        }
        return table;
    }

    private TableBuilder comparisons(List<PairedComparison> family, String name, String caption) {
        TableBuilder table = new TableBuilder(name, caption, List.of("cell", "arm", "reference", "pairs used", "unpaired",
                "median difference [95% CI]", "rank-biserial r", "Wilcoxon p", "Holm p"));
        for (PairedComparison c : family) {
            table.add(List.of(a.cellLabel(c.cell), c.arm, c.reference, count(c.wilcoxon.n()) + zeros(c), count(c.unpaired),
                    num(c.medianDifference) + " " + ci(c.medianInterval), num(c.wilcoxon.rankBiserialCorrelation()),
                    p(c.wilcoxon.pValue()), p(c.holmP)));
        }
        return table;
    }

    private static String median(KaplanMeier km) {
        if (km.n() == 0) {
            return "no runs";
        }
        if (Double.isNaN(km.medianTime())) {
            return "not reached";
        }
        return num(km.medianTime()) + " " + ci(km.medianInterval());
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (x == 0) {
            return "0";
        }
        double ax = Math.abs(x);
        return ax >= 1e5 || ax < 1e-3 ? String.format(Locale.ROOT, "%.3g", x) : String.format(Locale.ROOT, "%.4g", x)
                .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String ci(ConfidenceInterval ci) {
        if (Double.isNaN(ci.lower()) && Double.isNaN(ci.upper())) {
            return "[n/a]";
        }
        return "[" + (Double.isNaN(ci.lower()) ? "n/a" : num(ci.lower())) + ", "
                + (Double.isNaN(ci.upper()) ? "open" : num(ci.upper())) + "]";
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String count(long n) {
        return String.valueOf(n);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
