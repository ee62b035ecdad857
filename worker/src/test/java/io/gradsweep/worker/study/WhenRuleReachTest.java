package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 15, case 9: a when rule that no grid point can match is refused with its key path, not ignored. */
class WhenRuleReachTest {
    @Test
    void aRuleOnAValueTheGridNeverTakesIsRefused() {
        StudyException e = assertThrows(StudyException.class, () -> Study.parse("study: s\ngrid:\n"
                + "  activation: [relu, tanh]\nwhen:\n  - if: {activation: selu}\n    set: {init: lecun_normal}\n", "s.yaml"));
        assertEquals("when[0].if.activation", e.keyPath());
        assertTrue(e.getMessage().contains("this rule matches no trial: activation is one of relu, tanh in every grid"
                + " point, never selu"), e.getMessage());
    }

    @Test
    void aRuleOnABaseValueThatDiffersIsRefused() {
        StudyException e = assertThrows(StudyException.class, () -> Study.parse("study: s\nbase: {depth: 3}\n"
                + "when:\n  - if: {depth: [4, 5]}\n    set: {width: 8}\n", "s.yaml"));
        assertEquals("when[0].if.depth", e.keyPath());
        assertTrue(e.getMessage().contains("depth is 3 in every grid point, never one of 4, 5"), e.getMessage());
    }

    @Test
    void rulesThatCanMatchAreKeptIncludingOnWhatAnEarlierRuleSets() {
        Study s = Study.parse("study: s\ngrid:\n  activation: [relu, selu]\nwhen:\n"
                + "  - if: {activation: selu}\n    set: {init: lecun_normal}\n"
                + "  - if: {init: lecun_normal}\n    set: {bias_init: 0.0}\n", "s.yaml");
        assertEquals(2, s.trialCount());
        assertEquals("lecun_normal", s.trial(1).orElseThrow().spec().text("init"));
    }
}
