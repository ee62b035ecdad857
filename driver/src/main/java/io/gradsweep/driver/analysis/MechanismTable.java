package io.gradsweep.driver.analysis;

import io.gradsweep.driver.analysis.TableBuilder.Column;
import io.gradsweep.driver.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Does lower sharpness or a smaller bias shift go with a faster time to the primary threshold?
 * Per cell, Spearman's rank correlation across runs between the time to the headline threshold
 * and each mechanism's summary of the run before anyone in the cell got there, over all arms and
 * within arms (the activation itself moves both, so the pooled figure alone would mostly compare
 * activations). Censored times are ranked, never made numbers: see {@link RankCorrelation#ranksCensoredLast}.
 */
final class MechanismTable {
    /** A candidate mechanism: its name, its summary of a run and the last step that summary covers. */
    private record Mechanism(String name, ToDoubleFunction<CurvatureData.TrialMechanism> summary,
                             ToLongFunction<CurvatureData.TrialMechanism> lastStep) {
    }

    /** A run of the cell with its time to the threshold; reached false = censored. */
    private record Run(String arm, TimeToEvent time, CurvatureData.TrialMechanism summaries) {
    }

    private MechanismTable() {
    }

    /** Empty when the study has no threshold, the analysis no headline, or no trial's summaries came back. */
    static Optional<TableBuilder> of(Analysis a, CurvatureData data) {
        if (a.headline < 0 || data.mechanism.isEmpty()) {
            return Optional.empty();
        }
        int h = a.headline;
        List<Mechanism> mechanisms = new ArrayList<>();
        if (!data.trials.isEmpty()) { // sharpness was measured
            mechanisms.add(new Mechanism("sharpness", m -> m.sharpnessBefore()[h], m -> m.sharpnessLastStep()[h]));
        }
        mechanisms.add(new Mechanism("bias shift", m -> m.shiftBefore()[h], m -> m.shiftLastStep()[h]));
        double coverage = 1 - a.plan.level();
        String percent = String.format(Locale.ROOT, "%.0f%%", 100 * coverage);
        TableBuilder table = new TableBuilder("mechanism", caption(a, percent), List.of(Column.of("cell"),
                Column.of("mechanism"), Column.of("summary over steps", "last step summarised"), Column.of("runs"),
                Column.of("reached"), Column.of("never reached (ranked last)", "never reached"), Column.of("left out"),
                Column.interval("rho, all arms [" + percent + " CI]", "rho"),
                Column.interval("rho within arms [" + percent + " CI]", "within-arm rho"),
                Column.of("within arms: runs (arms)", "within-arm runs", "within-arm arms")), 2);
        Map<Long, CurvatureData.TrialMechanism> byRun = new HashMap<>();
        for (CurvatureData.TrialMechanism m : data.mechanism) {
            byRun.put(m.gridIndex(), m);
        }
        for (List<String> cell : a.groups.cells) {
            List<Run> runs = new ArrayList<>();
            for (String arm : a.groups.arms) {
                for (TrialRecord record : a.groups.get(cell, arm)) {
                    TimeToEvent t = TimeToEvent.of(record, h); // the headline's time; null for a failed run
                    if (t != null) {
                        runs.add(new Run(arm, t, byRun.get(record.gridIndex)));
                    }
                }
            }
            if (runs.isEmpty()) {
                continue;
            }
            for (Mechanism m : mechanisms) {
                table.add(row(a, cell, m, runs, coverage));
            }
        }
        return Optional.of(table);
    }

    private static List<TableCell> row(Analysis a, List<String> cell, Mechanism m, List<Run> runs, double coverage) {
        double latest = Double.NEGATIVE_INFINITY;
        for (Run r : runs) {
            if (r.time().reached()) {
                latest = Math.max(latest, r.time().epoch());
            }
        }
        // a censored run is known to be slower than every run that got there only if it was still
        // not there at the cell's last crossing; one that stopped sooner has no known place
        List<Run> used = new ArrayList<>();
        int leftOut = 0;
        long windowEnd = -1;
        for (Run r : runs) {
            boolean placed = r.time().reached() || r.time().epoch() >= latest * (1 - 1e-9);
            double summary = r.summaries() == null ? Double.NaN : m.summary().applyAsDouble(r.summaries());
            if (placed && !Double.isNaN(summary)) {
                used.add(r);
                windowEnd = Math.max(windowEnd, m.lastStep().applyAsLong(r.summaries()));
            } else {
                leftOut++;
            }
        }
        long reached = used.stream().filter(r -> r.time().reached()).count();
        List<TableCell> row = new ArrayList<>(List.of(TableCell.text(a.cellLabel(cell)), TableCell.text(m.name()),
                windowEnd < 0 ? TableCell.none("n/a", 1) : TableCell.of(windowEnd == 0 ? "0 (initialisation)" : "0 to " + windowEnd,
                        String.valueOf(windowEnd)),
                TableCell.count(used.size()), TableCell.count(reached), TableCell.count(used.size() - reached),
                TableCell.count(leftOut)));
        if (reached == 0) {
            String why = Double.isFinite(latest) ? "no placed run reached it" : "no run reached the threshold";
            row.add(TableCell.none(why, 3));
            row.add(TableCell.none(why, 3));
            row.add(TableCell.none("", 2));
            return row;
        }
        RankCorrelation pooled = RankCorrelation.ofRanks(timeRanks(used), summaryRanks(used, m), coverage);
        List<double[]> timeWithin = new ArrayList<>();
        List<double[]> summaryWithin = new ArrayList<>();
        for (String arm : a.groups.arms) {
            List<Run> ofArm = used.stream().filter(r -> r.arm().equals(arm)).toList();
            if (!ofArm.isEmpty()) {
                timeWithin.add(timeRanks(ofArm));
                summaryWithin.add(summaryRanks(ofArm, m));
            }
        }
        RankCorrelation within = RankCorrelation.withinStrata(timeWithin, summaryWithin, coverage);
        row.add(correlation(pooled));
        row.add(correlation(within));
        row.add(TableCell.of(within.n() + " (" + within.groups() + ")", String.valueOf(within.n()),
                String.valueOf(within.groups())));
        return row;
    }

    private static double[] timeRanks(List<Run> runs) {
        double[] times = new double[runs.size()];
        boolean[] reached = new boolean[runs.size()];
        double latest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            times[i] = runs.get(i).time().epoch();
            reached[i] = runs.get(i).time().reached();
            latest = reached[i] ? Math.max(latest, times[i]) : latest;
        }
        for (int i = 0; i < times.length; i++) {
            // within the tolerance the placing rule allowed, a censored time is at the last crossing
            if (!reached[i] && times[i] < latest) {
                times[i] = latest;
            }
        }
        return RankCorrelation.ranksCensoredLast(times, reached);
    }

    private static double[] summaryRanks(List<Run> runs, Mechanism m) {
        return RankCorrelation.midranks(runs.stream().mapToDouble(r -> m.summary().applyAsDouble(r.summaries())).toArray());
    }

    private static TableCell correlation(RankCorrelation r) {
        String rho = Double.isNaN(r.rho()) ? "n/a" : String.format(Locale.ROOT, "%.2f", r.rho());
        String shown = Double.isNaN(r.interval().lower())
                ? rho + (Double.isNaN(r.rho()) ? "" : " [n/a]")
                : String.format(Locale.ROOT, "%s [%.2f, %.2f]", rho, r.interval().lower(), r.interval().upper());
        return TableCell.of(shown, TableCell.csvNumber(r.rho()), TableCell.csvNumber(r.interval().lower()),
                TableCell.csvNumber(r.interval().upper()));
    }

    private static String caption(Analysis a, String percent) {
        String t = String.valueOf(a.plan.thresholds().get(a.headline));
        String arm = a.plan.compare().name();
        return "Mechanism: does lower sharpness or a smaller bias shift go with a faster time to train loss " + t + "?"
                + " Per cell, Spearman's rank correlation across runs between a run's epochs to train loss " + t
                + " and its summary over its points before the cell's first crossing of " + t + ": for sharpness the"
                + " mean of its sharpness measurements there, for bias shift the mean over those evaluation points of"
                + " the mean over hidden layers of |mean activation|. The window is the same for every run of the cell"
                + " and ends before any run got there, so no summary includes what followed a crossing, and a slow"
                + " run's summary covers no more of its training than a fast one's; 'summary over steps' gives the"
                + " points it covers (sharpness only at the points where it was measured; '0 (initialisation)': the"
                + " initial network's only). Positive rho: the runs with more sharpness (or shift)"
                + " took longer. A run that never reached " + t + " (it trained its budget, or diverged: it never"
                + " would) is ranked above every run that did, tied with the others that did not: it is known to be"
                + " slower, since it was still above " + t + " at or after the cell's last observed crossing. Left"
                + " out: runs that stopped before that (a time limit, target_loss), whose place is unknown, runs with"
                + " no summary (nothing measured in the window) and failed runs. All arms pooled, rho mixes the"
                + " differences between the " + arm + " values, which move both the time and the summary (the "
                + arm + " itself is a common cause); 'within arms' ranks each " + arm + "'s runs on their own,"
                + " centres the ranks on the arm's mean and correlates them together (arms in which either does not"
                + " vary left out): the association among runs of the same " + arm + ". " + percent + " intervals:"
                + " Fisher z with Bonett and Wright's (2000) variance (1 + rho^2 / 2) / (n - 3), within arms"
                + " (n - 3 - (arms - 1)); approximate for few runs, none when |rho| = 1; not corrected for the"
                + " number of cells.";
    }
}
