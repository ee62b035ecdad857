package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TrialSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a trial should produce, built here straight from the spec, the summary and the points
 * (not through the tables' column definitions), and a comparison that is bitwise for floats.
 */
final class Expected {
    private Expected() {
    }

    static Map<String, Object> trialRow(String study, String studyHash, PlannedTrial t, TrialSummary s,
                                        String codeVersion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        m.put("study_hash", studyHash);
        m.put("trial_id", t.spec().trialId());
        m.put("trial_key", t.key());
        m.put("replicate", t.replicate());
        m.put("grid_index", t.index());
        for (Map.Entry<String, Object> e : t.spec().settings().entrySet()) {
            if (!e.getKey().equals("replicate")) {
                m.put(e.getKey(), e.getValue());
            }
        }
        m.put("spec_json", t.spec().canonicalJson());
        m.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", s.message().orElse(null));
        m.put("steps_run", s.stepsRun());
        m.put("epochs_run", s.epochsRun());
        m.put("final_train_loss", s.finalTrainLoss());
        m.put("final_train_accuracy", s.finalTrainAccuracy());
        m.put("final_test_loss", s.finalTestLoss());
        m.put("final_test_accuracy", s.finalTestAccuracy());
        List<Object> steps = new ArrayList<>();
        List<Object> epochs = new ArrayList<>();
        for (int i = 0; i < s.thresholds().length; i++) {
            steps.add(s.thresholdStep(i).isPresent() ? (Object) s.thresholdStep(i).getAsLong() : null);
            epochs.add(s.thresholdEpoch(i).orElse(null));
        }
        m.put("threshold_step", steps);
        m.put("threshold_epoch", epochs);
        m.put("flops", s.flops());
        m.put("code_version", codeVersion);
        m.put("max_sharpness", s.maxSharpness());
        m.put("edge_step", s.edgeStep().isPresent() ? (Object) s.edgeStep().getAsLong() : null);
        return m;
    }

    static Map<String, Object> traceRow(PlannedTrial t, TracePoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_key", t.key());
        m.put("trial_id", t.spec().trialId());
        m.put("replicate", t.replicate());
        m.put("grid_index", t.index());
        m.put("step", p.step());
        m.put("epoch", p.epoch());
        m.put("minibatch_loss", p.minibatchLoss());
        m.put("train_loss", p.trainLoss());
        m.put("train_accuracy", p.trainAccuracy());
        m.put("test_loss", p.testLoss());
        m.put("test_accuracy", p.testAccuracy());
        m.put("gradient_norm", floats(p.gradientNorm()));
        m.put("dead_fraction", floats(p.deadFraction()));
        m.put("activation_mean", floats(p.activationMean()));
        m.put("activation_std", floats(p.activationStd()));
        m.put("learning_rate", p.learningRate());
        m.put("sharpness", p.sharpness());
        m.put("sharpness_iterations", p.sharpnessIterations());
        return m;
    }

    private static List<Object> floats(float[] values) {
        List<Object> list = new ArrayList<>();
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    /** Every expected column equals the read one; doubles and floats bit for bit. */
    static void assertRow(Map<String, Object> expected, Map<String, Object> actual, String what) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            if (!actual.containsKey(e.getKey())) {
                fail(what + ": no column " + e.getKey() + " in " + actual.keySet());
            }
            assertValue(e.getValue(), actual.get(e.getKey()), what + "." + e.getKey());
        }
    }

    static void assertValue(Object expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else if (expected instanceof Double d) {
            if (!(actual instanceof Double a)) {
                throw new AssertionError(what + ": expected a Double, read " + actual);
            }
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(a), what + ": " + d + " vs " + a);
        } else if (expected instanceof Float f) {
            if (!(actual instanceof Float a)) {
                throw new AssertionError(what + ": expected a Float, read " + actual);
            }
            assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits(a), what + ": " + f + " vs " + a);
        } else if (expected instanceof List<?> list) {
            if (!(actual instanceof List<?> a)) {
                throw new AssertionError(what + ": expected a list, read " + actual);
            }
            assertEquals(list.size(), a.size(), what + " size");
            for (int i = 0; i < list.size(); i++) {
                assertValue(list.get(i), a.get(i), what + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
