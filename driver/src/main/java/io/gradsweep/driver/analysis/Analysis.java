package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.HolmCorrection;
import io.gradsweep.worker.study.Study;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a study: per group, and per paired comparison of each arm with the reference
 * arm in each cell. The headline family (epochs to the headline threshold) and each measure's
 * family are Holm-corrected separately, each over all its cells and arms.
 */
final class Analysis {
    /** Measures compared pairwise besides the time to threshold: they have no censoring. */
    static final List<Measure> COMPARED = List.of(Measure.LOG_LOSS_AREA, Measure.FINAL_TEST_ACCURACY, Measure.BEST_TEST_LOSS);

    final Study study;
    final AnalysisPlan plan;
    final Groups groups;
    final StudyData data;
    final String reference;
    final int headline;
    final List<GroupResult> groupResults = new ArrayList<>();
    final List<PairedComparison> headlineComparisons = new ArrayList<>();
    final List<List<PairedComparison>> measureComparisons = new ArrayList<>();

    Analysis(Study study, AnalysisPlan plan, StudyData data) {
        this.study = study;
        this.plan = plan;
        this.data = data;
        this.groups = Groups.of(study, plan, data.trials);
        this.reference = plan.reference().orElse(groups.arms.get(0));
        if (!groups.arms.contains(reference)) {
            throw new IllegalArgumentException("--reference " + reference + ": not a value of " + plan.compare().name()
                    + "; its values are " + groups.arms);
        }
        this.headline = plan.headlineThreshold().map(t -> plan.thresholds().indexOf(t)).orElseGet(this::defaultHeadline);
        for (List<String> cell : groups.cells) {
            for (String arm : groups.arms) {
                groupResults.add(new GroupResult(cell, arm, groups.get(cell, arm), groups.counts(cell, arm),
                        plan.thresholds().size(), plan.seed()));
            }
        }
        if (headline >= 0) {
            String quantity = "epochs to train loss " + plan.thresholds().get(headline);
            for (List<String> cell : groups.cells) {
                GroupResult ref = group(cell, reference);
                for (String arm : groups.arms) {
                    if (!arm.equals(reference)) {
                        GroupResult a = group(cell, arm);
                        headlineComparisons.add(PairedComparison.ofTimes(quantity, cell, arm, reference, a.times.get(headline),
                                ref.times.get(headline), expectedPairs(a, ref), plan.seed()));
                    }
                }
            }
            holm(headlineComparisons);
        }
        for (Measure m : COMPARED) {
            List<PairedComparison> family = new ArrayList<>();
            for (List<String> cell : groups.cells) {
                for (String arm : groups.arms) {
                    if (!arm.equals(reference)) {
                        family.add(PairedComparison.ofMeasure(m, cell, arm, reference, groups.get(cell, arm),
                                groups.get(cell, reference), expectedPairs(group(cell, arm), group(cell, reference)), plan.seed()));
                    }
                }
            }
            holm(family);
            measureComparisons.add(family);
        }
    }

    private static int expectedPairs(GroupResult a, GroupResult ref) {
        return (int) Math.min(a.counts.expected(), ref.counts.expected());
    }

    /**
     * Without --threshold: the tightest threshold that at least half the trained runs reached,
     * so the headline compares times most runs have; failing that, the loosest. -1 when the study
     * records no threshold.
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

    private static void holm(List<PairedComparison> family) {
        List<PairedComparison> tested = family.stream().filter(c -> !Double.isNaN(c.wilcoxon.pValue())).toList();
        double[] p = tested.stream().mapToDouble(c -> c.wilcoxon.pValue()).toArray();
        double[] adjusted = HolmCorrection.adjust(p);
        for (int i = 0; i < adjusted.length; i++) {
            tested.get(i).holmP = adjusted[i];
        }
    }

    GroupResult group(List<String> cell, String arm) {
        for (GroupResult g : groupResults) {
            if (g.cell.equals(cell) && g.arm.equals(arm)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no group " + cell + " " + arm);
    }

    /** "depth=8, lr=0.1", or "all trials" when there are no --by factors. */
    String cellLabel(List<String> cell) {
        return cellLabel(cell, 0);
    }

    /** The label of the --by factors' values from the {@code first}-th factor on. */
    String cellLabel(List<String> values, int first) {
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
