package io.gradsweep.driver.sweep;

import io.gradsweep.worker.study.ReplicationRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision of adaptive replication: given each cell's replicates so far and the half-width of
 * its primary paired effect's interval, which cells are settled, which are at the maximum without
 * being settled, and how many replicates the others get next round. A pure function of its
 * inputs, so the same tables give the same rounds; a settled cell keeps what it has.
 *
 * <p>It stops on precision, not on significance: adding replicates until a test says "different"
 * and stopping there inflates the false-positive rate (optional stopping), while a target for the
 * interval's width does not depend on which way the effect points.
 */
public final class AdaptiveRounds {
    /** Where a cell stands after a round. */
    public enum State { SETTLED, AT_MAX, OPEN }

    /** A cell's replicates, interval half-width (NaN: no interval yet) and state; {@code next} is what it trains to. */
    public record Cell(List<String> cell, int replicates, double halfWidth, State state, int next) {
    }

    private AdaptiveRounds() {
    }

    /**
     * @param replicates per cell, the replicates trained so far
     * @param halfWidths per cell, the primary effect's interval half-width now (NaN or absent: none yet, so not settled)
     */
    public static Map<List<String>, Cell> decide(ReplicationRule rule, Map<List<String>, Integer> replicates,
            Map<List<String>, Double> halfWidths) {
        Map<List<String>, Cell> out = new LinkedHashMap<>();
        replicates.forEach((cell, n) -> {
            double hw = halfWidths.getOrDefault(cell, Double.NaN);
            State state = hw <= rule.halfWidth() ? State.SETTLED : n >= rule.max() ? State.AT_MAX : State.OPEN;
            out.put(cell, new Cell(cell, n, hw, state, state == State.OPEN ? rule.next(n) : n));
        });
        return out;
    }

    /** True when no cell will train more. */
    public static boolean finished(Map<List<String>, Cell> round) {
        return round.values().stream().noneMatch(c -> c.state() == State.OPEN);
    }
}
