package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.HolmCorrection;
import io.gradsweep.driver.stats.SignTest;
import io.gradsweep.driver.stats.Streams;
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

    Analysis(Study study, AnalysisPlan plan, StudyData data) {
        this(study, plan, data, cell -> null);
    }

    /** As {@link #Analysis(Study, AnalysisPlan, StudyData)}, a cell planning only {@code plannedReplicates} (null: all; see Groups). */
    Analysis(Study study, AnalysisPlan plan, StudyData data,
            java.util.function.Function<List<String>, Integer> plannedReplicates) {
        this.study = study;
        this.plan = plan;
        this.data = data;
        this.level = plan.level();
        this.compared = plan.secondary().stream().map(Measure::ofColumn).toList();
        this.groups = Groups.of(study, plan, data.trials, plannedReplicates);
        this.reference = plan.reference().orElse(groups.arms.get(0));
        if (!groups.arms.contains(reference)) {
            throw new IllegalArgumentException(plan.referenceSource() + " " + reference + ": not a value of " + plan.compare().name()
                    + "; its values are " + groups.arms);
        }
        this.exploratory = plan.thresholdSource().isEmpty();
        this.headline = plan.headlineThreshold().map(t -> plan.thresholds().indexOf(t)).orElseGet(this::defaultHeadline);
        List<GroupResult> results = new ArrayList<>();
        Map<List<String>, GroupResult> index = new LinkedHashMap<>();
        for (List<String> cell : groups.cells) {
            for (String arm : groups.arms) {
                GroupResult g = new GroupResult(cell, arm, groups.get(cell, arm), groups.counts(cell, arm),
                        plan.thresholds().size(), plan.seed());
                results.add(g);
                index.put(g.factors(), g);
            }
        }
        this.groupResults = List.copyOf(results);
        this.byGroup = index;
        this.headlineComparisons = headline < 0 ? List.of() : timeComparisons(headline);
        List<String> others = groups.arms.stream().filter(x -> !x.equals(reference)).toList();
        this.heterogeneity = EffectHeterogeneity.of(headlineComparisons, others, level);
        List<List<PairedComparison>> families = new ArrayList<>();
        for (Measure m : compared) {
            List<PairedComparison> family = new ArrayList<>();
            for (List<String> cell : groups.cells) {
                for (String arm : groups.arms) {
                    if (!arm.equals(reference)) {
                        family.add(PairedComparison.of(m, cell, arm, reference, groups.get(cell, arm),
                                groups.get(cell, reference), expectedPairs(group(cell, arm), group(cell, reference)), level,
                                plan.smallestEffect().get(m.column())));
                    }
                }
            }
            families.add(holmMeasures(family));
        }
        this.measureComparisons = List.copyOf(families);
    }

    private List<TimeComparison> timeComparisons(int threshold) {
        double t = plan.thresholds().get(threshold);
        String quantity = "epochs to train loss " + t;
        List<TimeComparison> family = new ArrayList<>();
        for (List<String> cell : groups.cells) {
            GroupResult ref = group(cell, reference);
            for (String arm : groups.arms) {
                if (!arm.equals(reference)) {
                    GroupResult a = group(cell, arm);
                    family.add(TimeComparison.of(quantity, cell, arm, reference, t, a.times.get(threshold),
                            ref.times.get(threshold), budgetEpochs(cell, arm), expectedPairs(a, ref), level,
                            Streams.derive(plan.seed(), "logrank|" + t + "|" + cell + "|" + arm),
                            timeMargin(cell, arm)));
                }
            }
        }
        // the primary family: every row's sign test and log-rank test, corrected together
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
     * The smallest difference in epochs to a threshold that matters: the study's
     * analysis.smallest_effect.epochs, else the widest gap between evaluation points of the two arms'
     * runs (a crossing cannot be placed more finely, so a smaller difference cannot be told from none).
     */
    double timeMargin(List<String> cell, String arm) {
        Double declared = plan.smallestEffect().get(io.gradsweep.worker.study.AnalysisSpec.EPOCHS);
        if (declared != null) {
            return declared;
        }
        double widest = 0;
        for (String x : List.of(arm, reference)) {
            for (TrialRecord r : groups.get(cell, x)) {
                for (int i = 1; i < r.evalSteps.length; i++) {
                    widest = Math.max(widest, r.epochOf(r.evalSteps[i]) - r.epochOf(r.evalSteps[i - 1]));
                }
            }
        }
        return widest;
    }

    /** The budget in epochs shared by every run of the arm and the reference in the cell; NaN if they differ. */
    private double budgetEpochs(List<String> cell, String arm) {
        double budget = Double.NaN;
        for (String x : List.of(arm, reference)) {
            for (TrialRecord r : groups.get(cell, x)) {
                double b = r.budgetEpochs();
                if (Double.isNaN(b)) {
                    continue;
                }
                if (Double.isNaN(budget)) {
                    budget = b;
                } else if (Math.abs(b - budget) > 1e-9 * budget) {
                    return Double.NaN;
                }
            }
        }
        return budget;
    }

    private static int expectedPairs(GroupResult a, GroupResult ref) {
        return (int) Math.min(a.counts.expected(), ref.counts.expected());
    }

    /**
     * Without --threshold: the tightest threshold that at least half the trained runs reached,
     * so the headline compares times most runs have; failing that, the loosest. -1 when the study
     * records no threshold. Chosen from the data, so the comparison is labelled exploratory.
     */
    private int defaultHeadline() {
        List<Double> t = plan.thresholds();
        if (t.isEmpty()) {
            return -1;
        }
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        int loosest = 0;
        for (int i = 0; i < t.size(); i++) {
            long trained = 0;
            long reached = 0;
            for (TrialRecord r : data.trials) {
                if (r.trained()) {
                    trained++;
                    reached += r.reached(i) ? 1 : 0;
                }
            }
            if (trained > 0 && 2 * reached >= trained && t.get(i) < bestValue) {
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
