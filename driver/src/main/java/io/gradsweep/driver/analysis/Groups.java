package io.gradsweep.driver.analysis;

import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trials sorted into cells (a combination of the --by factors' values) and arms (a value of
 * the --compare factor), both in grid order, with how many trials the study plans for each.
 */
final class Groups {
    /** Cell -> arm -> trials of that group, in grid order. */
    final Map<List<String>, Map<String, List<TrialRecord>>> trials = new LinkedHashMap<>();
    final List<String> arms;
    final List<List<String>> cells;
    private final Map<List<String>, Long> expected = new LinkedHashMap<>();

    private Groups(List<String> arms, List<List<String>> cells) {
        this.arms = arms;
        this.cells = cells;
    }

    /**
     * Walks the study's grid once (lazily: the driver never holds all trial specs) to know every
     * group, even one with no trial done yet, and how many trials each should have.
     */
    static Groups of(Study study, AnalysisPlan plan, List<TrialRecord> records) {
        return of(study, plan, records, cell -> null);
    }

    /**
     * As {@link #of(Study, AnalysisPlan, List)}, where a cell plans only the replicates below
     * {@code replicates.apply(cell)} (null: all): an adaptive study's cells plan what its rounds gave them.
     */
    static Groups of(Study study, AnalysisPlan plan, List<TrialRecord> records,
            java.util.function.Function<List<String>, Integer> replicates) {
        Set<String> arms = new LinkedHashSet<>();
        Set<List<String>> cells = new LinkedHashSet<>();
        Map<List<String>, Long> expected = new LinkedHashMap<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext();) {
            StudyTrial t = it.next();
            List<String> factors = factorsOf(t, plan);
            List<String> cell = factors.subList(1, factors.size());
            arms.add(factors.get(0));
            cells.add(cell);
            Integer planned = replicates.apply(cell);
            if (planned == null || t.index() % study.replicates() < planned) {
                expected.merge(factors, 1L, Long::sum);
            }
        }
        Groups g = new Groups(List.copyOf(arms), List.copyOf(cells));
        g.expected.putAll(expected);
        for (List<String> cell : g.cells) {
            Map<String, List<TrialRecord>> byArm = new LinkedHashMap<>();
            for (String arm : g.arms) {
                byArm.put(arm, new ArrayList<>());
            }
            g.trials.put(cell, byArm);
        }
        for (TrialRecord r : records) {
            Map<String, List<TrialRecord>> byArm = g.trials.get(r.cell());
            if (byArm == null || !byArm.containsKey(r.arm())) {
                throw new IllegalStateException("a trial in the tables (grid index " + r.gridIndex + ", " + r.factors
                        + ") is not in the study's grid: the folder's tables and its manifest disagree");
            }
            byArm.get(r.arm()).add(r);
        }
        return g;
    }

    /**
     * The values of {@code f} in grid order, as {@link #of} names the arms, found from the study
     * alone (no table read): the grid is walked lazily and only until every one of the dimension's
     * {@code size} values has been seen, so this is quick for a grid of any size.
     */
    static List<String> values(Study study, Factor f, int size) {
        Set<String> values = new LinkedHashSet<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext() && values.size() < size;) {
            values.add(label(it.next(), f));
        }
        return List.copyOf(values);
    }

    /** The cell a trial belongs to: its --by factors' values, as {@link TrialRecord#cell} names them. */
    static List<String> cellOf(StudyTrial t, AnalysisPlan plan) {
        List<String> factors = factorsOf(t, plan);
        return factors.subList(1, factors.size());
    }

    private static List<String> factorsOf(StudyTrial t, AnalysisPlan plan) {
        List<String> values = new ArrayList<>();
        values.add(label(t, plan.compare()));
        for (Factor f : plan.by()) {
            values.add(label(t, f));
        }
        return List.copyOf(values);
    }

    /** The same text Spark's CAST(... AS STRING) gives: String.valueOf of the canonical setting. */
    private static String label(StudyTrial t, Factor f) {
        List<String> parts = new ArrayList<>();
        for (String column : f.columns()) {
            parts.add(String.valueOf(t.spec().settings().get(column)));
        }
        return String.join("+", parts);
    }

    List<TrialRecord> get(List<String> cell, String arm) {
        return trials.get(cell).get(arm);
    }

    GroupCounts counts(List<String> cell, String arm) {
        return GroupCounts.of(expected(cell, arm), get(cell, arm));
    }

    /** The trials the study plans for the group. */
    long expected(List<String> cell, String arm) {
        return expected.getOrDefault(CellStatistics.factors(arm, cell), 0L);
    }

    /** Every group's planned trials, by its factors (arm, then the cell's values). */
    Map<List<String>, Long> planned() {
        return Map.copyOf(expected);
    }
}
