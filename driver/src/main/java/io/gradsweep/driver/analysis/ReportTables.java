package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.ConfidenceInterval;
import io.gradsweep.driver.stats.KaplanMeier;
import io.gradsweep.driver.stats.MedianInterval;
import io.gradsweep.driver.stats.MinimumP;
import io.gradsweep.driver.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.gradsweep.driver.analysis.TableBuilder.Column;

/** The report's tables and its headline sentences, as text, from an {@link Analysis}. */
final class ReportTables {
    private final Analysis a;
    final List<TableBuilder> tables = new ArrayList<>();
    final TableBuilder headline;

    ReportTables(Analysis analysis) {
        this.a = analysis;
        this.headline = headlineTable();
        tables.add(headline);
        if (!a.heterogeneity.isEmpty()) {
            tables.add(heterogeneity());
        }
        if (!a.data.runsOnExecutors()) { // pooled over cells: they need every run on one machine
            Aggregates aggregates = Aggregates.of(a, a.compared);
            tables.add(iqm(aggregates));
            if (!aggregates.profiles.isEmpty()) {
                tables.add(profiles(aggregates));
            }
        }
        tables.add(completeness());
        tables.add(timesToThresholds());
        tables.add(measures());
        for (List<PairedComparison> family : a.measureComparisons) {
            if (!family.isEmpty()) {
                PairedComparison first = family.get(0);
                long tested = family.stream().filter(c -> !Double.isNaN(c.test.pValue())).count();
                tables.add(comparisons(family, "paired-" + slug(first.quantity), String.format(Locale.ROOT, "Paired"
                        + " comparisons of %s (arm minus %s, per replicate). Two values count as tied when equal at the"
                        + " measure's resolution (%s); tied pairs are kept in the estimate and dropped by the test."
                        + " Difference: the Hodges-Lehmann estimate (median of the pairwise averages of the differences)"
                        + " with its exact distribution-free %s%% interval ('too few pairs' when no interval reaches that"
                        + " coverage). p: Wilcoxon signed-rank, two-sided, mid-ranks for tied sizes, exact by enumerating"
                        + " the sign flips (up to 50 pairs); minimum p: the smallest p those pairs can give;"
                        + " Holm-corrected over the %d rows with a p. Equivalence: two one-sided exact signed-rank tests"
                        + " (TOST) that the difference lies within +- the smallest effect of interest (%s); its p is the"
                        + " larger one-sided p. Verdict: different (Holm p <= %s), negligible (equivalence p <= %s), both"
                        + " (a real but negligible difference), or inconclusive (with too few pairs to show either, it says so).",
                        first.quantity, a.reference, first.resolution.describe(), num(100 * (1 - a.level)), tested,
                        a.plan.smallestEffect().containsKey(first.measure.column())
                                ? "declared in the study's analysis block: " + num(a.plan.smallestEffect().get(first.measure.column()))
                                : "default: " + first.measure.defaultSmallestEffectRule(), num(a.level), num(a.level))));
            }
        }
    }

    private TableBuilder headlineTable() {
        if (a.headline < 0) {
            return TableBuilder.plain("headline", "The study records no loss threshold: no time-to-threshold comparison.",
                    List.of("note"), 0);
        }
        double t = a.plan.thresholds().get(a.headline);
        long tested = a.primaryFamilySize();
        TableBuilder table = new TableBuilder("headline", String.format(Locale.ROOT, "Epochs to reach train loss %s%s: each %s"
                + " against %s, paired within each cell by replicate (by the runs' seeds where the study sets seed"
                + " sources). A crossing is seen only at an evaluation point, so"
                + " times are compared at the evaluation points' resolution: a pair is ordered (arm first, reference first),"
                + " tied (same evaluation point, or neither run within the budget), or has no order (a run stopped early, by"
                + " target_loss or a time limit, before the other got there). A run that never reached it is censored where it"
                + " was last seen (a diverged one at its budget: it never would). P(arm first): ties count one half, with an interval of"
                + " at least its coverage at any n (Clopper-Pearson bounds of 'first' and 'first or tie', averaged). RMST"
                + " difference: the restricted mean epochs to the threshold up to the budget (the area under the"
                + " Kaplan-Meier curve of 'not yet reached'), arm minus reference, negative when the arm gets there sooner,"
                + " with a normal interval (survRM2's contrast); n/a when a run stopped before the budget leaves a curve"
                + " unknown. Since a crossing is recorded at the evaluation that saw it, every time, and so each arm's RMST,"
                + " may be late by up to one evaluation interval. Reached:"
                + " runs that got there within the budget, of the runs with a time (failed runs have none; timed-out runs are"
                + " censored where they stopped). Where both reached it: arm minus reference in epochs, the Hodges-Lehmann"
                + " estimate with its exact %s%% interval (none when the pairs are too few for that coverage). Where one never"
                + " reached it: only a sign and a bound. p: exact two-sided sign test of arm first against reference first"
                + " (ties dropped); minimum p: the smallest p that many pairs can give; log-rank: the two arms' curves, unpaired, by"
                + " permutation of the arm labels: exact over all relabellings when there are at most %d, else %d seeded"
                + " random ones (p = (1 + as extreme) / (1 + relabellings)); the log-rank column says which. Holm: the sign and log-rank tests of every row form one"
                + " family of %d p-values, corrected together. Verdict: different (a Holm p at or"
                + " below the level), negligible (the RMST difference's 1 - 2 x level interval, e.g. 90%%, lies within +-"
                + " the smallest effect of interest: two one-sided tests), both, a tie, or inconclusive. The smallest"
                + " effect of interest is analysis.smallest_effect.epochs, else the widest gap between the runs'"
                + " evaluation points: a smaller difference cannot be placed.", t, a.exploratory
                        ? " (exploratory: the threshold was chosen from the data, none being declared in the study's analysis block)"
                        : a.plan.thresholdSource().equals("analysis.threshold")
                                ? " (the primary endpoint, declared in the study's analysis block)" : "", a.plan.compare().name(),
                a.reference, num(100 * (1 - a.level)), TimeComparison.PERMUTATIONS, TimeComparison.PERMUTATIONS, tested),
                List.of(Column.of("cell"), Column.of("arm"), Column.of("reference"), Column.of("pairs"), Column.of("arm first"),
                        Column.of("reference first"), Column.of("tied"), Column.of("no order"),
                        Column.interval("P(arm first) [CI]", "P(arm first)"),
                        Column.of("arm reached", "arm reached", "arm runs"),
                        Column.of("reference reached", "reference reached", "reference runs"),
                        Column.interval("RMST difference [CI]", "RMST difference"),
                        Column.interval("arm median epochs [95% CI]", "arm median epochs"),
                        Column.interval("reference median epochs [95% CI]", "reference median epochs"),
                        Column.of("both reached: difference [CI]", "both reached: pairs", "both reached: difference",
                                "both reached: difference lower", "both reached: difference upper"),
                        Column.of("one never reached"), Column.of("sign test p"), Column.of("minimum p"), Column.of("Holm p"),
                        Column.of("log-rank p"), Column.of("log-rank"), Column.of("log-rank Holm p"),
                        Column.of("smallest effect of interest (epochs)"),
                        Column.of("RMST difference, 90% CI", "RMST difference 90% lower", "RMST difference 90% upper"),
                        Column.of("verdict")), 3);
        for (TimeComparison c : a.headlineComparisons) {
            KaplanMeier arm = a.group(c.cell, c.arm).survival.get(a.headline);
            KaplanMeier ref = a.group(c.cell, c.reference).survival.get(a.headline);
            int n = c.signTest.n();
            table.add(List.of(TableCell.text(a.cellLabel(c.cell)), TableCell.text(c.arm), TableCell.text(c.reference),
                    TableCell.count(c.pairs), TableCell.count(c.armFirst), TableCell.count(c.referenceFirst),
                    TableCell.count(c.ties), TableCell.count(c.undetermined),
                    c.ordered() == 0 ? TableCell.none("n/a", 3) : TableCell.estimate(c.armFirstProbability(), c.first.interval()),
                    ofRuns(c.armReached, c.armRuns), ofRuns(c.referenceReached, c.referenceRuns),
                    rmst(c), median(arm), median(ref),
                    bothReached(c), TableCell.text(bounds(c)), TableCell.p(c.signTest.pValue()),
                    n == 0 ? TableCell.none("n/a", 1) : TableCell.p(MinimumP.smallestTwoSided(n)), TableCell.p(c.holmP),
                    TableCell.p(c.logRankP),
                    TableCell.text(c.logRank == null || c.logRank.permutations() == 0 ? "n/a (no run reached it)"
                            : c.logRank.exact() ? "exact, " + c.logRank.permutations() + " relabellings"
                            : c.logRank.permutations() + " random relabellings"),
                    TableCell.p(c.logRankHolmP), TableCell.of("+-" + num(c.margin), TableCell.csvNumber(c.margin)),
                    c.equivalenceInterval == null ? TableCell.none("n/a", 2) : TableCell.of(ci(c.equivalenceInterval),
                            TableCell.csvNumber(c.equivalenceInterval.lower()), TableCell.csvNumber(c.equivalenceInterval.upper())),
                    TableCell.text(c.verdict(a.level))));
        }
        return table;
    }

    /** The RMST difference; with no spread in either arm (every run at one time) there is no interval to give. */
    private static TableCell rmst(TimeComparison c) {
        if (c.rmst == null) {
            return TableCell.none("n/a", 3);
        }
        if (!(c.rmst.standardError() > 0)) {
            return TableCell.estimateWithout(c.rmst.estimate(), "[no spread: no interval]");
        }
        return TableCell.estimate(c.rmst.estimate(), c.rmst.interval());
    }

    /** "3 of 5": two CSV columns, the count and the runs. */
    private static TableCell ofRuns(long k, long n) {
        return TableCell.of(k + " of " + n, String.valueOf(k), String.valueOf(n));
    }

    private static TableCell bothReached(TimeComparison c) {
        int n = c.bothReached.n();
        if (n == 0) {
            return TableCell.of("no pair", "0", "", "", "");
        }
        String est = num(c.bothReached.estimate()) + " (" + n + (n == 1 ? " pair)" : " pairs)");
        String estimate = TableCell.csvNumber(c.bothReached.estimate());
        return c.bothReached.attainable()
                ? TableCell.of(est + " " + ci(c.bothReached.interval()), String.valueOf(n), estimate,
                        TableCell.csvNumber(c.bothReached.interval().lower()), TableCell.csvNumber(c.bothReached.interval().upper()))
                : TableCell.of(est + " [too few pairs]", String.valueOf(n), estimate, "", "");
    }

    /** The pairs where one run never reached it: a sign and the least it was sooner by, never a point. */
    private static String bounds(TimeComparison c) {
        List<String> parts = new ArrayList<>();
        if (c.armSoonerCensored > 0) {
            parts.add(c.armSoonerCensored + " x " + c.arm + " sooner" + by(c.armSoonerBy));
        }
        if (c.referenceSoonerCensored > 0) {
            parts.add(c.referenceSoonerCensored + " x " + c.reference + " sooner" + by(c.referenceSoonerBy));
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static String by(double epochs) {
        return epochs > 0 ? " by more than " + num(epochs) + " epochs" : "";
    }

    /**
     * The sentences the report opens with: the headline comparisons with the largest effect (at
     * most three), each in counts, with its exact test and what its pairs can show at best.
     */
    List<String> findings() {
        if (a.headline < 0) {
            return List.of();
        }
        return Findings.of(a.headlineComparisons, a::cellLabel, a.exploratory, a.level, a.primaryFamilySize(), 3);
    }

    private TableBuilder heterogeneity() {
        TableBuilder table = new TableBuilder("heterogeneity", String.format(Locale.ROOT, "Does each arm's effect on the"
                + " time to train loss %s change across cells? The RMST difference (arm minus %s, restricted mean epochs up"
                + " to the budget) of each cell, weighted by its inverse variance: Cochran's Q (chi-square with cells - 1"
                + " degrees of freedom; a small p says the effect differs between cells), I^2 (the share of the spread"
                + " between cells beyond their sampling error, 0 to 1) with its %s%% interval (Higgins and Thompson 2002),"
                + " and the pooled difference. Cells without a difference with a positive standard error are left out"
                + " (e.g. both arms' runs all at the budget). With few cells Q has little power: a large p is not evidence"
                + " that the effect is the same.", a.plan.thresholds().get(a.headline), a.reference,
                num(100 * (1 - a.level))),
                List.of(Column.of("arm"), Column.of("cells"), Column.of("left out"), Column.of("Q"), Column.of("df"),
                        Column.of("p"), Column.interval("I^2 [CI]", "I^2"),
                        Column.interval("pooled RMST difference [CI]", "pooled RMST difference")), 1);
        for (EffectHeterogeneity h : a.heterogeneity) {
            if (h.test() == null) {
                table.add(List.of(TableCell.text(h.arm()), TableCell.count(h.cells()), TableCell.count(h.leftOut()),
                        TableCell.none("n/a", 1), TableCell.none("n/a", 1), TableCell.none("n/a", 1), TableCell.none("n/a", 3),
                        TableCell.none("n/a", 3)));
                continue;
            }
            double z = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(
                    1 - a.level / 2);
            double pooled = h.test().pooledEstimate();
            double se = h.test().pooledStandardError();
            table.add(List.of(TableCell.text(h.arm()), TableCell.count(h.cells()), TableCell.count(h.leftOut()),
                    TableCell.number(h.test().q()), TableCell.count(h.test().degreesOfFreedom()), TableCell.p(h.test().pValue()),
                    TableCell.estimate(h.test().iSquared(), h.test().iSquaredInterval()),
                    TableCell.of(num(pooled) + " [" + num(pooled - z * se) + ", " + num(pooled + z * se) + "]",
                            TableCell.csvNumber(pooled), TableCell.csvNumber(pooled - z * se), TableCell.csvNumber(pooled + z * se))));
        }
        return table;
    }

    private TableBuilder iqm(Aggregates g) {
        TableBuilder table = new TableBuilder("aggregate-iqm", String.format(Locale.ROOT, "Each arm over all cells, as"
                + " rliable (Agarwal et al. 2021) aggregates over tasks: the interquartile mean (the mean of the middle"
                + " half of all runs, robust to a few outliers yet using more runs than the median) of each measure, with"
                + " a %s%% stratified bootstrap interval (runs resampled within their cell, %d resamples, each row its"
                + " own stream from --seed). Cells weigh by their runs; a measure in different units per cell is not"
                + " comparable this way.", num(100 * (1 - a.level)), Aggregates.RESAMPLES),
                List.of(Column.of("arm"), Column.of("measure"), Column.of("unit"), Column.of("cells"), Column.of("runs"),
                        Column.interval("IQM [CI]", "IQM")), 2);
        for (Aggregates.Iqm i : g.iqms) {
            table.add(List.of(TableCell.text(i.arm()), TableCell.text(i.measure().label), TableCell.text(i.measure().unit),
                    TableCell.count(i.value().tasks()), TableCell.count(i.value().runs()), i.value().runs() == 0
                            ? TableCell.none("n/a", 3) : TableCell.estimate(i.value().estimate(), i.value().interval())));
        }
        return table;
    }

    private TableBuilder profiles(Aggregates g) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("arm"), Column.of("runs")));
        for (double t : g.at) {
            columns.add(Column.interval("by epoch " + num(t), "by epoch " + TableCell.csvNumber(t)));
        }
        TableBuilder table = new TableBuilder("performance-profile", String.format(Locale.ROOT, "Performance profile of"
                + " each arm over all cells: the fraction of its runs that reached train loss %s by each epoch, with a"
                + " %s%% pointwise band: exact (Clopper-Pearson) where every run's status is known, Kaplan-Meier (log-log)"
                + " after a run stopped unreached. A crossing counts at the evaluation that saw it.",
                a.plan.thresholds().get(a.headline), num(100 * (1 - a.level))), columns, 1);
        for (Aggregates.Profile p : g.profiles) {
            List<TableCell> row = new ArrayList<>();
            row.add(TableCell.text(p.arm()));
            int n = 0;
            for (List<String> cell : a.groups.cells) {
                n += a.group(cell, p.arm()).times.get(a.headline).runs;
            }
            row.add(TableCell.count(n));
            for (io.gradsweep.driver.stats.PerformanceProfile.Point point : p.profile().points()) {
                row.add(Double.isNaN(point.fraction()) ? TableCell.none("n/a", 3) : TableCell.estimate(point.fraction(), point.band()));
            }
            table.add(row);
        }
        return table;
    }

    private TableBuilder completeness() {
        TableBuilder table = new TableBuilder("groups", "What each group holds: trials the study plans, present in the"
                + " tables, missing (not run yet, or lost), and how the present ones ended. Divergence rate: diverged among"
                + " the runs that trained, with its 95% Wilson interval.",
                List.of(Column.of("cell"), Column.of("arm"), Column.of("planned"), Column.of("present"), Column.of("missing"),
                        Column.of("ok"), Column.of("diverged"), Column.of("failed"), Column.of("timeout"),
                        Column.interval("divergence rate [95% CI]", "divergence rate")), 2);
        for (GroupResult g : a.groupResults) {
            GroupCounts c = g.counts;
            TableCell rate = g.divergence.trials() == 0 ? TableCell.none("", 3)
                    : TableCell.estimate(g.divergence.proportion(), g.divergence.interval());
            table.add(List.of(TableCell.text(a.cellLabel(g.cell)), TableCell.text(g.arm), TableCell.count(c.expected()),
                    TableCell.count(c.present()), TableCell.count(c.missing()), TableCell.count(c.ok()),
                    TableCell.count(c.diverged()), TableCell.count(c.failed()), TableCell.count(c.timeout()), rate));
        }
        return table;
    }

    private TableBuilder timesToThresholds() {
        TableBuilder table = new TableBuilder("time-to-threshold", "Epochs to each train-loss threshold, as survival data:"
                + " runs with a time (all but failed ones; a timed-out run is censored where it stopped, a diverged one at"
                + " its budget), how many reached it within the budget, and the Kaplan-Meier median with its 95% Brookmeyer-Crowley"
                + " interval (log-log); 'not reached' when fewer than half got there, an open upper bound when the curve's"
                + " upper band never crosses one half. Times are the evaluation points at which a crossing was first seen: the run"
                + " got there between that point and the one before, so a time is exact only to the evaluation interval. The last column"
                + " treats each time as that interval (a never-reached run as after its end) and gives the interval where"
                + " Turnbull's nonparametric maximum-likelihood estimate (for interval-censored data) passes one half: the"
                + " median is somewhere in it, and its width is the evaluation resolution there.",
                List.of(Column.of("cell"), Column.of("arm"), Column.of("threshold"), Column.of("runs"), Column.of("reached"),
                        Column.interval("median epochs [95% CI]", "median epochs"),
                        Column.interval("median steps [95% CI]", "median steps"),
                        Column.of("median epochs, interval-censored", "interval-censored median epochs lower (open)",
                                "interval-censored median epochs upper (closed)")), 3);
        for (GroupResult g : a.groupResults) {
            for (int i = 0; i < a.plan.thresholds().size(); i++) {
                table.add(List.of(TableCell.text(a.cellLabel(g.cell)), TableCell.text(g.arm),
                        TableCell.number(a.plan.thresholds().get(i)), TableCell.count(g.times.get(i).runs),
                        TableCell.count(g.times.get(i).reached), median(g.survival.get(i)),
                        median(g.survivalSteps.get(i)), turnbullMedian(g.times.get(i).turnbull)));
            }
        }
        return table;
    }

    /**
     * Where the interval-censored (Turnbull) estimate puts the median: the innermost interval in
     * which the probability of having reached the threshold passes one half. Its width is the
     * evaluation resolution there; "not reached" when the mass there never passes one half.
     */
    static TableCell turnbullMedian(io.gradsweep.driver.stats.Turnbull t) {
        if (t == null) {
            return TableCell.none("n/a", 2);
        }
        double cumulative = 0;
        for (io.gradsweep.driver.stats.Turnbull.Mass m : t.masses()) {
            if (Double.isInfinite(m.upper())) {
                break;
            }
            cumulative += m.probability();
            if (cumulative >= 0.5 - 1e-12) {
                return TableCell.of("(" + num(m.lower()) + ", " + num(m.upper()) + "]", TableCell.csvNumber(m.lower()),
                        TableCell.csvNumber(m.upper()));
            }
        }
        return TableCell.none("not reached", 2);
    }

    /** Below this many runs a percentile-bootstrap interval under-covers badly, so none is shown. */
    static final int MIN_BOOTSTRAP = 11;

    private TableBuilder measures() {
        TableBuilder table = new TableBuilder("measures", "Per-run measures of the runs that trained (ok or diverged), per"
                + " group: n, the median with its distribution-free 95% interval (order statistics of the runs, binomial"
                + " coverage of at least 95% at any n; 'too few runs' below 6, where no such interval reaches 95%),"
                + " quartiles (type 7), and the mean with a seeded 95% percentile-bootstrap interval, shown only from "
                + MIN_BOOTSTRAP + " runs (below that the percentile bootstrap covers far less than it says). Runs with no"
                + " value (e.g. accuracy in a regression, a loss that overflowed) are left out and counted.",
                List.of(Column.of("cell"), Column.of("arm"), Column.of("measure"), Column.of("unit"), Column.of("n"),
                        Column.of("no value"), Column.of("median"),
                        Column.of("median [95% CI]", "median 95% lower", "median 95% upper"),
                        Column.of("quartiles", "first quartile", "third quartile"),
                        Column.interval("mean [95% CI]", "mean")), 4);
        for (GroupResult g : a.groupResults) {
            for (Measure m : Measure.values()) {
                Summary s = g.measures.get(m);
                MedianInterval mi = g.medians.get(m);
                TableCell median = mi.n() == 0 ? TableCell.none("n/a", 2) : mi.attainable()
                        ? TableCell.of(num(mi.median()) + " " + ci(mi.interval()), TableCell.csvNumber(mi.interval().lower()),
                                TableCell.csvNumber(mi.interval().upper()))
                        : TableCell.of(num(mi.median()) + " [too few runs]", "", "");
                TableCell mean = s.n() == 0 ? TableCell.none("n/a", 3) : s.n() < MIN_BOOTSTRAP
                        ? TableCell.estimateWithout(s.mean(), "[too few runs for a bootstrap]")
                        : TableCell.estimate(s.mean(), s.meanInterval());
                table.add(List.of(TableCell.text(a.cellLabel(g.cell)), TableCell.text(g.arm), TableCell.text(m.label),
                        TableCell.text(m.unit), TableCell.count(s.n()), TableCell.count(s.nanCount()),
                        TableCell.number(s.median()), median,
                        TableCell.of(num(s.firstQuartile()) + " to " + num(s.thirdQuartile()),
                                TableCell.csvNumber(s.firstQuartile()), TableCell.csvNumber(s.thirdQuartile())), mean));
            }
        }
        return table;
    }

    private TableBuilder comparisons(List<PairedComparison> family, String name, String caption) {
        TableBuilder table = new TableBuilder(name, caption, List.of(Column.of("cell"), Column.of("arm"),
                Column.of("reference"), Column.of("pairs"), Column.of("tied"), Column.of("unpaired"),
                Column.interval("difference [CI]", "difference"), Column.of("rank-biserial r"), Column.of("signed-rank p"),
                Column.of("exact"), Column.of("minimum p"), Column.of("Holm p"), Column.of("smallest effect of interest"),
                Column.of("equivalence p"), Column.of("verdict")), 3);
        for (PairedComparison c : family) {
            TableCell effect = c.effect.n() == 0 ? TableCell.none("n/a", 3) : c.effect.attainable()
                    ? TableCell.estimate(c.effect.estimate(), c.effect.interval())
                    : TableCell.estimateWithout(c.effect.estimate(), "[too few pairs]");
            table.add(List.of(TableCell.text(a.cellLabel(c.cell)), TableCell.text(c.arm), TableCell.text(c.reference),
                    TableCell.count(c.pairs), TableCell.count(c.test.zeroCount()), TableCell.count(c.unpaired), effect,
                    TableCell.number(c.test.rankBiserialCorrelation()), TableCell.p(c.test.pValue()),
                    TableCell.text(c.test.n() == 0 ? "n/a" : c.test.exact() ? "exact" : "normal approx."),
                    c.test.n() == 0 ? TableCell.none("n/a", 1) : TableCell.p(c.test.minimumPValue()), TableCell.p(c.holmP),
                    c.equivalence == null ? TableCell.none("n/a", 1)
                            : TableCell.of("+-" + num(c.equivalence.margin()), TableCell.csvNumber(c.equivalence.margin())),
                    c.equivalence == null ? TableCell.none("n/a", 1) : TableCell.p(c.equivalence.pValue()),
                    TableCell.text(c.verdict())));
        }
        return table;
    }

    private static TableCell median(KaplanMeier km) {
        if (km.n() == 0) {
            return TableCell.none("no runs", 3);
        }
        if (Double.isNaN(km.medianTime())) {
            return TableCell.none("not reached", 3);
        }
        return TableCell.estimate(km.medianTime(), km.medianInterval());
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
