package io.gradsweep.core.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The textbook formula of each activation in double with StrictMath, written independently of main. */
final class ClosedForms {
    private ClosedForms() {
    }

    static final double LAMBDA = Double.parseDouble("1.0507009873554804934193349852946");
    static final double ALPHA = Double.parseDouble("1.6732632423543772848170429916717");

    /** Every registered activation with default parameters, plus some non-default ones. */
    static List<Activation> all() {
        List<Activation> list = new ArrayList<>();
        for (String name : Activations.names()) {
            list.add(Activations.parse(name));
        }
        for (String spec : new String[] {"leaky_relu(0.2)", "elu(alpha=0.5)", "celu(2.0)", "celu(alpha=0.25)"}) {
            list.add(Activations.parse(spec));
        }
        return list;
    }

    /** The alpha in a canonical form such as {@code elu(alpha=0.5)}, as the float the activation holds. */
    static double alpha(Activation a) {
        String c = a.canonical();
        int eq = c.indexOf("alpha=");
        return eq < 0 ? Double.NaN : Float.parseFloat(c.substring(eq + 6, c.length() - 1));
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static DoubleUnaryOperator of(Activation act) {
        double a = alpha(act);
        double k = StrictMath.sqrt(2 / Math.PI);
        return switch (act.name()) {
            case "identity" -> x -> x;
            case "relu" -> x -> Math.max(x, 0);
            case "leaky_relu" -> x -> x > 0 ? x : a * x;
            case "elu" -> x -> x > 0 ? x : a * StrictMath.expm1(x);
            case "selu" -> x -> LAMBDA * (x > 0 ? x : ALPHA * StrictMath.expm1(x));
            case "celu" -> x -> Math.max(0, x) + Math.min(0, a * StrictMath.expm1(x / a));
            case "gelu" -> x -> x * Reference.phi(x);
            case "gelu_tanh" -> x -> 0.5 * x * (1 + StrictMath.tanh(k * (x + 0.044715 * x * x * x)));
            case "silu" -> x -> x * Reference.sigmoid(x);
            case "mish" -> x -> x * StrictMath.tanh(Reference.softplus(x));
            case "softplus" -> Reference::softplus;
            case "softsign" -> x -> x / (1 + Math.abs(x));
            case "tanh" -> StrictMath::tanh;
            case "sigmoid" -> Reference::sigmoid;
            case "hard_tanh" -> x -> clip(x, -1, 1);
            case "hard_sigmoid" -> x -> clip(x / 6 + 0.5, 0, 1);
            default -> throw new AssertionError("no closed form for " + act);
        };
    }

    /** Points where the function or its derivative is not smooth (finite differences skip them). */
    static double[] kinks(Activation act) {
        return switch (act.name()) {
            case "relu", "leaky_relu", "elu", "selu", "celu", "softsign" -> new double[] {0};
            case "hard_tanh" -> new double[] {-1, 1};
            case "hard_sigmoid" -> new double[] {-3, 3};
            default -> new double[0];
        };
    }

    /** Lower end of the range where the closed form itself is accurate (1 + tanh cancels in gelu_tanh). */
    static double accurateFrom(Activation act) {
        return act.name().equals("gelu_tanh") ? -5 : Double.NEGATIVE_INFINITY;
    }
}
