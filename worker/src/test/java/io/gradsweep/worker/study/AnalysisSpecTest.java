package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The study file's analysis: block: declared endpoints, checked against the grid, each problem at its key path. */
class AnalysisSpecTest {
    private static final String STUDY = "study: x\nbase: {dataset: digits, epochs: 2}\ngrid:\n  activation: [relu, elu]\n"
            + "  depth: [1, 2]\nthresholds: [0.5, 0.1]\n";

    private static StudyException refused(String analysis) {
        return assertThrows(StudyException.class, () -> Study.parse(STUDY + analysis, "f.yaml"));
    }

    @Test
    void aDeclaredBlockIsReadAndLeavesTheHashAlone() {
        Study s = Study.parse(STUDY + "analysis:\n  compare: activation\n  by: [depth]\n  reference: relu\n  threshold: 0.1\n"
                + "  level: 0.01\n  secondary: [final_test_accuracy, log_loss_area]\n"
                + "  smallest_effect: {final_test_accuracy: 0.005, epochs: 2}\n", "f.yaml");
        AnalysisSpec a = s.analysis();
        assertEquals(Optional.of("activation"), a.compare());
        assertEquals(Optional.of(List.of("depth")), a.by());
        assertEquals(Optional.of("relu"), a.reference());
        assertEquals(Optional.of(0.1), a.threshold());
        assertEquals(0.01, a.level());
        assertEquals(Optional.of(List.of("final_test_accuracy", "log_loss_area")), a.secondary());
        assertEquals(java.util.Map.of("final_test_accuracy", 0.005, "epochs", 2.0), a.smallestEffect());
        assertEquals(Study.parse(STUDY, "f.yaml").hash(), s.hash(), "the analysis changes no trial");
        assertEquals(AnalysisSpec.none(), Study.parse(STUDY, "f.yaml").analysis());
    }

    @Test
    void badValuesNameTheKeyPathAndWhatIsAllowed() {
        StudyException e = refused("analysis:\n  compare: optimizer\n");
        assertEquals("analysis.compare", e.keyPath());
        assertTrue(e.getMessage().contains("activation, depth"), e.getMessage());
        e = refused("analysis:\n  threshold: 0.2\n");
        assertEquals("analysis.threshold", e.keyPath());
        assertTrue(e.getMessage().contains("[0.5, 0.1]"), e.getMessage());
        e = refused("analysis:\n  level: 0.9\n");
        assertEquals("analysis.level", e.keyPath());
        e = refused("analysis:\n  secondary: [final_test_acuracy]\n");
        assertEquals("analysis.secondary[0]", e.keyPath());
        assertTrue(e.getMessage().contains("final_test_accuracy"), e.getMessage());
        e = refused("analysis:\n  compare: depth\n  by: [depth]\n");
        assertEquals("analysis.by[0]", e.keyPath());
        assertTrue(e.getMessage().contains("already analysis.compare"), e.getMessage());
        e = refused("analysis:\n  primary: 0.1\n");
        assertEquals("analysis.primary", e.keyPath());
        assertTrue(e.getMessage().contains("compare, by, reference, threshold, level, secondary, smallest_effect"), e.getMessage());
        e = refused("analysis:\n  smallest_effect: {final_test_accuracy: -1}\n");
        assertEquals("analysis.smallest_effect.final_test_accuracy", e.keyPath());
        assertTrue(e.getMessage().contains("a number > 0"), e.getMessage());
        e = refused("analysis:\n  smallest_effect: {accuracy: 0.01}\n");
        assertEquals("analysis.smallest_effect.accuracy", e.keyPath());
        assertTrue(e.getMessage().contains("final_test_accuracy"), e.getMessage());
        e = refused("analysis: [compare]\n");
        assertEquals("analysis", e.keyPath());
    }
}
