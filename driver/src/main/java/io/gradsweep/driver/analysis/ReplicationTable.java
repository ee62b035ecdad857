package io.gradsweep.driver.analysis;

import io.gradsweep.worker.folder.AdaptiveRound;
import io.gradsweep.worker.folder.AdaptiveRound.CellState;
import io.gradsweep.worker.study.ReplicationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An adaptive study's replication as the report tells it, from the rounds the run recorded in the
 * manifest: per cell its replicates, the round it stopped in, its last half-width and whether it
 * settled or stopped at the maximum without settling; and a sentence under the answer naming the
 * cells that did not settle, so that no reader takes their wide intervals for a design choice.
 */
final class ReplicationTable {
    final TableBuilder table;
    final List<String> sentences;

    private ReplicationTable(TableBuilder table, List<String> sentences) {
        this.table = table;
        this.sentences = sentences;
    }

    /** Empty for a fixed study (no rule or no rounds recorded). */
    static Optional<ReplicationTable> of(Optional<ReplicationRule> rule, List<AdaptiveRound> rounds) {
        if (rule.isEmpty() || rounds.isEmpty()) {
            return Optional.empty();
        }
        ReplicationRule r = rule.get();
        AdaptiveRound last = rounds.get(rounds.size() - 1);
        TableBuilder t = new TableBuilder("replication", "Adaptive replication, " + r + " (the half-width of the"
                + " headline's 'both reached: difference' interval, in epochs, for every arm against the reference: a"
                + " cell is settled when all its comparisons are). Rounds: the rounds the cell trained in. Half-width:"
                + " after its last round; 'open' when a pair has a run that never reached the threshold (only a bound,"
                + " no difference) or the pairs are too few for an interval. As the run recorded it in manifest.json.",
                List.of(TableBuilder.Column.of("cell"), TableBuilder.Column.of("replicates"), TableBuilder.Column.of("rounds"),
                        TableBuilder.Column.of("half-width (epochs)"), TableBuilder.Column.of("state")), 1);
        List<String> unsettled = new ArrayList<>();
        for (AdaptiveRound.Cell c : last.cells()) {
            t.add(List.of(TableCell.text(c.cell()), TableCell.count(c.replicates()), TableCell.count(roundsOf(rounds, c.cell())),
                    Double.isNaN(c.halfWidth()) ? TableCell.none(c.state() == CellState.TRAINING ? "n/a" : "open", 1)
                            : TableCell.number(c.halfWidth()),
                    TableCell.text(state(c.state()))));
            if (c.state() == CellState.AT_MAX) {
                unsettled.add(c.cell());
            }
        }
        List<String> sentences = new ArrayList<>();
        String rule1 = "Adaptive replication: " + rounds.size() + (rounds.size() == 1 ? " round" : " rounds") + ", "
                + last.count(CellState.SETTLED) + " of " + last.cells().size() + " cells settled (interval half-width at"
                + " most " + ReportTables.num(r.halfWidth()) + " epochs)";
        if (!last.decided()) {
            sentences.add(rule1 + " so far; the run stopped in round " + last.number() + " before it was analysed:"
                    + " run the same command again to finish it.");
        } else {
            sentences.add(rule1 + ".");
        }
        if (!unsettled.isEmpty()) {
            sentences.add("Stopped at the maximum of " + r.max() + " replicates without settling: "
                    + String.join("; ", unsettled) + ". Their intervals are wider than the target.");
        }
        return Optional.of(new ReplicationTable(t, List.copyOf(sentences)));
    }

    /** The rounds a cell trained in: up to the first round that decided it settled or at the maximum. */
    private static int roundsOf(List<AdaptiveRound> rounds, String cell) {
        for (AdaptiveRound round : rounds) {
            for (AdaptiveRound.Cell c : round.cells()) {
                if (c.cell().equals(cell) && (c.state() == CellState.SETTLED || c.state() == CellState.AT_MAX)) {
                    return round.number();
                }
            }
        }
        return rounds.size();
    }

    private static String state(CellState s) {
        return switch (s) {
            case SETTLED -> "settled";
            case AT_MAX -> "stopped at the maximum without settling";
            case OPEN -> "open (run stopped before its next round)";
            case TRAINING -> "training (round not analysed)";
        };
    }
}
