package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** (f) Parsing, canonical round trips, and error messages that name the bad part. */
class ActivationsTest {
    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> Activations.parse(spec), spec).getMessage();
    }

    private static void mentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should mention '" + part + "'");
        }
    }

    @Test
    void namesInFixedOrder() {
        assertEquals(List.of("identity", "relu", "leaky_relu", "elu", "selu", "celu", "gelu", "gelu_tanh", "silu",
                "mish", "softplus", "softsign", "tanh", "sigmoid", "hard_tanh", "hard_sigmoid"), Activations.names());
        for (String name : Activations.names()) {
            assertEquals(name, Activations.parse(name).name());
        }
    }

    @Test
    void canonicalRoundTrips() {
        String[] specs = {"leaky_relu(0.1)", "leaky_relu(alpha=0)", "elu(alpha=0.5)", "celu(1e-3)", "celu(123456.78)",
            "elu(alpha=3.4e38)", "leaky_relu(1.0E-7)"};
        for (Activation act : ClosedForms.all()) {
            Activation again = Activations.parse(act.canonical());
            assertEquals(act, again);
            assertEquals(act.canonical(), again.canonical());
            assertEquals(act.hashCode(), again.hashCode());
        }
        for (String spec : specs) {
            Activation act = Activations.parse(spec);
            assertEquals(act.canonical(), Activations.parse(act.canonical()).canonical(), spec);
        }
    }

    @Test
    void acceptedForms() {
        assertEquals("elu(alpha=1.0)", Activations.parse("elu").canonical());
        assertEquals("elu(alpha=0.5)", Activations.parse("elu(alpha=0.5)").canonical());
        assertEquals("elu(alpha=0.5)", Activations.parse("  ELU ( Alpha = .5 ) ").canonical());
        assertEquals("elu(alpha=1.0)", Activations.parse("elu()").canonical());
        assertEquals("leaky_relu(alpha=0.1)", Activations.parse("leaky_relu(0.1)").canonical());
        assertEquals("leaky_relu(alpha=0.01)", Activations.parse("leaky_relu").canonical());
        assertEquals("leaky_relu(alpha=0.0)", Activations.parse("leaky_relu(-0)").canonical());
        assertEquals("celu(alpha=1.0)", Activations.parse("celu").canonical());
        assertEquals("relu", Activations.parse("relu()").canonical());
        assertEquals("selu", Activations.parse("selu").toString());
        assertSame(Activations.parse("silu"), Activations.parse("swish"));
        assertEquals("silu", Activations.parse("swish").canonical());
        assertEquals("silu", Activations.aliases().get("swish"));
        assertEquals(Activations.parse("elu"), Activations.parse("elu(1)"));
        assertNotEquals(Activations.parse("elu"), Activations.parse("celu"));
    }

    @Test
    void unknownNameListsEveryKnownName() {
        String message = error("relu6");
        mentions(message, "relu6", "swish");
        for (String name : Activations.names()) {
            mentions(message, name);
        }
        mentions(error(""), "unknown activation");
    }

    @Test
    void badParametersAreNamed() {
        mentions(error("elu(beta=2)"), "elu", "unknown parameter 'beta'", "allowed: alpha");
        mentions(error("elu(alpha=abc)"), "elu", "alpha", "'abc'", "> 0");
        mentions(error("elu(alpha=)"), "elu", "alpha", "''");
        mentions(error("elu(0)"), "elu", "alpha", "> 0", "'0'");
        mentions(error("elu(alpha=-1)"), "alpha", "> 0", "'-1'");
        mentions(error("celu(alpha=0.0)"), "celu", "alpha", "> 0");
        mentions(error("celu(1e-50)"), "celu", "alpha", "> 0", "'1e-50'"); // rounds to float 0
        mentions(error("leaky_relu(-0.1)"), "leaky_relu", "alpha", ">= 0", "'-0.1'");
        mentions(error("leaky_relu(1e39)"), "leaky_relu", "float range", "'1e39'");
        mentions(error("elu(NaN)"), "alpha", "'NaN'");
        mentions(error("elu(Infinity)"), "alpha", "'Infinity'");
        mentions(error("elu(0x1p3)"), "alpha", "'0x1p3'");
        mentions(error("elu(1f)"), "alpha", "'1f'");
        mentions(error("elu(1, 2)"), "elu", "at most 1", "alpha");
        mentions(error("elu(alpha=1, alpha=2)"), "alpha", "twice");
        mentions(error("relu(0.1)"), "relu takes no parameters", "relu(0.1)");
        mentions(error("gelu(approximate=tanh)"), "gelu takes no parameters");
        mentions(error("swish(1)"), "silu takes no parameters", "swish(1)");
        mentions(error("elu(1"), "malformed", "elu(1");
        mentions(error("elu(1))"), "malformed");
        mentions(error("elu((1))"), "malformed");
        mentions(error("elu(1)x"), "malformed");
        assertThrows(NullPointerException.class, () -> Activations.parse(null));
    }
}
