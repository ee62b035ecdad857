package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.Turnbull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's times to one loss threshold: one {@link TimeToEvent} per run that has a time (every
 * run but a failed one; a timed-out run is censored where it stopped), and the same as arrays for
 * the Kaplan-Meier estimate. A censored time is where the run was last seen not there, never a
 * number nudged past it: Kaplan-Meier already counts a censored run at risk at its own time.
 */
final class TimeToThreshold {
    final List<TimeToEvent> runs;
    final double[] epochs;
    /** The same times in optimiser steps. */
    final double[] steps;
    final boolean[] reached;

    private TimeToThreshold(List<TimeToEvent> runs) {
        this.runs = List.copyOf(runs);
        this.epochs = runs.stream().mapToDouble(TimeToEvent::epoch).toArray();
        this.steps = runs.stream().mapToDouble(r -> (double) r.step()).toArray();
        this.reached = new boolean[runs.size()];
        for (int i = 0; i < reached.length; i++) {
            reached[i] = runs.get(i).reached();
        }
    }

    static TimeToThreshold of(List<TrialRecord> group, int threshold) {
        List<TimeToEvent> runs = new ArrayList<>();
        for (TrialRecord t : group) {
            TimeToEvent e = TimeToEvent.of(t, threshold);
            if (e != null) {
                runs.add(e);
            }
        }
        return new TimeToThreshold(runs);
    }

    /**
     * The NPMLE of the time to the threshold from the intervals the evaluation points allow: a
     * reached run got there in (evaluation before, evaluation that saw it], a censored one after its
     * time. Null when a run reached it at initialisation (an interval of zero width) or there are no runs.
     */
    Turnbull turnbull() {
        if (runs.isEmpty()) {
            return null;
        }
        double[] left = new double[runs.size()];
        double[] right = new double[runs.size()];
        for (int i = 0; i < left.length; i++) {
            TimeToEvent r = runs.get(i);
            if (r.reached()) {
                if (!(r.previousEpoch() < r.epoch())) {
                    return null;
                }
                left[i] = r.previousEpoch();
                right[i] = r.epoch();
            } else {
                left[i] = r.epoch();
                right[i] = Double.POSITIVE_INFINITY;
            }
        }
        return Turnbull.fit(left, right);
    }

    int reachedCount() {
        int k = 0;
        for (boolean r : reached) {
            k += r ? 1 : 0;
        }
        return k;
    }

    /** Pair key (the replicate, or the seeds a crossed design sets) -> its run: one run per key within a group. */
    Map<PairKey, TimeToEvent> byReplicate() {
        Map<PairKey, TimeToEvent> index = new HashMap<>();
        for (TimeToEvent r : runs) {
            index.put(r.pair(), r);
        }
        return index;
    }
}
