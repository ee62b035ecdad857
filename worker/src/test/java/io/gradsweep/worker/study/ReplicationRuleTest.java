package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationRuleTest {
    private static final String STUDY = """
            study: adaptive
            replicates: {min: 5, max: 20, step: 5, half_width: 1.5}
            base: {dataset: iris}
            grid:
              activation: [relu, elu]
            thresholds: [0.3]
            analysis: {threshold: 0.3}
            """;

    @Test
    void aRuleIsReadAndTheIndexSpaceHoldsItsMaximum() {
        Study s = Study.parse(STUDY, "a.yaml");
        ReplicationRule r = s.replicationRule().orElseThrow();
        assertEquals(new ReplicationRule(5, 20, 5, 1.5), r);
        assertEquals(20, s.replicates());
        assertEquals(40, s.indexSpace());
        assertNotEquals(Study.parse(STUDY.replace("{min: 5, max: 20, step: 5, half_width: 1.5}", "20"), "b.yaml").hash(),
                s.hash(), "a rule is not the fixed maximum");
        assertNotEquals(Study.parse(STUDY.replace("half_width: 1.5", "half_width: 1"), "c.yaml").hash(), s.hash());
    }

    @Test
    void eachBadKeyIsNamedWithWhatIsAllowed() {
        StudyException e = assertThrows(StudyException.class, () -> Study.parse(
                STUDY.replace("{min: 5, max: 20, step: 5, half_width: 1.5}", "{min: 1, max: 20, stp: 5, half_width: -1}"), "a.yaml"));
        List<String> paths = e.problems().stream().map(StudyException.Problem::keyPath).toList();
        assertTrue(paths.containsAll(List.of("replicates.stp", "replicates.min", "replicates.step", "replicates.half_width")),
                paths.toString());
        assertTrue(e.getMessage().contains("did you mean 'step'"), e.getMessage());
        assertTrue(e.getMessage().contains("a paired interval needs at least 2 pairs"), e.getMessage());
        e = assertThrows(StudyException.class, () -> Study.parse(STUDY.replace("max: 20", "max: 4"), "a.yaml"));
        assertEquals("replicates.max", e.problems().get(0).keyPath());
        e = assertThrows(StudyException.class, () -> Study.parse(STUDY.replace("analysis: {threshold: 0.3}", ""), "a.yaml"));
        assertEquals("replicates.half_width", e.problems().get(0).keyPath());
        assertTrue(e.getMessage().contains("must declare one: analysis: {threshold: T}"), e.getMessage());
    }
}
