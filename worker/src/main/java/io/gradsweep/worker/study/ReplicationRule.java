package io.gradsweep.worker.study;

import java.util.Map;

/**
 * Adaptive replication: start every cell at {@code min} replicates and add {@code step} at a time,
 * only to the cells whose primary paired effect's interval is still wider than
 * {@code halfWidth} (half its width, in the primary measure's unit: epochs), up to {@code max}.
 * Written in a study as {@code replicates: {min: 5, max: 20, step: 5, half_width: 1.0}}.
 */
public record ReplicationRule(int min, int max, int step, double halfWidth) {
    static final java.util.List<String> KEYS = java.util.List.of("min", "max", "step", "half_width");

    /** The replicates a cell gets after {@code current}: one step more, never beyond max. */
    public int next(int current) {
        return Math.min(max, current + step);
    }

    /** The canonical form the study hash covers. */
    Map<String, Object> canonical() {
        return Map.of("min", (long) min, "max", (long) max, "step", (long) step, "half_width", halfWidth);
    }

    @Override
    public String toString() {
        return "from " + min + " to " + max + " replicates per cell in steps of " + step
                + ", until the primary effect's interval half-width is at most " + NumberText.of(halfWidth);
    }
}
