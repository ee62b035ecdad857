package io.gradsweep.worker.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of an adaptive study's replication as the manifest records it: the replicates each
 * cell trained to in this round and, once the round's trials are analysed, each cell's interval
 * half-width and where it stands. A round being trained has every cell {@link CellState#TRAINING}.
 */
public record AdaptiveRound(int number, List<Cell> cells) {
    /** Where a cell stands after a round; TRAINING while the round's trials are not all analysed yet. */
    public enum CellState {
        TRAINING("training"), SETTLED("settled"), AT_MAX("at maximum"), OPEN("open");

        private final String label;

        CellState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static CellState of(String label) {
            for (CellState s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            return TRAINING; // a label of a later version: nothing is claimed about it
        }
    }

    /** A cell ("depth=8"), its replicates this round, its half-width (NaN: none yet, or an open bound) and state. */
    public record Cell(String cell, int replicates, double halfWidth, CellState state) {
    }

    public AdaptiveRound {
        cells = List.copyOf(cells);
    }

    public long count(CellState state) {
        return cells.stream().filter(c -> c.state() == state).count();
    }

    /** True once the round's trials have been analysed and each cell's state decided. */
    public boolean decided() {
        return count(CellState.TRAINING) == 0;
    }

    /** "round 2: 3 of 8 cells settled, 1 at the maximum, 4 open" or "round 2: training, not analysed yet (5 of 8 cells)". */
    public String describe() {
        if (!decided()) {
            return "round " + number + ": training, not analysed yet (" + count(CellState.TRAINING) + " of " + cells.size()
                    + " cells)";
        }
        return "round " + number + ": " + count(CellState.SETTLED) + " of " + cells.size() + " cells settled, "
                + count(CellState.AT_MAX) + " at the maximum without settling, " + count(CellState.OPEN) + " open";
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode r = json.createObjectNode();
        r.put("round", number);
        r.put("settled", count(CellState.SETTLED));
        r.put("at_max", count(CellState.AT_MAX));
        var list = r.putArray("cells");
        for (Cell c : cells) {
            ObjectNode n = list.addObject();
            n.put("cell", c.cell());
            n.put("replicates", c.replicates());
            if (Double.isFinite(c.halfWidth())) { // JSON has no infinity: an open bound is written as no half-width
                n.put("half_width", c.halfWidth());
            } else {
                n.putNull("half_width");
            }
            n.put("state", c.state().label());
        }
        return r;
    }

    static List<AdaptiveRound> listOf(JsonNode rounds) {
        List<AdaptiveRound> out = new ArrayList<>();
        for (JsonNode r : rounds) {
            List<Cell> cells = new ArrayList<>();
            for (JsonNode c : r.path("cells")) {
                cells.add(new Cell(c.path("cell").asText(""), c.path("replicates").asInt(),
                        c.path("half_width").isNumber() ? c.path("half_width").asDouble() : Double.NaN,
                        CellState.of(c.path("state").asText(""))));
            }
            out.add(new AdaptiveRound(r.path("round").asInt(), cells));
        }
        return out;
    }
}
