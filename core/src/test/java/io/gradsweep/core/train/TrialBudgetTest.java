package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.nn.Network;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget arithmetic against brute force: a walk over every step, and networks actually built. */
class TrialBudgetTest {
    private static TrialBudget budget(long rows, Map<String, ?> settings) {
        return TrialBudget.of(TrialSpec.of(settings), rows);
    }

    @Test
    void stepsAndEpochsFollowTheBatchAndTheShortLastBatch() {
        TrialBudget b = budget(1438, Map.of("batch", 32, "epochs", 10));
        assertEquals(45, b.stepsPerEpoch()); // ceil(1438 / 32)
        assertEquals(450, b.totalSteps());
        assertEquals(1438.0 * 10, b.rowsTrained());
        assertEquals(2.0, b.epochs(90));
        TrialBudget big = budget(100, Map.of("batch", 256, "epochs", 3));
        assertEquals(1, big.stepsPerEpoch());
        assertEquals(100, big.batchRows());
        assertEquals(300.0, big.rowsTrained());
    }

    @Test
    void rowsTrainedIsWhatTheTrainersLoopTakes() {
        for (long rows : new long[] {1, 7, 100, 1438}) {
            for (long batch : new long[] {1, 3, 32, 200}) {
                for (long maxSteps : new long[] {1, 5, 46, 1000}) {
                    TrialBudget b = budget(rows, Map.of("batch", batch, "max_steps", maxSteps, "epochs", 0));
                    // the trainer's loop: min(batch, rows left in the epoch) per step, wrapping at the epoch's end
                    long batchRows = Math.min(batch, rows);
                    long position = 0;
                    long seen = 0;
                    for (long step = 0; step < maxSteps; step++) {
                        long take = Math.min(batchRows, rows - position);
                        seen += take;
                        position += take;
                        if (position >= rows) {
                            position = 0;
                        }
                    }
                    assertEquals(seen, b.rowsTrained(), "rows " + rows + " batch " + batch + " steps " + maxSteps);
                }
            }
        }
    }

    @Test
    void evaluationCountAndPointBeforeMatchAWalkOverEveryStep() {
        for (long total : new long[] {0, 1, 9, 10, 45, 450, 1001}) {
            for (long every : new long[] {1, 7, 45, 2000}) {
                for (int perDecade : new int[] {0, 1, 5}) {
                    EvaluationSchedule s = new EvaluationSchedule(total, every, perDecade);
                    long count = 0;
                    long last = 0;
                    for (long step = 0; step <= total + 3; step++) {
                        if (step <= total && s.isPoint(step)) {
                            count++;
                            last = step;
                        }
                        assertEquals(last, s.pointAtOrBefore(step),
                                "total " + total + " every " + every + " per decade " + perDecade + " step " + step);
                    }
                    assertEquals(count, s.count(), "total " + total + " every " + every + " per decade " + perDecade);
                }
            }
        }
    }

    @Test
    void evaluateEveryDefaultsToOneEpoch() {
        assertEquals(45, budget(1438, Map.of("batch", 32)).evaluateEvery());
        assertEquals(7, budget(1438, Map.of("batch", 32, "eval_every_steps", 7)).evaluateEvery());
    }

    @Test
    void weightsAreThoseOfTheNetworkBuilt() {
        for (int depth : new int[] {0, 1, 2, 5}) {
            for (int width : new int[] {1, 3, 64}) {
                Network n = Network.create(13, 4, depth, width, Activations.parse("relu"), Initializer.parse("he_normal"),
                        1, 0f, 1, 1);
                assertEquals(n.weightCount(), TrialBudget.weights(13, 4, depth, width), "depth " + depth + " width " + width);
            }
        }
    }

    @Test
    void impossibleSizesSaturateInsteadOfWrapping() {
        assertEquals(64L * 100_000 + 99_999_999L * 100_000 * 100_000 + 100_000L * 10,
                TrialBudget.weights(64, 10, 100_000_000, 100_000)); // 9.99...e17 still fits a long
        assertEquals(Long.MAX_VALUE, TrialBudget.weights(64, 10, 1_000_000_000, 100_000_000));
    }

    @Test
    void impossibleNetworksAreRefusedWithTheirArithmetic() {
        TrialBudget.Oversize wide = TrialBudget.oversize(64, 10, 2, 100_000, 256).orElseThrow();
        assertEquals("width", wide.key());
        assertEquals("a layer of 100,000 x 100,000 = 10,000,000,000 weights, more than one Java array holds"
                + " (2,147,483,639)", wide.reason());
        TrialBudget.Oversize deep = TrialBudget.oversize(64, 10, 100_000_000, 64, 256).orElseThrow();
        assertEquals("depth", deep.key());
        assertEquals("409,600,000,640 weights in all (64 x 64 + 99,999,999 x 64 x 64 + 64 x 10), more than"
                + " 2,147,483,639 (8 GiB of float weights, four times that with gradients and optimiser state)",
                deep.reason());
        assertEquals(64L * 64 + 99_999_999L * 64 * 64 + 64 * 10, 409_600_000_640L); // the figure above, by hand
        TrialBudget.Oversize deepNarrow = TrialBudget.oversize(64, 10, 100_000_000, 1, 256).orElseThrow();
        assertEquals("depth", deepNarrow.key());
        assertTrue(deepNarrow.reason().startsWith("activations of depth 100,000,000 x 256 rows x width 1"
                + " = 25,600,000,000 floats"), deepNarrow.reason());
        // wide but shallow is fine: 64 x 100,000 + 100,000 x 10 weights
        assertTrue(TrialBudget.oversize(64, 10, 1, 100_000, 256).isEmpty());
        assertTrue(TrialBudget.oversize(784, 10, 8, 1024, 256).isEmpty());
    }
}
