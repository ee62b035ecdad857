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

    @Test
    void aPilotsHalfWidthGivesTheReplicatesLikelyNeededRoundedUpToARoundAndAtMostTheMaximum() {
        // by hand: 6 x (1.5 / 1.0)^2 = 13.5 -> the round of 15; 6 x (0.8 / 1)^2 = 3.84 -> the minimum, 5;
        // 6 x (2.0 / 1)^2 = 24 -> more than 20: the maximum; exactly 10 x (1.0 / 1)^2 = 10 -> 10
        assertEquals(15, AdaptiveRounds.likelyNeeded(RULE, 6, 1.5));
        assertEquals(5, AdaptiveRounds.likelyNeeded(RULE, 6, 0.8));
        assertEquals(20, AdaptiveRounds.likelyNeeded(RULE, 6, 2.0));
        assertEquals(10, AdaptiveRounds.likelyNeeded(RULE, 10, 1.0));
        assertEquals(20, AdaptiveRounds.likelyNeeded(RULE, 6, Double.POSITIVE_INFINITY), "an open bound: the maximum");
        assertEquals(20, AdaptiveRounds.likelyNeeded(RULE, 6, Double.NaN));
        assertEquals(19, AdaptiveRounds.likelyNeeded(new ReplicationRule(5, 19, 7, 1.0), 6, 1.9),
                "6 x 3.61 = 21.7 -> beyond 19: the last step stops at the maximum");
    }

    @Test
    void theRoundLinesSayWhatEachRoundTrains() {
        Map<List<String>, Integer> n = new LinkedHashMap<>();
        n.put(List.of("2"), 5);
        n.put(List.of("8"), 5);
        assertEquals("round 1: 2 cells get 5 replicates, 20 trials to train", AdaptiveRounds.describe(1, null, n, 20));
        Map<List<String>, AdaptiveRounds.Cell> d = AdaptiveRounds.decide(RULE, n, Map.of(List.of("2"), 0.5, List.of("8"), 3.0));
        assertEquals("round 2: 1 of 2 cells settled, 0 at the maximum, 1 gets 10 replicates, 10 trials to train",
                AdaptiveRounds.describe(2, d, Map.of(List.of("2"), 5, List.of("8"), 10), 10));
    }
}
