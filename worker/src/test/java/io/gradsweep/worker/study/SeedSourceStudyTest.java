package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedSourceStudyTest {
    private static final String CROSSED = """
            study: crossed
            seed: 4
            base: {dataset: iris, split_seed: 0}
            grid:
              activation: [relu, elu]
              init_seed: {from: 0, to: 2, step: 1}
              order_seed: [0, 1]
            """;

    private static List<StudyTrial> trials(Study s) {
        List<StudyTrial> out = new ArrayList<>();
        for (Iterator<StudyTrial> it = s.trials(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void aCrossedDesignHoldsTheSplitAndCrossesInitWithOrder() {
        Study s = Study.parse(CROSSED, "c.yaml");
        List<StudyTrial> t = trials(s);
        assertEquals(12, t.size());
        Set<List<Long>> perArm = new HashSet<>();
        for (StudyTrial x : t) {
            assertEquals(0L, x.spec().seedOf("split_seed"));
            assertEquals(0, x.spec().replicate());
            if (x.spec().text("activation").equals("relu")) {
                perArm.add(List.of(x.spec().seedOf("init_seed"), x.spec().seedOf("order_seed")));
            }
        }
        assertEquals(6, perArm.size(), "every init x order combination once per arm");
        assertEquals(12, t.stream().map(x -> x.spec().trialId()).distinct().count(), "each seed combination is its own trial");
    }

    @Test
    void replicatesBeyondOneAreRefusedWhenEverySourceIsSet() {
        StudyException e = assertThrows(StudyException.class,
                () -> Study.parse(CROSSED + "replicates: 3\n", "c.yaml"));
        assertEquals("replicates", e.problems().get(0).keyPath());
        assertTrue(e.getMessage().contains("3 is not allowed when every seed source is set (split_seed in base,"
                + " order_seed by grid.order_seed, init_seed by grid.init_seed)"), e.getMessage());
        // one source left to the replicate: replicates vary it
        Study s = Study.parse(CROSSED.replace("split_seed: 0", "lr: 0.1") + "replicates: 3\n", "c.yaml");
        assertEquals(36, s.trialCount());
    }

    @Test
    void aBadSeedValueNamesItsKeyPath() {
        StudyException e = assertThrows(StudyException.class,
                () -> Study.parse(CROSSED.replace("order_seed: [0, 1]", "order_seed: [0, -5]"), "c.yaml"));
        assertTrue(e.getMessage().contains("grid.order_seed"), e.getMessage());
        assertTrue(e.getMessage().contains("-5 is not allowed: expected an integer >= 0, or replicate"), e.getMessage());
    }

    @Test
    void writingTheDefaultLeavesTheHashAlone() {
        String plain = "study: h\nbase: {dataset: iris}\ngrid:\n  activation: [relu, elu]\nreplicates: 2\n";
        String written = plain.replace("{dataset: iris}", "{dataset: iris, init_seed: replicate}");
        assertEquals(Study.parse(plain, "a").hash(), Study.parse(written, "b").hash());
    }
}
