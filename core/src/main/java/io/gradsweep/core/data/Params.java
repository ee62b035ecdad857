package io.gradsweep.core.data;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoublePredicate;

/**
 * Typed access to a data spec's parameters. Every getter records its key as allowed, so that
 * {@link #checkAllUsed} can reject misspelt keys with the list of keys that would have worked.
 */
final class Params {
    private final String data;
    private final SortedMap<String, String> values;
    private final TreeSet<String> allowed = new TreeSet<>();

    Params(String data, Map<String, String> values) {
        this.data = data;
        this.values = new TreeMap<>(values);
    }

    int integer(String key, int def, int min, int max) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        String allowedText = "an integer from " + min + " to " + max;
        int parsed;
        try {
            parsed = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "is not an integer", allowedText);
        }
        if (parsed < min || parsed > max) {
            throw bad(key, v, "is out of range", allowedText);
        }
        return parsed;
    }

    double number(String key, double def, DoublePredicate ok, String allowedText) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        if (!Decimals.isDecimal(v)) {
            throw bad(key, v, "is not a number", allowedText);
        }
        double parsed = Double.parseDouble(v);
        if (!Double.isFinite(parsed) || !ok.test(parsed)) {
            throw bad(key, v, "is out of range", allowedText);
        }
        return parsed;
    }

    boolean bool(String key, boolean def) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, v, "is not a boolean", "true or false");
        };
    }

    /** One of {@code choices} (case-insensitive), returned as written in {@code choices}. */
    String choice(String key, String def, String... choices) {
        String v = raw(key);
        if (v == null) {
            return def;
        }
        for (String c : choices) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw bad(key, v, "is not a known value", String.join(", ", choices));
    }

    /** A free-form string (a path, a column name); null if absent. */
    String string(String key) {
        return raw(key);
    }

    String required(String key, String what) {
        String v = raw(key);
        if (v == null) {
            throw new IllegalArgumentException(data + ": parameter " + key + " is required (" + what + ")");
        }
        return v;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fails on any key that no getter asked for. */
    void checkAllUsed() {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new IllegalArgumentException(data + ": unknown parameter " + e.getKey() + "=" + e.getValue()
                        + "; allowed parameters: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
            }
        }
    }

    private String raw(String key) {
        allowed.add(key);
        return values.get(key);
    }

    private IllegalArgumentException bad(String key, String value, String problem, String allowedText) {
        return new IllegalArgumentException(data + ": parameter " + key + "=" + value + " " + problem
                + "; allowed: " + allowedText);
    }
}
