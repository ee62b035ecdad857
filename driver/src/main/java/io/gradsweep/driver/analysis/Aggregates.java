package io.gradsweep.driver.analysis;

import io.gradsweep.driver.stats.PerformanceProfile;
import io.gradsweep.driver.stats.StratifiedBootstrap;
import io.gradsweep.driver.stats.Streams;
import java.util.ArrayList;
import java.util.List;

/**
 * Each arm over all cells at once, in the manner of rliable (Agarwal et al. 2021): the
 * interquartile mean of a measure over every run of every cell, with a stratified bootstrap
 * interval (runs resampled within their cell), and the performance profile of the headline
 * threshold: the fraction of the arm's runs that reached it by each epoch, with pointwise bands.
 */
final class Aggregates {
    static final int RESAMPLES = 2000;

    record Iqm(String arm, Measure measure, StratifiedBootstrap value) {
    }

    record Profile(String arm, PerformanceProfile profile) {
    }

    final List<Iqm> iqms;
    final List<Profile> profiles;
    /** The epochs the profiles are read at: at most 10 evenly spaced epochs up to the largest budget. */
    final double[] at;

    private Aggregates(List<Iqm> iqms, List<Profile> profiles, double[] at) {
        this.iqms = List.copyOf(iqms);
        this.profiles = List.copyOf(profiles);
        this.at = at;
    }

    static Aggregates of(Analysis a, List<Measure> measures) {
        List<Iqm> iqms = new ArrayList<>();
        for (Measure m : measures) {
            for (String arm : a.groups.arms) {
                double[][] perCell = new double[a.groups.cells.size()][];
                for (int c = 0; c < perCell.length; c++) {
                    perCell[c] = a.groups.get(a.groups.cells.get(c), arm).stream().filter(TrialRecord::trained)
                            .mapToDouble(m::of).toArray();
                }
                iqms.add(new Iqm(arm, m, StratifiedBootstrap.iqm(perCell,
                        Streams.derive(a.plan.seed(), "iqm|" + m.column() + "|" + arm), RESAMPLES, 1 - a.level)));
            }
        }
        List<Profile> profiles = new ArrayList<>();
        double budget = 0;
        for (TrialRecord t : a.data.trials) {
            double b = t.budgetEpochs();
            if (Double.isFinite(b)) {
                budget = Math.max(budget, b);
            }
        }
        int points = (int) Math.min(10, Math.ceil(budget));
        double[] at = new double[points];
        for (int i = 0; i < points; i++) {
            at[i] = budget * (i + 1) / points;
        }
        if (a.headline >= 0 && points > 0) {
            for (String arm : a.groups.arms) {
                List<Double> times = new ArrayList<>();
                List<Boolean> reached = new ArrayList<>();
                for (List<String> cell : a.groups.cells) {
                    for (TimeToEvent e : TimeToThreshold.of(a.groups.get(cell, arm), a.headline).runs) {
                        times.add(e.epoch());
                        reached.add(e.reached());
                    }
                }
                boolean[] r = new boolean[reached.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = reached.get(i);
                }
                profiles.add(new Profile(arm, PerformanceProfile.timeToThreshold(
                        times.stream().mapToDouble(Double::doubleValue).toArray(), r, at, 1 - a.level)));
            }
        }
        return new Aggregates(iqms, profiles, at);
    }
}
