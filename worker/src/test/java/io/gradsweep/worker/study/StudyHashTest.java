package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudyHashTest {
    private static final String A = """
            study: h
            seed: 1
            base: {dataset: iris, lr: 0.1}
            grid:
              activation: [relu, elu]
              depth: [1, 2]
            thresholds: [0.5]
            """;

    private static String hash(String text) {
        return Study.parse(text, "h.yaml").hash();
    }

    @Test
    void formattingCommentsKeyOrderAndSpellingDoNotChangeIt() {
        String b = """
                # the same study, written differently
                max_trials: 500        # a guard, not part of the study
                thresholds:
                  - 5.0e-1
                grid:
                  activation:
                    - relu
                    - ELU(alpha=1.0)
                  depth: {from: 1, to: 2, step: 1}
                base:
                  lr: 1e-1
                  width: 128           # the default, written out
                  dataset: iris
                seed: 1
                study: h
                """;
        String h = hash(A);
        assertEquals(64, h.length());
        assertTrue(h.matches("[0-9a-f]{64}"));
        assertEquals(h, hash(b));
    }

    @Test
    void contentChangesIt() {
        String h = hash(A);
        assertNotEquals(h, hash(A.replace("seed: 1", "seed: 2")));
        assertNotEquals(h, hash(A.replace("lr: 0.1", "lr: 0.2")));
        assertNotEquals(h, hash(A.replace("[1, 2]", "[2, 1]")), "order sets the trial indexes");
        assertNotEquals(h, hash(A.replace("study: h", "study: h2")));
        assertNotEquals(h, hash(A.replace("[0.5]", "[0.5, 0.1]")));
        assertNotEquals(h, hash(A + "replicates: 2\n"));
        assertNotEquals(h, hash(A + "partition_by: depth\n"));
        assertNotEquals(h, hash(A + "exclude:\n  - {activation: elu, depth: 2}\n"));
        assertNotEquals(h, hash(A + "when:\n  - if: {activation: elu}\n    set: {width: 8}\n"));
    }

    @Test
    void shortestDecimalsAreTheSameOnEveryJdk() {
        assertEquals("0.1", NumberText.of(0.1));
        assertEquals("1.0E-8", NumberText.of(1e-8));
        assertEquals("2.0E23", NumberText.of(2e23));
        assertEquals("0.00316227766017", NumberText.of(NumberText.round12(Math.sqrt(10) / 1000)));
        assertEquals("100.0", NumberText.of(100));
        assertEquals("-0.25", NumberText.of(-0.25));
        assertEquals("1.0E7", NumberText.of(1e7));
    }
}
