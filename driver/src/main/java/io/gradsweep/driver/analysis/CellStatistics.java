package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.Streams;
import io.gradsweep.worker.study.AnalysisSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one cell, computed from its runs alone: each arm's group result, and each
 * arm's comparisons with the reference, before the Holm correction (which needs every cell's
 * p-values: {@link Analysis} applies it). The same code runs on the driver, for a study it reads
 * run by run, and in a Spark task per cell otherwise ({@link CellTasks}); since every random
 * stream is derived from the row's own labels, the two give the same numbers. Nothing in it grows
 * with the runs, so the driver holds per-cell results only. Public only because Spark encodes it.
 */
public final class CellStatistics implements java.io.Serializable {
    /**
     * What every cell needs from the whole study: chosen before any cell is computed, the same for all.
     * {@code planned} maps a group's factors (arm, then the cell's values) to the trials the study plans for it.
     */
    record Context(List<Double> thresholds, List<String> arms, String reference, int headline, double level, long seed,
                   List<Measure> compared, Map<String, Double> smallestEffect, Map<List<String>, Long> planned)
            implements java.io.Serializable {
    }

    final List<String> cell;
    /** Per arm, in the study's arm order. */
    final List<GroupResult> groups;
    /** The headline comparisons (empty without a headline threshold), per arm other than the reference; not yet Holm-corrected. */
    final List<TimeComparison> headline;
    /** Per compared measure, per arm other than the reference; not yet Holm-corrected. */
    final List<List<PairedComparison>> measures;

    private CellStatistics(List<String> cell, List<GroupResult> groups, List<TimeComparison> headline,
                           List<List<PairedComparison>> measures) {
        this.cell = cell;
        this.groups = groups;
        this.headline = headline;
        this.measures = measures;
    }

    /** {@code byArm}: every arm of the study -> the cell's runs of it, in grid order. */
    static CellStatistics of(Context c, List<String> cellValues, Map<String, List<TrialRecord>> byArm) {
        List<String> cell = List.copyOf(cellValues); // the results keep it: a copy, serialisable, not a view of a run's factors
        List<GroupResult> groups = new ArrayList<>();
        for (String arm : c.arms()) {
            List<TrialRecord> runs = byArm.getOrDefault(arm, List.of());
            long planned = c.planned().getOrDefault(factors(arm, cell), 0L);
            groups.add(new GroupResult(cell, arm, runs, GroupCounts.of(planned, runs), c.thresholds().size(), c.seed()));
        }
        GroupResult ref = groups.get(c.arms().indexOf(c.reference()));
        List<TimeComparison> headline = new ArrayList<>();
        List<List<PairedComparison>> measures = new ArrayList<>();
        c.compared().forEach(m -> measures.add(new ArrayList<>()));
        for (int i = 0; i < c.arms().size(); i++) {
            String arm = c.arms().get(i);
            if (arm.equals(c.reference())) {
                continue;
            }
            List<TrialRecord> runs = byArm.getOrDefault(arm, List.of());
            List<TrialRecord> refRuns = byArm.getOrDefault(c.reference(), List.of());
            int expectedPairs = (int) Math.min(groups.get(i).counts.expected(), ref.counts.expected());
            if (c.headline() >= 0) {
                double t = c.thresholds().get(c.headline());
                headline.add(TimeComparison.of("epochs to train loss " + t, cell, arm, c.reference(), t,
                        TimeToThreshold.of(runs, c.headline()), TimeToThreshold.of(refRuns, c.headline()),
                        budgetEpochs(runs, refRuns), expectedPairs, c.level(),
                        Streams.derive(c.seed(), "logrank|" + t + "|" + cell + "|" + arm), timeMargin(c, runs, refRuns)));
            }
            for (int m = 0; m < c.compared().size(); m++) {
                Measure measure = c.compared().get(m);
                measures.get(m).add(PairedComparison.of(measure, cell, arm, c.reference(), runs, refRuns, expectedPairs,
                        c.level(), c.smallestEffect().get(measure.column())));
            }
        }
        return new CellStatistics(cell, List.copyOf(groups), List.copyOf(headline),
                measures.stream().map(List::copyOf).toList());
    }

    static List<String> factors(String arm, List<String> cell) {
        List<String> f = new ArrayList<>();
        f.add(arm);
        f.addAll(cell);
        return List.copyOf(f);
    }

    /**
     * The smallest difference in epochs to a threshold that matters: the study's
     * analysis.smallest_effect.epochs, else the widest gap between evaluation points of the two arms'
     * runs (a crossing cannot be placed more finely, so a smaller difference cannot be told from none).
     */
    private static double timeMargin(Context c, List<TrialRecord> runs, List<TrialRecord> refRuns) {
        Double declared = c.smallestEffect().get(AnalysisSpec.EPOCHS);
        if (declared != null) {
            return declared;
        }
        double widest = 0;
        for (List<TrialRecord> side : List.of(runs, refRuns)) {
            for (TrialRecord r : side) {
                for (int i = 1; i < r.evalSteps.length; i++) {
                    widest = Math.max(widest, r.epochOf(r.evalSteps[i]) - r.epochOf(r.evalSteps[i - 1]));
                }
            }
        }
        return widest;
    }

    /** The budget in epochs shared by every run of the arm and the reference in the cell; NaN if they differ. */
    private static double budgetEpochs(List<TrialRecord> runs, List<TrialRecord> refRuns) {
        List<TrialRecord> both = new ArrayList<>(runs);
        both.addAll(refRuns);
        return TrialRecord.shared(both, TrialRecord::budgetEpochs);
    }
}
