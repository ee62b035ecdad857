package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.train.TrialSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudyExpansionTest {
    static Study parse(String... lines) {
        return Study.parse(String.join("\n", lines) + "\n", "test.yaml");
    }

    static List<StudyTrial> all(Study s) {
        List<StudyTrial> trials = new ArrayList<>();
        s.trials().forEachRemaining(trials::add);
        return trials;
    }

    /** One string per trial: the named settings and the replicate, e.g. "relu 1 r0". */
    static List<String> rows(Study s, String... keys) {
        List<String> rows = new ArrayList<>();
        for (StudyTrial t : all(s)) {
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                Object v = t.spec().settings().get(k);
                b.append(v instanceof Double d ? NumberText.of(d) : String.valueOf(v)).append(' ');
            }
            rows.add(b.append('r').append(t.replicate()).toString());
        }
        return rows;
    }

    @Test
    void cartesianProductInFileOrderLastDimensionFastestReplicateInnermost() {
        Study s = parse("study: t", "replicates: 2", "grid:", "  activation: [relu, tanh]", "  depth: [1, 2, 3]");
        assertEquals(List.of("relu 1 r0", "relu 1 r1", "relu 2 r0", "relu 2 r1", "relu 3 r0", "relu 3 r1",
                "tanh 1 r0", "tanh 1 r1", "tanh 2 r0", "tanh 2 r1", "tanh 3 r0", "tanh 3 r1"),
                rows(s, "activation", "depth"));
        assertEquals(12, s.indexSpace());
        assertEquals(12, s.trialCount());
        List<StudyTrial> trials = all(s);
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(i, trials.get(i).index());
        }
        assertEquals(List.of("activation", "depth"), s.dimensions().stream().map(Dimension::name).toList());
        assertEquals(List.of("relu", "tanh"), s.dimensions().get(0).values());
        assertEquals("activation", s.partitionBy(), "defaults to the first dimension's key");
    }

    @Test
    void replicatesOfOnePointShareTheTrialIdAndDifferInKey() {
        Study s = parse("study: t", "replicates: 3", "grid:", "  lr: [0.1, 0.2]");
        List<StudyTrial> t = all(s);
        assertEquals(t.get(0).spec().trialId(), t.get(2).spec().trialId());
        assertFalse(t.get(0).spec().trialId().equals(t.get(3).spec().trialId()));
        Set<String> keys = new HashSet<>();
        t.forEach(x -> keys.add(x.key()));
        assertEquals(6, keys.size());
        assertEquals(t.get(1).spec().trialId() + "-1", t.get(1).key());
    }

    @Test
    void specIsBasePlusPointPlusThresholdsSeedAndReplicateThroughTrialSpecOf() {
        Study s = parse("study: t", "seed: 7", "replicates: 2", "base:", "  dataset: iris", "  width: 16",
                "grid:", "  activation: [elu]", "  lr: [1e-1]", "thresholds: [0.5, 1]");
        StudyTrial t = all(s).get(1);
        Map<String, Object> expected = new HashMap<>();
        expected.put("dataset", "iris");
        expected.put("width", 16);
        expected.put("activation", "elu");
        expected.put("lr", 0.1);
        expected.put("thresholds", List.of(0.5, 1.0));
        expected.put("seed", 7);
        expected.put("replicate", 1);
        assertEquals(TrialSpec.of(expected), t.spec());
        assertEquals("elu(alpha=1.0)", t.partitionValue());
        assertEquals(List.of(0.5, 1.0), s.thresholds());
        assertEquals(7, s.seed());
    }

    @Test
    void zipGroupVariesItsKeysTogetherAsOneDimension() {
        Study s = parse("study: t", "grid:", "  width: [8, 16]", "  zip:",
                "    - {optimizer: [sgd, adam], lr: [0.1, 0.001]}");
        assertEquals(List.of("8 sgd 0.1 r0", "8 adam 0.001 r0", "16 sgd 0.1 r0", "16 adam 0.001 r0"),
                rows(s, "width", "optimizer", "lr"));
        Dimension zip = s.dimensions().get(1);
        assertEquals("optimizer+lr", zip.name());
        assertEquals(List.of("sgd+0.1", "adam+0.001"), zip.values());
    }

    @Test
    void zipSitsWhereItIsWrittenAndEachGroupIsADimension() {
        Study s = parse("study: t", "grid:", "  zip:", "    - {optimizer: [sgd, adam], lr: [0.1, 0.001]}",
                "    - {depth: [1, 2, 3], width: [64, 32, 16]}", "  activation: [relu, elu]");
        assertEquals(List.of("optimizer+lr", "depth+width", "activation"),
                s.dimensions().stream().map(Dimension::name).toList());
        assertEquals(2 * 3 * 2, s.trialCount());
        assertEquals("sgd 1 64 elu(alpha=1.0) r0", rows(s, "optimizer", "depth", "width", "activation").get(1));
        assertEquals("optimizer", s.partitionBy());
    }

    @Test
    void linearRangeIsInclusiveAndIntegerWhenAllIntegers() {
        Study s = parse("study: t", "grid:", "  depth: {from: 2, to: 16, step: 2}");
        assertEquals(List.of("2", "4", "6", "8", "10", "12", "14", "16"), s.dimensions().get(0).values());
        s = parse("study: t", "grid:", "  depth: {from: 3, to: 10, step: 3}");
        assertEquals(List.of("3", "6", "9"), s.dimensions().get(0).values(), "to is a bound, not a point");
        s = parse("study: t", "grid:", "  depth: {from: 4, to: 1, step: -1}");
        assertEquals(List.of("4", "3", "2", "1"), s.dimensions().get(0).values());
    }

    @Test
    void realLinearRangeAddsExactDecimals() {
        Study s = parse("study: t", "grid:", "  lr: {from: 0.1, to: 0.5, step: 0.1}");
        List<Double> lrs = all(s).stream().map(t -> t.spec().real("lr")).toList();
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), lrs, "0.1 + 2 x 0.1 is 0.3 here, not 0.30000000000000004");
        s = parse("study: t", "grid:", "  lr: {from: 0.1, to: 0.2, num: 3}");
        assertEquals(List.of("0.1", "0.15", "0.2"), s.dimensions().get(0).values());
    }

    @Test
    void logRangeHasNumPointsEvenlySpacedInLog() {
        Study s = parse("study: t", "grid:", "  lr: {from: 1e-3, to: 1e-1, num: 5, log: true}");
        List<Double> lrs = all(s).stream().map(t -> t.spec().real("lr")).toList();
        assertEquals(5, lrs.size());
        for (int i = 0; i < 5; i++) {
            double expected = Math.pow(10, -3 + i / 2.0);
            assertEquals(expected, lrs.get(i), expected * 1e-11, "point " + i);
        }
        assertEquals(0.001, lrs.get(0));
        assertEquals(0.01, lrs.get(2), "rounded to 12 significant digits, the middle point is exactly 0.01");
        assertEquals(0.1, lrs.get(4));
        assertEquals("0.00316227766017", s.dimensions().get(0).values().get(1));
    }

    @Test
    void integerSettingsRoundSpacedPointsAndDropDuplicates() {
        // 4^(i/6): 1, 1.26, 1.59, 2, 2.52, 3.17, 4 -> 1, 1, 2, 2, 3, 3, 4
        Study s = parse("study: t", "grid:", "  width: {from: 1, to: 4, num: 7, log: true}");
        assertEquals(List.of("1", "2", "3", "4"), s.dimensions().get(0).values());
        s = parse("study: t", "grid:", "  depth: {from: 0, to: 10, num: 4}");
        assertEquals(List.of("0", "3", "7", "10"), s.dimensions().get(0).values());
        s = parse("study: t", "grid:", "  width: {from: 16, to: 1024, num: 7, log: true}");
        assertEquals(List.of("16", "32", "64", "128", "256", "512", "1024"), s.dimensions().get(0).values());
    }

    @Test
    void aScalarInTheGridIsAOneValueDimension() {
        Study s = parse("study: t", "grid:", "  dataset: iris", "  depth: [1, 2]");
        assertEquals(List.of("dataset", "depth"), s.dimensions().stream().map(Dimension::name).toList());
        assertEquals(2, s.trialCount());
        assertTrue(all(s).get(0).spec().text("dataset").startsWith("iris("));
    }

    @Test
    void whenRulesOverrideInOrderEachSeeingTheLastOnesResult() {
        Study s = parse("study: t", "base: {init_gain: 1.0}", "grid:", "  activation: [relu, selu]",
                "when:",
                "  - if: {activation: selu}",
                "    set: {init: lecun_normal}",
                "  - if: {init: lecun_normal}",
                "    set: {init_gain: 2}");
        assertEquals(List.of("relu he_normal 1.0 r0", "selu lecun_normal 2.0 r0"),
                rows(s, "activation", "init", "init_gain"));
    }

    @Test
    void whenMatchesCanonicalValuesAndValueLists() {
        Study s = parse("study: t", "grid:", "  activation: [relu, 'elu(alpha=1.0)', tanh]",
                "when:", "  - if: {activation: [elu, tanh], lr: 0.01}", "    set: {width: 8}");
        assertEquals(List.of("relu 128 r0", "elu(alpha=1.0) 8 r0", "tanh 8 r0"), rows(s, "activation", "width"),
                "elu matches elu(alpha=1.0); lr 0.01 is the default, so it matches every point");
    }

    @Test
    void excludeSkipsMatchingPointsOnTheirValuesAfterWhen() {
        Study s = parse("study: t", "replicates: 2", "grid:", "  activation: [relu, elu, tanh, selu]", "  depth: [2, 8]",
                "when:", "  - if: {activation: selu}", "    set: {init: lecun_normal}",
                "exclude:", "  - {activation: tanh, depth: 8}", "  - {activation: [relu], depth: [8]}",
                "  - {init: lecun_normal}");
        assertEquals(List.of("relu 2 r0", "relu 2 r1", "elu(alpha=1.0) 2 r0", "elu(alpha=1.0) 2 r1",
                "elu(alpha=1.0) 8 r0", "elu(alpha=1.0) 8 r1", "tanh 2 r0", "tanh 2 r1"), rows(s, "activation", "depth"));
        assertEquals(16, s.indexSpace());
        assertEquals(8, s.trialCount());
        assertTrue(s.trial(2).isEmpty(), "relu depth 8 replicate 0 is excluded");
        assertEquals(4, s.trial(4).orElseThrow().index());
        List<Long> indexes = all(s).stream().map(StudyTrial::index).toList();
        assertEquals(List.of(0L, 1L, 4L, 5L, 6L, 7L, 8L, 9L), indexes, "excluded trials keep their numbers");
    }

    @Test
    void trialAtIndexEqualsTheIteratorsTrial() {
        Study s = parse("study: t", "seed: 3", "replicates: 3", "grid:", "  activation: [relu, elu, tanh]",
                "  zip:", "    - {optimizer: [sgd, adam], lr: [0.1, 0.001]}", "  width: {from: 8, to: 64, num: 4, log: true}",
                "exclude:", "  - {activation: elu, optimizer: adam}", "thresholds: [0.5]");
        Iterator<StudyTrial> it = s.trials();
        long expectedIndex = 0;
        int seen = 0;
        while (it.hasNext()) {
            StudyTrial t = it.next();
            for (; expectedIndex < t.index(); expectedIndex++) {
                assertTrue(s.trial(expectedIndex).isEmpty(), "index " + expectedIndex + " skipped by the iterator");
            }
            StudyTrial r = s.trial(t.index()).orElseThrow();
            assertEquals(t.spec(), r.spec());
            assertEquals(t.key(), r.key());
            assertEquals(t.partitionValue(), r.partitionValue());
            assertEquals(t.replicate(), r.replicate());
            expectedIndex++;
            seen++;
        }
        assertEquals(s.trialCount(), seen);
        assertEquals(3 * 2 * 4 * 3 - 4 * 3, seen);
        assertThrows(IndexOutOfBoundsException.class, () -> s.trial(s.indexSpace()));
    }

    @Test
    void sameTextGivesTheSameTrials() {
        String[] lines = {"study: t", "replicates: 2", "grid:", "  activation: [relu, gelu]",
                "  lr: {from: 0.001, to: 1, num: 4, log: true}"};
        List<StudyTrial> a = all(parse(lines));
        List<StudyTrial> b = all(parse(lines));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).spec().canonicalJson(), b.get(i).spec().canonicalJson());
            assertEquals(a.get(i).key(), b.get(i).key());
        }
    }

    @Test
    void noGridIsOnePointAndTextIsKeptByteForByte() {
        String text = "study: single   # just replicates\r\nreplicates: 4\r\nbase: {depth: 0}\r\n";
        Study s = Study.parse(text, "x.yaml");
        assertEquals(4, s.trialCount());
        assertEquals(text, s.text());
        assertTrue(s.dimensions().isEmpty());
        assertEquals("activation", s.partitionBy());
        assertEquals(List.of(0, 1, 2, 3), all(s).stream().map(StudyTrial::replicate).toList());
    }

    @Test
    void partitionByNamesTheOutputFolderValue() {
        Study s = parse("study: t", "partition_by: depth", "grid:", "  activation: [relu]", "  depth: [2, 4]");
        assertEquals(List.of("2", "4"), all(s).stream().map(StudyTrial::partitionValue).toList());
        s = parse("study: t", "partition_by: lr", "grid:", "  lr: [0.001, 1e-8]");
        assertEquals(List.of("0.001", "1.0E-8"), all(s).stream().map(StudyTrial::partitionValue).toList());
    }

    @Test
    void ruleBetweenSettingsIsCheckedPerGridPointByTrialCount() {
        Study s = parse("study: t", "base: {epochs: 0}", "grid:", "  max_steps: [100, 0]");
        StudyException e = assertThrows(StudyException.class, s::trialCount);
        assertEquals("base.epochs", e.keyPath());
        assertTrue(e.getMessage().contains("grid point 1 (max_steps=0)"), e.getMessage());
        e = assertThrows(StudyException.class, () -> parse("study: t", "base: {epochs: 0}", "grid:",
                "  max_steps: [0, 100]"));
        assertTrue(e.getMessage().contains("(line 2)") && e.getMessage().contains("max_steps is 0"), e.getMessage());
    }
}
