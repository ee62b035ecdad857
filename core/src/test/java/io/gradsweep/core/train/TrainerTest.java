package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TrialStatus;
import io.gradsweep.core.trace.TrialSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final class Recorder implements io.gradsweep.core.trace.TraceSink {
        final List<TracePoint> points = new ArrayList<>();
        TrialSummary summary;

        @Override
        public void point(TracePoint point) {
            points.add(point);
        }

        @Override
        public void summary(TrialSummary s) {
            summary = s;
        }
    }

    private static Recorder run(Map<String, ?> settings) {
        Recorder r = new Recorder();
        TrialSummary returned = Trainer.run(TrialSpec.of(settings), r);
        assertTrue(returned == r.summary, "the sink gets the summary that is returned");
        return r;
    }

    @Test
    void digitsLearnsAndTheTraceHasOnePointPerEpochPlusInitialisation() {
        Map<String, Object> settings = Map.of("epochs", 5, "lr", 0.05, "depth", 2, "width", 64,
                "thresholds", List.of(1.0, 0.2, 1e-6));
        Recorder r = run(settings);
        int trainRows = TrialSetup.of(TrialSpec.of(settings)).data().train().rows();
        assertEquals(TrialStatus.OK, r.summary.status());
        assertEquals(6, r.points.size());
        assertEquals(0, r.points.get(0).step());
        assertTrue(Double.isNaN(r.points.get(0).minibatchLoss()));
        assertEquals(1797, trainRows + TrialSetup.of(TrialSpec.of(settings)).data().test().rows());
        long stepsPerEpoch = (trainRows + 63) / 64;
        assertEquals(5 * stepsPerEpoch, r.summary.stepsRun());
        assertEquals(r.points.get(5).step(), r.summary.stepsRun());
        // Initial loss near log(10) for a random 10-class network; then it learns
        assertEquals(Math.log(10), r.points.get(0).trainLoss(), 1.0);
        assertTrue(r.summary.finalTestAccuracy() > 0.9, "test accuracy " + r.summary.finalTestAccuracy());
        assertTrue(r.summary.thresholdStep(0).isPresent());
        assertTrue(r.summary.thresholdStep(0).getAsLong() <= r.summary.thresholdStep(1).orElse(Long.MAX_VALUE));
        assertFalse(r.summary.thresholdStep(2).isPresent(), "1e-6 is never reached: censored");
        // every epoch passes each training row once forward (2 FLOPs per weight) and backward (4)
        assertEquals(6L * (64 * 64 + 64 * 64 + 64 * 10) * trainRows * 5, r.summary.flops());
        assertEquals(3, r.points.get(1).gradientNorm().length);
        assertEquals(2, r.points.get(1).deadFraction().length);
    }

    @Test
    void aHugeLearningRateDivergesAndKeepsTheTraceUpToThere() {
        Recorder r = run(Map.of("lr", 50.0, "epochs", 5, "activation", "relu"));
        assertEquals(TrialStatus.DIVERGED, r.summary.status());
        assertTrue(r.summary.message().orElseThrow().contains("step"), r.summary.message().orElseThrow());
        assertTrue(r.summary.stepsRun() < 5 * 23);
        assertTrue(r.points.size() >= 2, "initial point and the point at divergence");
        assertEquals(r.points.size(), r.points.stream().mapToLong(TracePoint::step).distinct().count(),
                "one point per step");
    }

    @Test
    void divergingRightAfterAnEvaluationPointRecordsThatStepOnce() {
        int diverged = 0;
        for (double lr : new double[] {3, 5, 8, 12}) {
            Recorder r = run(Map.of("lr", lr, "epochs", 3, "eval_every_steps", 1, "dataset", "iris", "width", 8));
            assertEquals(r.points.size(), r.points.stream().mapToLong(TracePoint::step).distinct().count(),
                    "lr " + lr + ": one point per step");
            diverged += r.summary.status() == TrialStatus.DIVERGED ? 1 : 0;
        }
        assertTrue(diverged > 0, "the case under test: a divergence detected just after a point");
    }

    @Test
    void targetLossStopsEarly() {
        Recorder r = run(Map.of("lr", 0.05, "epochs", 50, "target_loss", 0.5));
        assertEquals(TrialStatus.OK, r.summary.status());
        assertTrue(r.summary.finalTrainLoss() <= 0.5);
        assertTrue(r.summary.stepsRun() < 50 * 23, "stopped at " + r.summary.stepsRun());
    }

    @Test
    void evaluationEveryKStepsAndLogSpaced() {
        Recorder r = run(Map.of("max_steps", 100, "eval_every_steps", 40, "eval_log_per_decade", 2));
        List<Long> steps = r.points.stream().map(TracePoint::step).toList();
        assertEquals(List.of(0L, 1L, 3L, 10L, 32L, 40L, 80L, 100L), steps);
    }

    @Test
    void aTrialThatCannotLoadItsDataFailsWithItsMessage() {
        Recorder r = run(Map.of("dataset", "csv(path=/nonexistent/data.csv,label=y)"));
        assertEquals(TrialStatus.FAILED, r.summary.status());
        assertTrue(r.summary.message().orElseThrow().contains("/nonexistent/data.csv"), r.summary.message().orElseThrow());
        assertTrue(r.points.isEmpty());
    }

    @Test
    void aTimeLimitEndsTheTrialWithStatusTimeout() {
        Recorder r = run(Map.of("epochs", 100000, "time_limit_seconds", 0.5, "width", 16));
        assertEquals(TrialStatus.TIMEOUT, r.summary.status());
        assertTrue(r.summary.wallNanos() < 20e9);
    }

    @Test
    void badSettingsNameTheKeyAndWhatIsAllowed() {
        SpecException e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("lr", -0.1)));
        assertEquals("lr", e.key());
        assertTrue(e.getMessage().contains("-0.1") && e.getMessage().contains("> 0"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("learning_rate", 0.1)));
        assertEquals("learning_rate", e.key());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("depht", 3)));
        assertTrue(e.getMessage().contains("did you mean 'depth'"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("activation", "relu6")));
        assertTrue(e.getMessage().contains("leaky_relu"), "lists the known activations: " + e.getMessage());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("width", 0)));
        assertTrue(e.getMessage().contains(">= 1"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("optimizer", "lbfgs")));
        assertTrue(e.getMessage().contains("adamw"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("thresholds", List.of(0.1, "x"))));
        assertEquals("thresholds", e.key());
        e = assertThrows(SpecException.class, () -> TrialSpec.of(Map.of("dataset", "mnits")));
        assertTrue(e.getMessage().contains("digits"), e.getMessage());
    }

    @Test
    void oneValueIsCheckedAndCanonicalisedAsOfWouldDoIt() {
        assertEquals("elu(alpha=1.0)", TrialSpec.canonicalValue("activation", " ELU "));
        assertEquals(TrialSpec.of(Map.of("dataset", "iris")).text("dataset"), TrialSpec.canonicalValue("dataset", "iris"));
        assertEquals(3L, TrialSpec.canonicalValue("depth", 3.0));
        assertEquals(List.of(0.5), TrialSpec.canonicalValue("thresholds", List.of(0.5)));
        assertEquals(0L, TrialSpec.canonicalValue("epochs", 0), "rules between settings are of()'s job");
        SpecException e = assertThrows(SpecException.class, () -> TrialSpec.canonicalValue("lr", 0));
        assertEquals("lr", e.key());
        e = assertThrows(SpecException.class, () -> TrialSpec.canonicalValue("widht", 3));
        assertTrue(e.getMessage().contains("did you mean 'width'"), e.getMessage());
        assertTrue(TrialSpec.isInteger("depth") && !TrialSpec.isInteger("lr") && !TrialSpec.isInteger("activation"));
        assertEquals(TrialSpec.describeSettings().size(), TrialSpec.keys().size());
        assertEquals("seed", TrialSpec.keys().get(0));
    }
}
