package io.gradsweep.core.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The registry of activations by the names users type: {@code elu}, {@code elu(alpha=0.5)}, {@code leaky_relu(0.1)}. */
public final class Activations {
    private Activations() {
    }

    /** One numeric parameter: its name, default, and whether 0 is allowed (negative never is). */
    private record Param(String name, float defaultValue, boolean zeroAllowed) {
        String rule() {
            return zeroAllowed ? ">= 0" : "> 0";
        }
    }

    private record Kind(String name, List<Param> params, Function<float[], Activation> make) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of("swish", "silu");
    // Plain decimals only: Double.parseDouble would also take "NaN", "0x1p3" and "1f".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static {
        add("identity", p -> Identity.INSTANCE);
        add("relu", p -> Relu.INSTANCE);
        add("leaky_relu", p -> new LeakyRelu(p[0]), new Param("alpha", 0.01f, true));
        add("elu", p -> new Elu(p[0]), new Param("alpha", 1.0f, false));
        add("selu", p -> Selu.INSTANCE);
        add("celu", p -> new Celu(p[0]), new Param("alpha", 1.0f, false));
        add("gelu", p -> Gelu.INSTANCE);
        add("gelu_tanh", p -> GeluTanh.INSTANCE);
        add("silu", p -> Silu.INSTANCE);
        add("mish", p -> Mish.INSTANCE);
        add("softplus", p -> Softplus.INSTANCE);
        add("softsign", p -> Softsign.INSTANCE);
        add("tanh", p -> Tanh.INSTANCE);
        add("sigmoid", p -> Sigmoid.INSTANCE);
        add("hard_tanh", p -> HardTanh.INSTANCE);
        add("hard_sigmoid", p -> HardSigmoid.INSTANCE);
    }

    private static void add(String name, Function<float[], Activation> make, Param... params) {
        KINDS.put(name, new Kind(name, List.of(params), make));
    }

    /** The known names (aliases excluded) in a fixed order. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** Alias to the name it stands for, e.g. swish to silu. */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    /**
     * Parses {@code name}, {@code name()} or {@code name(v)} / {@code name(key=v, ...)}; names are
     * case-insensitive and blanks around tokens are ignored.
     *
     * @throws IllegalArgumentException naming the bad part and what is allowed
     */
    public static Activation parse(String spec) {
        Objects.requireNonNull(spec, "activation spec");
        String s = spec.strip();
        int open = s.indexOf('(');
        String name = (open < 0 ? s : s.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        Kind kind = KINDS.get(ALIASES.getOrDefault(name, name));
        if (kind == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "' in '" + spec + "'; known: "
                    + String.join(", ", KINDS.keySet()) + " (alias: swish = silu)");
        }
        float[] values = new float[kind.params().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = kind.params().get(i).defaultValue();
        }
        if (open >= 0) {
            if (!s.endsWith(")") || s.indexOf('(', open + 1) >= 0 || s.indexOf(')') != s.length() - 1) {
                throw new IllegalArgumentException("malformed activation '" + spec
                        + "': expected name, name(value) or name(key=value, ...)");
            }
            String inner = s.substring(open + 1, s.length() - 1).strip();
            if (!inner.isEmpty()) {
                parseArguments(kind, inner, spec, values);
            }
        }
        return kind.make().apply(values);
    }

    private static void parseArguments(Kind kind, String inner, String spec, float[] values) {
        List<Param> params = kind.params();
        if (params.isEmpty()) {
            throw new IllegalArgumentException(kind.name() + " takes no parameters, got '" + spec + "'");
        }
        String[] args = inner.split(",", -1);
        boolean[] seen = new boolean[params.size()];
        for (int position = 0; position < args.length; position++) {
            String arg = args[position].strip();
            int eq = arg.indexOf('=');
            int index = position;
            String text = arg;
            if (eq >= 0) {
                String key = arg.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                text = arg.substring(eq + 1).strip();
                index = indexOf(params, key);
                if (index < 0) {
                    throw new IllegalArgumentException(kind.name() + ": unknown parameter '" + key + "' in '"
                            + spec + "'; allowed: " + paramNames(params));
                }
            } else if (position >= params.size()) {
                throw new IllegalArgumentException(kind.name() + " takes at most " + params.size()
                        + " parameter(s) (" + paramNames(params) + "), got " + args.length + " in '" + spec + "'");
            }
            Param param = params.get(index);
            if (seen[index]) {
                throw new IllegalArgumentException(kind.name() + ": parameter '" + param.name()
                        + "' given twice in '" + spec + "'");
            }
            seen[index] = true;
            values[index] = parseValue(kind, param, text, spec);
        }
    }

    private static float parseValue(Kind kind, Param param, String text, String spec) {
        String what = kind.name() + ": " + param.name() + " must be a decimal number " + param.rule();
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(what + ", got '" + text + "' in '" + spec + "'");
        }
        float v = (float) Double.parseDouble(text) + 0f; // + 0f turns -0 into 0
        boolean ok = Float.isFinite(v) && (param.zeroAllowed() ? v >= 0 : v > 0);
        if (!ok) {
            throw new IllegalArgumentException(what + " and within float range, got '" + text + "' in '" + spec
                    + "'");
        }
        return v;
    }

    private static int indexOf(List<Param> params, String key) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String paramNames(List<Param> params) {
        List<String> names = new ArrayList<>();
        for (Param p : params) {
            names.add(p.name());
        }
        return String.join(", ", names);
    }
}
