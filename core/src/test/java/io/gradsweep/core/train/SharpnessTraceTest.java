package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TraceSink;
import io.gradsweep.core.trace.TrialSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sharpness in a trial's trace: deterministic, on its own stream, and invisible to everything else. */
class SharpnessTraceTest {
    /** Full-batch gradient descent at a rate high enough to reach 2 / lr within the budget. */
    private static final Map<String, Object> SPEC = Map.of("dataset", "spirals(n=200)", "activation", "tanh",
            "depth", 2, "width", 16, "batch", 1000, "epochs", 40, "eval_every_steps", 4, "lr", 2.0, "replicate", 2);

    private record Run(List<TracePoint> points, TrialSummary summary) {
    }

    private static Run run(Map<String, ?> settings) {
        List<TracePoint> points = new ArrayList<>();
        TrialSummary[] summary = new TrialSummary[1];
        Trainer.run(TrialSpec.of(settings), new TraceSink() {
            @Override
            public void point(TracePoint p) {
                points.add(p);
            }

            @Override
            public void summary(TrialSummary s) {
                summary[0] = s;
            }
        });
        return new Run(points, summary[0]);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> m = new HashMap<>(SPEC);
        m.put(key, value);
        return m;
    }

    @Test
    void theSameSpecGivesTheSameEstimatesBitwise() {
        Run a = run(with("sharpness_every", 1));
        Run b = run(with("sharpness_every", 1));
        assertEquals(a.points().size(), b.points().size());
        for (int i = 0; i < a.points().size(); i++) {
            assertTrue(a.points().get(i).sameResultAs(b.points().get(i)), "point " + i);
            assertTrue(a.points().get(i).hasSharpness(), "point " + i + " measured");
        }
        assertEquals(Double.doubleToLongBits(a.summary().maxSharpness()),
                Double.doubleToLongBits(b.summary().maxSharpness()));
    }

    @Test
    void measuringSharpnessChangesNoOtherColumn() {
        List<TracePoint> off = run(SPEC).points();
        List<TracePoint> on = run(with("sharpness_every", 2)).points();
        assertEquals(off.size(), on.size());
        for (int i = 0; i < off.size(); i++) {
            TracePoint a = off.get(i);
            TracePoint b = on.get(i);
            assertEquals(Double.doubleToLongBits(a.trainLoss()), Double.doubleToLongBits(b.trainLoss()), "point " + i);
            assertEquals(Double.doubleToLongBits(a.testLoss()), Double.doubleToLongBits(b.testLoss()), "point " + i);
            assertArrayEquals(a.gradientNorm(), b.gradientNorm(), "point " + i);
            assertArrayEquals(a.activationMean(), b.activationMean(), "point " + i);
            assertFalse(a.hasSharpness());
            assertTrue(Double.isNaN(a.sharpness()));
            assertEquals(i % 2 == 0, b.hasSharpness(), "every second point, step 0 first: point " + i);
            if (b.hasSharpness()) {
                assertTrue(b.sharpness() > 0 && b.sharpnessIterations() <= 40, b.sharpness() + " " + b.sharpnessIterations());
            } else {
                assertTrue(Double.isNaN(b.sharpness()));
            }
        }
    }

    @Test
    void theSummaryHoldsTheLargestEstimateAndTheFirstStepAtTwoOverLr() {
        Run r = run(with("sharpness_every", 1));
        double max = Double.NEGATIVE_INFINITY;
        long edge = -1;
        for (TracePoint p : r.points()) {
            max = Math.max(max, p.sharpness());
            if (edge < 0 && p.sharpness() >= 2 / p.learningRate()) {
                edge = p.step();
            }
        }
        assertEquals(max, r.summary().maxSharpness());
        assertTrue(edge >= 0, "this spec reaches the edge of stability; sharpness " + max + " vs 2/lr = 1");
        assertEquals(edge, r.summary().edgeStep().orElseThrow());
        Run adam = run(Map.of("dataset", "spirals(n=200)", "depth", 1, "width", 8, "epochs", 3, "optimizer", "adam",
                "sharpness_every", 1));
        assertTrue(adam.summary().edgeStep().isEmpty(), "no edge for adaptive optimisers");
        assertTrue(adam.summary().maxSharpness() > 0);
    }

    @Test
    void sharpnessSettingsAtTheirDefaultsLeaveTheTrialIdentityAlone() {
        TrialSpec plain = TrialSpec.of(SPEC);
        assertFalse(plain.canonicalJson().contains("sharpness"), plain.canonicalJson());
        TrialSpec measured = TrialSpec.of(with("sharpness_every", 3));
        assertTrue(measured.canonicalJson().contains("\"sharpness_every\":3"), measured.canonicalJson());
        assertNotEquals(plain.trialId(), measured.trialId());
        assertEquals(plain, TrialSpec.of(with("sharpness_rows", 0)));
        assertEquals(20L, plain.integer("sharpness_iterations"));
    }
}
