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

    /**
     * The progress line of a round about to train: "round 1: 8 cells get 5 replicates, 80 trials to
     * train", then "round 2: 3 of 8 cells settled, 0 at the maximum, 5 get 10 replicates, 40 trials
     * to train" ({@code previous}: the decision after the round before, null for round 1).
     */
    public static String describe(int round, Map<List<String>, Cell> previous, Map<List<String>, Integer> replicates,
            long toTrain) {
        StringBuilder s = new StringBuilder("round ").append(round).append(": ");
        Map<Integer, Integer> open = new java.util.TreeMap<>();
        if (previous == null) {
            replicates.values().forEach(n -> open.merge(n, 1, Integer::sum));
        } else {
            long settled = previous.values().stream().filter(c -> c.state() == State.SETTLED).count();
            long atMax = previous.values().stream().filter(c -> c.state() == State.AT_MAX).count();
            s.append(settled).append(" of ").append(previous.size()).append(" cells settled, ").append(atMax)
                    .append(" at the maximum, ");
            previous.values().stream().filter(c -> c.state() == State.OPEN).forEach(c -> open.merge(c.next(), 1, Integer::sum));
        }
        List<String> parts = new java.util.ArrayList<>();
        open.forEach((n, cells) -> parts.add(cells + (previous == null ? cells == 1 ? " cell" : " cells" : "")
                + (cells == 1 ? " gets " : " get ") + n + " replicates"));
        return s.append(String.join(", ", parts)).append(", ").append(toTrain).append(" trials to train").toString();
    }

    /**
     * The replicates a cell is likely to need, from a pilot's {@code n} pairs and half-width: an
     * interval's width shrinks as 1 / sqrt(n) (the normal approximation), so n x (hw / target)^2,
     * rounded up to a round's count (min + k x step) and at most max. An open bound (infinite or
     * NaN half-width) gives the maximum: nothing says fewer will do.
     */
    public static int likelyNeeded(ReplicationRule rule, int n, double halfWidth) {
        if (!Double.isFinite(halfWidth) || n <= 0) {
            return rule.max();
        }
        double needed = n * Math.pow(halfWidth / rule.halfWidth(), 2);
        int replicates = rule.min();
        while (replicates < needed && replicates < rule.max()) {
            replicates = rule.next(replicates);
        }
        return replicates;
    }

    /** True when no cell will train more. */
    public static boolean finished(Map<List<String>, Cell> round) {
        return round.values().stream().noneMatch(c -> c.state() == State.OPEN);
    }
}
