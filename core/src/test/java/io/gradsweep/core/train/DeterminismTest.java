package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.nn.Network;
import io.gradsweep.core.nn.Parameter;
import io.gradsweep.core.trace.TracePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final Map<String, Object> SPEC = Map.of("dataset", "digits", "activation", "elu", "depth", 3,
            "width", 32, "epochs", 2, "optimizer", "adam", "lr", 0.003, "eval_log_per_decade", 4, "replicate", 3);

    private static List<TracePoint> trace(Map<String, ?> settings) {
        List<TracePoint> points = new ArrayList<>();
        Trainer.run(TrialSpec.of(settings), points::add);
        return points;
    }

    private static void assertSameTrace(List<TracePoint> a, List<TracePoint> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameResultAs(b.get(i)), "point " + i + ": " + a.get(i) + " vs " + b.get(i));
        }
    }

    @Test
    void theSameSpecGivesABitwiseIdenticalTraceInAnyThread() throws Exception {
        List<TracePoint> first = trace(SPEC);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<TracePoint>> a = pool.submit(() -> trace(SPEC));
            Future<List<TracePoint>> b = pool.submit(() -> trace(SPEC));
            assertSameTrace(first, a.get());
            assertSameTrace(first, b.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(first.size() > 5, "log-spaced points plus one per epoch");
    }

    @Test
    void anotherReplicateGivesAnotherTrace() {
        Map<String, Object> other = new java.util.HashMap<>(SPEC);
        other.put("replicate", 4);
        assertFalse(trace(SPEC).get(1).sameResultAs(trace(other).get(1)));
    }

    @Test
    void trialsThatDifferOnlyInActivationOrLearningRateStartFromTheSameWeights() {
        TrialSpec elu = TrialSpec.of(SPEC);
        TrialSpec relu = elu.with(Map.of("activation", "relu"));
        TrialSpec fastTanh = elu.with(Map.of("activation", "tanh", "lr", 0.3, "optimizer", "sgd"));
        List<Parameter> a = TrialSetup.of(elu).network().parameters();
        for (TrialSpec other : List.of(relu, fastTanh)) {
            List<Parameter> b = TrialSetup.of(other).network().parameters();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).value(), b.get(i).value(), 0f, a.get(i).name());
            }
            assertEquals(TrialSetup.dataSeed(elu), TrialSetup.dataSeed(other), "same data split and batch order");
            assertEquals(TrialSetup.of(elu).batchSeed(), TrialSetup.of(other).batchSeed());
        }
        Network deeper = TrialSetup.buildNetwork(elu.with(Map.of("depth", 4)), 64, 10, 64);
        assertArrayEquals(a.get(0).value(), deeper.parameters().get(0).value(), 0f,
                "a layer of the same shape at the same place starts the same");
    }

    @Test
    void theTrialIdIgnoresTheReplicateOnly() {
        TrialSpec a = TrialSpec.of(SPEC);
        assertEquals(a.trialId(), a.with(Map.of("replicate", 9)).trialId());
        assertFalse(a.trialId().equals(a.with(Map.of("lr", 0.004)).trialId()));
        assertEquals(a.canonicalJson(), TrialSpec.of(new java.util.TreeMap<>(SPEC)).canonicalJson());
    }
}
