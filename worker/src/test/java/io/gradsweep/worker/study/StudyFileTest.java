package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader refuses before any setting is looked at, and how problems are reported. */
class StudyFileTest {
    private static StudyException refused(String text) {
        return assertThrows(StudyException.class, () -> Study.parse(text, "f.yaml"));
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        StudyException e = refused("study: x\ngrid:\n  lr: [0.1, 0.2\n  depth: 3\n");
        assertTrue(e.getMessage().startsWith("f.yaml: line 4, column 8: YAML syntax error"), e.getMessage());
        assertEquals("", e.keyPath());
    }

    @Test
    void aliasesSecondDocumentsDuplicateKeysAndDeepNestingAreRefused() {
        StudyException e = refused("study: x\nbase: &b {depth: 2}\ngrid:\n  activation: *b\n");
        assertEquals("grid.activation", e.keyPath());
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
        e = refused("study: x\n---\nstudy: y\n");
        assertTrue(e.getMessage().contains("one YAML document"), e.getMessage());
        e = refused("study: x\ngrid:\n  lr: [0.1]\n  lr: [0.2]\n");
        assertEquals("grid.lr", e.keyPath());
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("given twice"), e.getMessage());
        e = refused("study: x\nbase: " + "[".repeat(40) + "]".repeat(40) + "\n");
        assertTrue(e.getMessage().contains("nesting deeper than 32"), e.getMessage());
    }

    @Test
    void tagsCannotInstantiateClasses() {
        // SnakeYAML's Constructor never runs; the tag itself is refused, naming where it is
        StudyException e = refused("study: x\nbase:\n  dataset: !!javax.script.ScriptEngineManager [x]\n");
        assertEquals("base.dataset", e.keyPath());
        assertTrue(e.getMessage().contains("tags (!!javax.script.ScriptEngineManager) are not supported"), e.getMessage());
    }

    @Test
    void largeFilesAreRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        String big = "study: x\n" + "# padding\n".repeat(110_000);
        StudyException e = refused(big);
        assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, big);
        e = assertThrows(StudyException.class, () -> Study.load(file));
        assertTrue(e.getMessage().contains("larger than 1 MiB"), e.getMessage());
    }

    @Test
    void loadKeepsTheBytesAndNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        String text = "study: s   # é\ngrid:\n  depth: [1, 2]\n";
        Files.writeString(file, text);
        Study s = Study.load(file);
        assertEquals(text, s.text());
        assertEquals(2, s.trialCount());
        StudyException e = assertThrows(StudyException.class, () -> Study.load(dir.resolve("none.yaml")));
        assertTrue(e.getMessage().contains("none.yaml") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedWithItsPathAndLine() {
        StudyException e = refused("""
                study: Bad Name
                seeed: 3
                base:
                  depht: 3
                grid:
                  lr: [0.1, -1]
                  zip:
                    - {optimizer: [sgd, adam], momentum: [0.9]}
                when:
                  - if: {activation: relu}
                    set: {inti: glorot_normal}
                thresholds: [0.5, low]
                """);
        List<String> paths = e.problems().stream().map(StudyException.Problem::keyPath).toList();
        assertEquals(List.of("seeed", "study", "base.depht", "grid.lr[1]", "grid.zip[0].momentum",
                "when[0].set.inti", "thresholds[1]"), paths, e.getMessage());
        assertTrue(e.getMessage().contains("seeed (line 2): unknown study key 'seeed' (did you mean 'seed'?)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("grid.lr[1] (line 6): -1 is not allowed: expected a number > 0"),
                e.getMessage());
        e = refused("study: x\ngrid:\n  lr: [0.1, 0.2, 1e-1]\n");
        assertEquals("grid.lr[2]", e.keyPath());
        assertTrue(e.getMessage().contains("0.1 repeats value 0 of grid.lr"), e.getMessage());
    }

    @Test
    void settingsThatBelongToTheStudyAreRefusedPerTrial() {
        StudyException e = refused("study: x\nbase: {seed: 3}\n");
        assertTrue(e.getMessage().contains("top level"), e.getMessage());
        e = refused("study: x\ngrid: {replicate: [0, 1]}\n");
        assertTrue(e.getMessage().contains("replicates"), e.getMessage());
        e = refused("study: x\ngrid:\n  init: [he_normal, glorot_normal]\nwhen:\n  - if: {activation: relu}\n"
                + "    set: {init: lecun_normal}\n");
        assertEquals("when[0].set.init", e.keyPath());
        assertTrue(e.getMessage().contains("same trial"), e.getMessage());
        e = refused("study: x\nbase: {lr: 0.1}\ngrid: {lr: [0.1, 0.2]}\n");
        assertEquals("base.lr", e.keyPath());
    }
}
