package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.MinimumP;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sentences the report opens with, one per headline comparison, largest effect first. Each
 * says what happened in counts a reader can check (how many runs reached the threshold within the
 * budget, which run of each pair got there first), then the exact test with what n pairs can
 * show at best, so a small study is not read as a negative one.
 */
final class Findings {
    private Findings() {
    }

    /** The comparisons with the largest effect (|P(arm first) - 1/2|), at most {@code max}, in words. */
    static List<String> of(List<TimeComparison> family, java.util.function.Function<List<String>, String> cellLabel,
            boolean exploratory, double level, long familySize, int max) {
        long tested = familySize;
        List<TimeComparison> ranked = family.stream().filter(c -> c.pairs > 0)
                .sorted(Comparator.comparingDouble(TimeComparison::effectSize).reversed()
                        .thenComparing(Comparator.comparingInt((TimeComparison c) -> c.pairs).reversed()))
                .limit(max).toList();
        List<String> out = new ArrayList<>();
        for (TimeComparison c : ranked) {
            out.add(sentence(c, cellLabel.apply(c.cell), exploratory, level, tested));
        }
        if (ranked.isEmpty() && !family.isEmpty()) {
            out.add("No comparison had pairs: in every cell runs of one arm or the other are missing or failed.");
        }
        return out;
    }

    static String sentence(TimeComparison c, String cell, boolean exploratory, double level, long familySize) {
        StringBuilder s = new StringBuilder();
        String within = Double.isNaN(c.budgetEpochs) ? " within their budgets"
                : " within the " + ReportTables.num(c.budgetEpochs) + "-epoch budget";
        s.append("At ").append(cell).append(", ").append(reached(c.armReached, c.armRuns, c.arm, true))
                .append(" train loss ").append(c.threshold).append(within).append(" and ")
                .append(reached(c.referenceReached, c.referenceRuns, c.reference, false)).append("; ");
        int bothTied = c.bothReachedTies;
        int neitherTied = c.ties - bothTied;
        int n = c.signTest.n();
        if (n == 0 && c.ties > 0) {
            s.append("every one of the ").append(c.ties).append(" ordered pairs tied (");
            List<String> how = new ArrayList<>();
            if (bothTied > 0) {
                how.add(bothTied + " reached it at the same evaluation point");
            }
            if (neitherTied > 0) {
                how.add(neitherTied + " had neither run reach it within the budget");
            }
            s.append(String.join(", ", how)).append("): no difference at the evaluation points' resolution");
            if (c.undetermined > 0) {
                s.append("; ").append(undetermined(c));
            }
            return s.append(".").toString();
        }
        if (n == 0) {
            return s.append("no pair can be ordered: ").append(undetermined(c)).append(".").toString();
        }
        s.append(c.arm).append(" first in ").append(c.armFirst).append(" of ").append(c.pairs).append(" pairs");
        if (c.referenceFirst > 0) {
            s.append(", ").append(c.reference).append(" first in ").append(c.referenceFirst);
        }
        if (c.ties > 0) {
            s.append(", ").append(c.ties).append(" tied");
        }
        if (c.undetermined > 0) {
            s.append(", ").append(c.undetermined).append(" with no order (a run stopped early)");
        }
        double p = c.signTest.pValue();
        double floor = MinimumP.smallestTwoSided(n);
        s.append(" (P(").append(c.arm).append(" first) = ").append(ReportTables.num(c.armFirstProbability()))
                .append(", ").append(ReportTables.num(100 * (1 - level))).append("% CI ")
                .append(ReportTables.num(c.first.interval().lower())).append(" to ")
                .append(ReportTables.num(c.first.interval().upper()));
        s.append("; exact sign test p = ").append(ReportTables.p(p));
        if (Math.abs(p - floor) <= 1e-12 * floor) {
            s.append(", the smallest possible with ").append(n).append(n == 1 ? " ordered pair" : " ordered pairs");
        }
        if (MinimumP.cannotReach(n, level)) {
            s.append("; ").append(n).append(n == 1 ? " ordered pair" : " ordered pairs").append(" cannot reach p < ")
                    .append(ReportTables.num(level)).append(" two-sided");
        } else if (familySize > 1) {
            s.append("; Holm-corrected over the ").append(familySize).append(" primary tests: ").append(ReportTables.p(c.holmP));
        }
        s.append(")");
        if (c.bothReached.n() > 0) {
            s.append("; where both reached it (").append(c.bothReached.n()).append(c.bothReached.n() == 1 ? " pair" : " pairs")
                    .append("), ").append(c.arm).append(" minus ").append(c.reference).append(" = ")
                    .append(ReportTables.num(c.bothReached.estimate())).append(" epochs");
            if (c.bothReached.attainable()) {
                s.append(" ").append(ReportTables.ci(c.bothReached.interval()));
            }
        }
        s.append(".");
        if (exploratory) {
            s.append(" Exploratory: the threshold was chosen from the data, not declared in advance.");
        }
        return s.toString();
    }

    private static String reached(int k, int n, String arm, boolean first) {
        if (n == 0) {
            return "no " + arm + " run has a time" + (first ? " for" : "");
        }
        String verb = first ? " reached" : " did";
        if (k == n) {
            return (n == 1 ? "the one " + arm + " run" : "all " + n + " " + arm + " runs") + verb;
        }
        if (k == 0) {
            return "no " + arm + " run" + verb;
        }
        return k + " of " + n + " " + arm + " runs" + verb;
    }

    private static String undetermined(TimeComparison c) {
        return c.undetermined + (c.undetermined == 1 ? " pair has" : " pairs have")
                + " no order (a run stopped early, by target_loss or a time limit, before the other reached it)";
    }
}
