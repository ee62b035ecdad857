package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.KaplanMeier;
import io.gradsweep.driver.stats.MedianInterval;
import io.gradsweep.driver.stats.Streams;
import io.gradsweep.driver.stats.Summary;
import io.gradsweep.driver.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The statistics of one group (a cell and an arm): completeness, divergence, measures, time to each threshold. */
final class GroupResult implements java.io.Serializable {
    final List<String> cell;
    final String arm;
    final GroupCounts counts;
    /** Diverged among the runs that trained (ok + diverged). */
    final WilsonInterval divergence;
    final Map<Measure, Summary> measures = new EnumMap<>(Measure.class);
    /** The same measures' medians with their binomial order-statistic intervals (coverage at least 95% at any n). */
    final Map<Measure, MedianInterval> medians = new EnumMap<>(Measure.class);
    /** Per study threshold, in order. */
    final List<ThresholdTimes> times = new ArrayList<>();
    final List<KaplanMeier> survival = new ArrayList<>();
    /** The same curves in optimiser steps. */
    final List<KaplanMeier> survivalSteps = new ArrayList<>();
    /** The optimiser steps per epoch every run of the group took that stepped; NaN when none did or they differ. */
    final double stepsPerEpoch;

    /** The arm, then the cell's values: a trial's factors. */
    List<String> factors() {
        List<String> f = new ArrayList<>();
        f.add(arm);
        f.addAll(cell);
        return f;
    }

    GroupResult(List<String> cell, String arm, List<TrialRecord> group, GroupCounts counts, int thresholds, long seed) {
        this.cell = cell;
        this.arm = arm;
        this.counts = counts;
        this.divergence = WilsonInterval.of(counts.diverged(), counts.ok() + counts.diverged());
        for (Measure m : Measure.values()) {
            double[] values = group.stream().filter(TrialRecord::trained).mapToDouble(m::of).toArray();
            // each row its own stream: adding a measure or a group leaves the other rows' intervals as they were
            measures.put(m, Summary.of(values, Streams.derive(seed, "measures|" + cell + "|" + arm + "|" + m.column())));
            medians.put(m, MedianInterval.orderStatistic(values, 0.95));
        }
        for (int i = 0; i < thresholds; i++) {
            TimeToThreshold t = TimeToThreshold.of(group, i);
            times.add(ThresholdTimes.of(t));
            survival.add(KaplanMeier.fit(t.epochs, t.reached));
            survivalSteps.add(KaplanMeier.fit(t.steps, t.reached));
        }
        this.stepsPerEpoch = TrialRecord.shared(group, r -> r.stepsPerEpoch);
    }

}
