package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.study.ReplicationRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptiveRoundsTest {
    private static final ReplicationRule RULE = new ReplicationRule(5, 20, 5, 1.0);

    /** Rounds until finished, with a half-width of sd * 2 / sqrt(n) per cell (a cell of sd 0 has no spread at all). */
    private static Map<List<String>, Integer> play(Map<List<String>, Double> sd, List<Map<List<String>, AdaptiveRounds.Cell>> log) {
        Map<List<String>, Integer> n = new LinkedHashMap<>();
        sd.keySet().forEach(c -> n.put(c, RULE.min()));
        for (int round = 0; round < 100; round++) {
            Map<List<String>, Double> hw = new LinkedHashMap<>();
            n.forEach((c, k) -> hw.put(c, sd.get(c) * 2 / Math.sqrt(k)));
            Map<List<String>, AdaptiveRounds.Cell> decided = AdaptiveRounds.decide(RULE, n, hw);
            log.add(decided);
            if (AdaptiveRounds.finished(decided)) {
                return n;
            }
            decided.forEach((c, cell) -> n.put(c, cell.next()));
        }
        throw new AssertionError("never finished");
    }

    @Test
    void aSettledCellGetsNoMoreAndANeverSettlingOneStopsAtTheMaximum() {
        List<String> quiet = List.of("depth=2");
        List<String> middling = List.of("depth=4");
        List<String> wild = List.of("depth=8");
        Map<List<String>, Double> sd = new LinkedHashMap<>();
        sd.put(quiet, 1.0);    // 2/sqrt(5) = 0.89: settled at once
        sd.put(middling, 1.9); // 3.8/sqrt(10) = 1.2, /sqrt(15) = 0.98: settled at 15
        sd.put(wild, 5.0);     // 10/sqrt(20) = 2.2: never
        List<Map<List<String>, AdaptiveRounds.Cell>> log = new java.util.ArrayList<>();
        Map<List<String>, Integer> n = play(sd, log);
        assertEquals(5, n.get(quiet));
        assertEquals(15, n.get(middling));
        assertEquals(20, n.get(wild));
        assertEquals(4, log.size(), "rounds at 5, 10, 15, 20 replicates");
        for (Map<List<String>, AdaptiveRounds.Cell> round : log) {
            assertEquals(AdaptiveRounds.State.SETTLED, round.get(quiet).state());
            assertEquals(5, round.get(quiet).next(), "settled: no more replicates, round after round");
        }
        assertEquals(AdaptiveRounds.State.AT_MAX, log.get(3).get(wild).state());
        assertEquals(AdaptiveRounds.State.SETTLED, log.get(2).get(middling).state());
    }

    @Test
    void noIntervalYetIsNotSettled() {
        Map<List<String>, AdaptiveRounds.Cell> d = AdaptiveRounds.decide(RULE, Map.of(List.of(), 5), Map.of(List.of(), Double.NaN));
        assertEquals(AdaptiveRounds.State.OPEN, d.get(List.of()).state());
        assertEquals(10, d.get(List.of()).next());
        assertTrue(!AdaptiveRounds.finished(d));
        assertEquals(20, new ReplicationRule(5, 20, 7, 1).next(19), "the last step stops at the maximum");
    }
}
