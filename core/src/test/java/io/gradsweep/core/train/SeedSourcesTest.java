package io.gradsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.nn.Parameter;
import io.gradsweep.core.trace.TracePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedSourcesTest {
    private static final Map<String, Object> SPEC = Map.of("dataset", "digits", "activation", "elu", "depth", 3,
            "width", 32, "epochs", 2, "optimizer", "adam", "lr", 0.003, "eval_log_per_decade", 4, "replicate", 3);

    // Computed by the code before the seed sources existed (commit c8f588f, a throwaway probe that
    // ran Trainer.run on SPEC and folded each point's train, test and minibatch loss bits and
    // Arrays.hashCode of the gradient norms into h = 31 * h + x from h = 1125899906842597).
    private static final String TRACE_BEFORE = "e5f8fe3f3066a953";
    private static final String TRIAL_ID_BEFORE = "d77e608f8b56539a";
    private static final String JSON_BEFORE = "{\"activation\":\"elu(alpha=1.0)\",\"batch\":64,\"beta1\":0.9,\"beta2\":0.999,"
            + "\"bias_init\":0.0,\"clip_norm\":0.0,\"dataset\":\"digits(scaling=standard,test_fraction=0.2)\","
            + "\"decay_every_epochs\":10.0,\"decay_gamma\":0.1,\"depth\":3,\"divergence_factor\":100.0,\"epochs\":2,"
            + "\"epsilon\":1.0E-8,\"eval_every_steps\":0,\"eval_log_per_decade\":4,\"eval_subset\":512,\"init\":\"he_normal\","
            + "\"init_gain\":1.0,\"loss\":\"auto\",\"lr\":0.003,\"max_steps\":0,\"min_lr\":0.0,\"momentum\":0.9,"
            + "\"optimizer\":\"adam\",\"replicate\":3,\"rho\":0.99,\"schedule\":\"constant\",\"seed\":0,\"target_loss\":0.0,"
            + "\"thresholds\":[],\"time_limit_seconds\":0.0,\"warmup_steps\":0,\"weight_decay\":0.0,\"width\":32}";

    private static List<TracePoint> trace(TrialSpec spec) {
        List<TracePoint> points = new ArrayList<>();
        Trainer.run(spec, points::add);
        return points;
    }

    private static String checksum(List<TracePoint> points) {
        long h = 1125899906842597L;
        for (TracePoint p : points) {
            h = 31 * h + Double.doubleToLongBits(p.trainLoss());
            h = 31 * h + Double.doubleToLongBits(p.testLoss());
            h = 31 * h + Double.doubleToLongBits(p.minibatchLoss());
            h = 31 * h + Arrays.hashCode(p.gradientNorm());
        }
        return Long.toHexString(h);
    }

    private static TrialSpec spec(Object... changes) {
        Map<String, Object> m = new HashMap<>(SPEC);
        for (int i = 0; i < changes.length; i += 2) {
            m.put((String) changes[i], changes[i + 1]);
        }
        return TrialSpec.of(m);
    }

    @Test
    void withNoSourceSetTheTraceIdAndJsonAreThoseOfBeforeTheSourcesExisted() {
        TrialSpec s = TrialSpec.of(SPEC);
        List<TracePoint> t = trace(s);
        assertEquals(10, t.size());
        assertEquals(TRACE_BEFORE, checksum(t));
        assertEquals(TRIAL_ID_BEFORE, s.trialId());
        assertEquals(JSON_BEFORE, s.canonicalJson());
        assertEquals(JSON_BEFORE, spec("split_seed", "replicate", "init_seed", -1L).canonicalJson(),
                "written out at their default, the sources still leave the JSON alone");
    }

    @Test
    void eachSourceSetToTheReplicatesNumberDrawsWhatTheReplicateDraws() {
        TrialSpec all = spec("split_seed", 3, "order_seed", 3, "init_seed", 3);
        assertEquals(TRACE_BEFORE, checksum(trace(all)), "same streams as replicate 3 by default");
        assertNotEquals(TRIAL_ID_BEFORE, all.trialId(), "but a set source is part of the trial's identity");
        assertTrue(all.canonicalJson().contains("\"init_seed\":3"));
    }

    @Test
    void eachSourceMovesOnlyItsOwnStream() {
        TrialSpec base = TrialSpec.of(SPEC);
        TrialSpec init = spec("init_seed", 11);
        TrialSpec order = spec("order_seed", 11);
        TrialSpec split = spec("split_seed", 11);
        assertEquals(TrialSetup.dataSeed(base), TrialSetup.dataSeed(init));
        assertEquals(TrialSetup.orderSeed(base), TrialSetup.orderSeed(init));
        assertNotEquals(TrialSetup.initSeed(base), TrialSetup.initSeed(init));
        assertEquals(TrialSetup.dataSeed(base), TrialSetup.dataSeed(order));
        assertNotEquals(TrialSetup.orderSeed(base), TrialSetup.orderSeed(order));
        assertEquals(TrialSetup.initSeed(base), TrialSetup.initSeed(order));
        assertNotEquals(TrialSetup.dataSeed(base), TrialSetup.dataSeed(split));
        assertEquals(TrialSetup.orderSeed(base), TrialSetup.orderSeed(split));
        assertEquals(TrialSetup.initSeed(base), TrialSetup.initSeed(split));
        // init_seed 11 at replicate 3 starts from replicate 11's weights
        List<Parameter> a = TrialSetup.of(init).network().parameters();
        List<Parameter> b = TrialSetup.of(spec("replicate", 11)).network().parameters();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(b.get(i).value(), a.get(i).value(), 0f, a.get(i).name());
        }
        assertFalse(checksum(trace(order)).equals(TRACE_BEFORE), "another order gives another trace");
    }

    @Test
    void aBadSeedNamesTheKeyTheValueAndWhatIsAllowed() {
        SpecException e = assertThrows(SpecException.class, () -> spec("order_seed", -2));
        assertEquals("order_seed", e.key());
        assertEquals("order_seed: -2 is not allowed: expected an integer >= 0, or replicate (derived from the replicate)",
                e.getMessage());
        e = assertThrows(SpecException.class, () -> spec("init_seed", "first"));
        assertTrue(e.getMessage().startsWith("init_seed: 'first' is not allowed"), e.getMessage());
        assertEquals(-1L, TrialSpec.canonicalValue("split_seed", "Replicate"));
        assertEquals(7L, TrialSpec.canonicalValue("split_seed", "7"));
        String[] row = TrialSpec.describeSettings().stream().filter(r -> r[0].equals("init_seed")).findFirst().orElseThrow();
        assertEquals("replicate", row[1], "--help shows the default as it is written");
    }
}
