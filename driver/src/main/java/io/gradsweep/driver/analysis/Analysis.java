package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.HolmCorrection;
import io.gradsweep.driver.stats.SignTest;
import io.gradsweep.worker.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a study: per group, and per paired comparison of each arm with the reference
 * arm in each cell. The headline family (time to the headline threshold) and each measure's
 * family are Holm-corrected separately, each over all its cells and arms. Immutable once built:
 * the corrected p-values are copies, the groups are looked up in a map.
 */
final class Analysis {
    /** The significance level, and 1 - the intervals' coverage (the study's analysis.level). */
    final double level;
    /** Measures compared pairwise besides the time to threshold: they have no censoring. */
    final List<Measure> compared;

    final Study study;
    final AnalysisPlan plan;
    final Groups groups;
    final StudyData data;
    final String reference;
    final int headline;
    /** True when the headline threshold was picked from the data (no --threshold): the comparison is exploratory. */
    final boolean exploratory;
    final List<GroupResult> groupResults;
    private final Map<List<String>, GroupResult> byGroup;
    final List<TimeComparison> headlineComparisons;
    final List<List<PairedComparison>> measureComparisons;
    /** Per arm: does its headline effect change across cells. */
    final List<EffectHeterogeneity> heterogeneity;

    /** The analysis of every run in {@code data}, each cell computed here. */
    static Analysis of(Study study, AnalysisPlan plan, StudyData data) {
        return of(study, plan, data, cell -> null);
    }

    /** As {@link #of(Study, AnalysisPlan, StudyData)}, a cell planning only {@code plannedReplicates} (null: all; see Groups). */
    static Analysis of(Study study, AnalysisPlan plan, StudyData data,
            java.util.function.Function<List<String>, Integer> plannedReplicates) {
        Groups groups = Groups.of(study, plan, data.trials, plannedReplicates);
        long trained = data.trials.stream().filter(TrialRecord::trained).count();
        long[] reached = new long[plan.thresholds().size()];
        for (int i = 0; i < reached.length; i++) {
            int threshold = i;
            reached[i] = data.trials.stream().filter(r -> r.trained() && r.reached(threshold)).count();
        }
        CellStatistics.Context context = context(plan, groups, trained, reached);
        List<CellStatistics> cells = new ArrayList<>();
        for (List<String> cell : groups.cells) {
            cells.add(CellStatistics.of(context, cell, groups.trials.get(cell)));
        }
        return new Analysis(study, plan, data, groups, context, cells);
    }

    /**
     * What each cell's statistics need from the whole study: the reference arm (refused here, before
     * any cell is computed, when it is not an arm) and the headline threshold, chosen from
     * {@code trained} runs of which {@code reached[i]} reached threshold i when the plan names none.
     */
    static CellStatistics.Context context(AnalysisPlan plan, Groups groups, long trained, long[] reached) {
        String reference = plan.reference().orElse(groups.arms.get(0));
        if (!groups.arms.contains(reference)) {
            throw new IllegalArgumentException(plan.referenceSource() + " " + reference + ": not a value of " + plan.compare().name()
                    + "; its values are " + groups.arms);
        }
        int headline = plan.headlineThreshold().map(t -> plan.thresholds().indexOf(t))
                .orElseGet(() -> defaultHeadline(plan.thresholds(), trained, reached));
        return new CellStatistics.Context(List.copyOf(plan.thresholds()), groups.arms, reference, headline, plan.level(),
                plan.seed(), plan.secondary().stream().map(Measure::ofColumn).toList(),
                new java.util.HashMap<>(plan.smallestEffect()), groups.planned());
    }

    /**
     * The study's analysis from its cells' statistics (computed here or in Spark tasks, with
     * {@code context}): the Holm corrections over every cell and the heterogeneity of each arm's
     * effect across cells. {@code data} may hold no runs (they stayed on the executors): the
     * groups then only name the cells and arms.
     */
    Analysis(Study study, AnalysisPlan plan, StudyData data, Groups groups, CellStatistics.Context context,
            List<CellStatistics> cells) {
        this.study = study;
        this.plan = plan;
        this.data = data;
        this.level = context.level();
        this.compared = context.compared();
        this.groups = groups;
        this.reference = context.reference();
        this.exploratory = plan.thresholdSource().isEmpty();
        this.headline = context.headline();
        Map<List<String>, CellStatistics> byCell = new LinkedHashMap<>();
        cells.forEach(c -> byCell.put(c.cell, c));
        List<GroupResult> results = new ArrayList<>();
        Map<List<String>, GroupResult> index = new LinkedHashMap<>();
        List<TimeComparison> timeFamily = new ArrayList<>();
        List<List<PairedComparison>> families = new ArrayList<>();
        compared.forEach(m -> families.add(new ArrayList<>()));
        for (List<String> cell : groups.cells) {
            CellStatistics c = byCell.get(cell);
            if (c == null) {
                throw new IllegalStateException("no statistics for cell " + cell);
            }
            for (GroupResult g : c.groups) {
                results.add(g);
                index.put(g.factors(), g);
            }
            timeFamily.addAll(c.headline);
            for (int m = 0; m < families.size(); m++) {
                families.get(m).addAll(c.measures.get(m));
            }
        }
        this.groupResults = List.copyOf(results);
        this.byGroup = index;
        this.headlineComparisons = headline < 0 ? List.of() : holmTimes(timeFamily);
        List<String> others = groups.arms.stream().filter(x -> !x.equals(reference)).toList();
        this.heterogeneity = EffectHeterogeneity.of(headlineComparisons, others, level);
        this.measureComparisons = families.stream().map(Analysis::holmMeasures).toList();
    }

    /** The primary family: every row's sign test and log-rank test, corrected together. */
    private static List<TimeComparison> holmTimes(List<TimeComparison> family) {
        int k = family.size();
        double[] p = new double[2 * k];
        for (int i = 0; i < k; i++) {
            // a row without an ordered pair (all tied) tests nothing: it is not counted in the family
            SignTest sign = family.get(i).signTest;
            p[i] = sign.n() == 0 ? Double.NaN : sign.pValue();
            p[k + i] = family.get(i).logRankP;
        }
        double[] adjusted = HolmCorrection.adjust(p);
        List<TimeComparison> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(family.get(i).withHolm(adjusted[i], adjusted[k + i]));
        }
        return List.copyOf(out);
    }

    private static List<PairedComparison> holmMeasures(List<PairedComparison> family) {
        double[] adjusted = HolmCorrection.adjust(family.stream().mapToDouble(c -> c.test.pValue()).toArray());
        List<PairedComparison> out = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            out.add(family.get(i).withHolm(adjusted[i]));
        }
        return List.copyOf(out);
    }

    /** The p-values the headline's Holm correction counted: sign tests and log-rank tests with a p. */
    long primaryFamilySize() {
        return headlineComparisons.stream().mapToLong(c -> (c.signTest.n() == 0 || Double.isNaN(c.signTest.pValue()) ? 0 : 1)
                + (Double.isNaN(c.logRankP) ? 0 : 1)).sum();
    }

    /**
     * Without --threshold: the tightest threshold that at least half the trained runs reached,
     * so the headline compares times most runs have; failing that, the loosest. -1 when the study
     * records no threshold. Chosen from the data, so the comparison is labelled exploratory.
     */
    static int defaultHeadline(List<Double> t, long trained, long[] reached) {
        if (t.isEmpty()) {
            return -1;
        }
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        int loosest = 0;
        for (int i = 0; i < t.size(); i++) {
            if (trained > 0 && 2 * reached[i] >= trained && t.get(i) < bestValue) {
                best = i;
                bestValue = t.get(i);
            }
            if (t.get(i) > t.get(loosest)) {
                loosest = i;
            }
        }
        return best >= 0 ? best : loosest;
    }

    GroupResult group(List<String> cell, String arm) {
        List<String> key = new ArrayList<>();
        key.add(arm);
        key.addAll(cell);
        GroupResult g = byGroup.get(key);
        if (g == null) {
            throw new IllegalArgumentException("no group " + cell + " " + arm);
        }
        return g;
    }

    /** "depth=8, lr=0.1", or "all trials" when there are no --by factors. */
    String cellLabel(List<String> cell) {
        return cellLabel(cell, 0);
    }

    /** The label of the --by factors' values from the {@code first}-th factor on. */
    String cellLabel(List<String> values, int first) {
        return cellLabel(plan, values, first);
    }

    /** As {@link #cellLabel(List, int)}, for a plan without an analysis (adaptive replication's rounds). */
    static String cellLabel(AnalysisPlan plan, List<String> values, int first) {
        if (values.isEmpty()) {
            return "all trials";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(plan.by().get(first + i).name() + "=" + values.get(i));
        }
        return String.join(", ", parts);
    }

    /** The position of {@code column}'s factor in a trial's factors (0 = compare), or -1. */
    int factorIndex(String column) {
        if (plan.compare().columns().equals(List.of(column))) {
            return 0;
        }
        for (int i = 0; i < plan.by().size(); i++) {
            if (plan.by().get(i).columns().equals(List.of(column))) {
                return i + 1;
            }
        }
        return -1;
    }
}
