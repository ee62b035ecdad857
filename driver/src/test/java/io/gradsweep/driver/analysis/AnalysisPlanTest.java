package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.study.Study;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan is resolved from the study alone, so that every bad flag is refused before a table is read. */
class AnalysisPlanTest {
    private static Study study(String analysis) {
        return Study.parse("""
                study: plan-test
                replicates: 400
                base:
                  dataset: digits
                grid:
                  activation: [relu, elu, tanh]
                  depth: [1, 3]
                  lr: [0.0001, 0.1]
                thresholds: [1.0]
                """ + analysis, "plan-test.yaml");
    }

    @Test
    void aReferenceThatIsNoArmIsRefusedWithTheArms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisPlan.resolve(study(""), null, null, null, "gelu", 1));
        assertTrue(e.getMessage().equals("--reference gelu: not a value of activation; its values are [relu, elu(alpha=1.0), tanh]"),
                e.getMessage());
    }

    @Test
    void theArmsAreNamedAsTheTablesNameThem() {
        // the trials table holds lr as a double, which Spark's CAST(... AS STRING) writes 1.0E-4
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisPlan.resolve(study(""), "lr", null, null, "0.001", 1));
        assertTrue(e.getMessage().endsWith("its values are [1.0E-4, 0.1]"), e.getMessage());
        AnalysisPlan plan = AnalysisPlan.resolve(study(""), "lr", null, null, "0.1", 1);
        assertEquals("0.1", plan.reference().orElseThrow());
        // as the study file writes them, too
        assertEquals("1.0E-4", AnalysisPlan.resolve(study(""), "lr", null, null, "0.0001", 1).reference().orElseThrow());
        assertEquals("1.0E-4", AnalysisPlan.resolve(study(""), "lr", null, null, "1.0E-4", 1).reference().orElseThrow());
        assertEquals("elu(alpha=1.0)", AnalysisPlan.resolve(study(""), null, null, null, "elu", 1).reference().orElseThrow());
        assertEquals(List.of("activation", "depth"), plan.by().stream().map(Factor::name).toList());
    }

    @Test
    void aDeclaredReferenceIsCheckedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisPlan.resolve(study("analysis:\n  reference: gelu\n"), null, null, null, null, 1));
        assertTrue(e.getMessage().startsWith("analysis.reference gelu: not a value of activation"), e.getMessage());
    }

    @Test
    void theArmsComeInGridOrderFromTheStudyAlone() {
        // 2,400 trials; the walk stops once the 3 activations are seen
        Study s = study("");
        Factor activation = AnalysisPlan.resolve(s, null, null, null, null, 1).compare();
        List<String> arms = Groups.values(s, activation, 3);
        assertEquals(3, arms.size(), arms.toString());
        assertEquals(List.of("relu", "elu(alpha=1.0)", "tanh"), arms);
    }
}
