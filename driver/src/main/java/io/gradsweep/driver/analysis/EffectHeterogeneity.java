package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.Heterogeneity;
import java.util.ArrayList;
import java.util.List;

/**
 * Does an arm's advantage change across cells (e.g. ELU's lead over ReLU at depth 2 against depth
 * 6)? Cochran's Q and I^2 over the cells' RMST differences (epochs to the headline threshold, arm
 * minus reference), each weighted by its inverse variance. Cells without a difference with a
 * positive standard error (no common budget, a run stopped early, or both arms all at the budget:
 * nothing to weigh) are left out and counted.
 */
record EffectHeterogeneity(String arm, int cells, int leftOut, Heterogeneity test) {
    /** One row per arm with at least two cells to compare; none when there is one cell. */
    static List<EffectHeterogeneity> of(List<TimeComparison> family, List<String> arms, double level) {
        List<EffectHeterogeneity> out = new ArrayList<>();
        for (String arm : arms) {
            List<Double> estimates = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            int total = 0;
            for (TimeComparison c : family) {
                if (!c.arm.equals(arm)) {
                    continue;
                }
                total++;
                if (c.rmst != null && c.rmst.standardError() > 0 && Double.isFinite(c.rmst.standardError())) {
                    estimates.add(c.rmst.estimate());
                    errors.add(c.rmst.standardError());
                }
            }
            if (total < 2) {
                continue;
            }
            Heterogeneity h = estimates.size() < 2 ? null : Heterogeneity.cochranQ(
                    estimates.stream().mapToDouble(Double::doubleValue).toArray(),
                    errors.stream().mapToDouble(Double::doubleValue).toArray(), 1 - level);
            out.add(new EffectHeterogeneity(arm, estimates.size(), total - estimates.size(), h));
        }
        return List.copyOf(out);
    }
}
