package io.gradsweep.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One key of a trial's configuration: its type, default and allowed values. Turns what a user
 * wrote (a number, a string from the command line, a list) into the canonical Java value, or
 * says exactly what is wrong with it.
 */
final class Setting {
    enum Type { INTEGER, REAL, TEXT, REAL_LIST }

    /** What a seed-source setting is written as, and stands for, when it follows the replicate. */
    static final String REPLICATE = "replicate";
    /** The canonical value of a seed-source setting that follows the replicate. */
    static final long FROM_REPLICATE = -1L;

    private final String key;
    private final Type type;
    private final Object defaultValue;
    private final String help;
    private final double min;
    private final boolean minExclusive;
    private final double max;
    private final boolean maxExclusive;
    private final List<String> choices;
    private final Consumer<String> textCheck;
    private final boolean silentAtDefault;
    /** A seed source: an integer >= 0, or "replicate" (canonical -1, the default). */
    private final boolean seedSource;

    private Setting(String key, Type type, Object defaultValue, String help, double min, boolean minExclusive,
                    double max, boolean maxExclusive, List<String> choices, Consumer<String> textCheck) {
        this(key, type, defaultValue, help, min, minExclusive, max, maxExclusive, choices, textCheck, false, false);
    }

    private Setting(String key, Type type, Object defaultValue, String help, double min, boolean minExclusive,
                    double max, boolean maxExclusive, List<String> choices, Consumer<String> textCheck,
                    boolean silentAtDefault, boolean seedSource) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.help = help;
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.maxExclusive = maxExclusive;
        this.choices = choices;
        this.textCheck = textCheck;
        this.silentAtDefault = silentAtDefault;
        this.seedSource = seedSource;
    }

    /**
     * This setting, left out of the trial's canonical JSON (and so of its trial_id) while it has its
     * default: for settings added after studies were run whose default changes nothing those
     * trials did, so that their identity stays what it was.
     */
    Setting silentAtDefault() {
        return new Setting(key, type, defaultValue, help, min, minExclusive, max, maxExclusive, choices, textCheck,
                true, seedSource);
    }

    /** True when {@code value} need not be written into the canonical JSON (see {@link #silentAtDefault()}). */
    boolean isSilent(Object value) {
        return silentAtDefault && defaultValue.equals(value);
    }

    static Setting integer(String key, long defaultValue, long min, String help) {
        return new Setting(key, Type.INTEGER, defaultValue, help, min, false, Long.MAX_VALUE, false, null, null);
    }

    /**
     * The seed of one source of randomness (split, batch order, initial weights): an integer >= 0,
     * or {@code replicate} (the default, held as -1), which derives it from the replicate as every
     * trial did before the sources could be set apart. Silent at its default, so a trial that sets
     * none keeps the canonical JSON (and trial_id) it had before the sources existed.
     */
    static Setting seedSource(String key, String help) {
        return new Setting(key, Type.INTEGER, FROM_REPLICATE, help, 0, false, Long.MAX_VALUE, false, null, null, true,
                true);
    }

    static Setting real(String key, double defaultValue, double min, boolean minExclusive, double max,
                        boolean maxExclusive, String help) {
        return new Setting(key, Type.REAL, defaultValue, help, min, minExclusive, max, maxExclusive, null, null);
    }

    static Setting choice(String key, String defaultValue, List<String> choices, String help) {
        return new Setting(key, Type.TEXT, defaultValue, help, 0, false, 0, false, List.copyOf(choices), null);
    }

    /** Free text checked by {@code check}, which throws IllegalArgumentException with the reason. */
    static Setting text(String key, String defaultValue, Consumer<String> check, String help) {
        return new Setting(key, Type.TEXT, defaultValue, help, 0, false, 0, false, null, check);
    }

    static Setting realList(String key, double min, boolean minExclusive, String help) {
        return new Setting(key, Type.REAL_LIST, List.of(), help, min, minExclusive, Double.POSITIVE_INFINITY, false,
                null, null);
    }

    String key() {
        return key;
    }

    Type type() {
        return type;
    }

    Object defaultValue() {
        return defaultValue;
    }

    /** The default as a user writes it ("replicate" for a seed source). */
    String shownDefault() {
        return seedSource ? REPLICATE : String.valueOf(defaultValue);
    }

    boolean isSeedSource() {
        return seedSource;
    }

    String help() {
        return help;
    }

    /** What the key allows, in words, e.g. "a number > 0" or "one of sgd, adam". */
    String allowed() {
        return switch (type) {
            case INTEGER -> seedSource ? "an integer >= 0, or " + REPLICATE + " (derived from the replicate)"
                    : min == Long.MIN_VALUE ? "an integer" : "an integer >= " + (long) min;
            case REAL -> "a number" + bounds();
            case TEXT -> choices != null ? "one of " + String.join(", ", choices) : "text";
            case REAL_LIST -> "a list of numbers" + bounds();
        };
    }

    private String bounds() {
        StringBuilder s = new StringBuilder();
        if (min > Double.NEGATIVE_INFINITY) {
            s.append(minExclusive ? " > " : " >= ").append(format(min));
        }
        if (max < Double.POSITIVE_INFINITY) {
            s.append(s.length() > 0 ? " and" : "").append(maxExclusive ? " < " : " <= ").append(format(max));
        }
        return s.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The canonical value of {@code raw}: Long, Double, String or List of Double. */
    Object convert(Object raw) {
        if (raw == null) {
            throw bad(raw, "a value is required");
        }
        return switch (type) {
            case INTEGER -> convertInteger(raw);
            case REAL -> convertReal(raw, raw);
            case TEXT -> convertText(raw);
            case REAL_LIST -> convertList(raw);
        };
    }

    private Long convertInteger(Object raw) {
        if (seedSource && (raw instanceof String s && s.trim().equalsIgnoreCase(REPLICATE)
                || raw instanceof Number n && !(raw instanceof Double) && n.longValue() == FROM_REPLICATE)) {
            return FROM_REPLICATE;
        }
        long v;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            v = ((Number) raw).longValue();
        } else if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 9e15) {
            v = (long) n.doubleValue();
        } else if (raw instanceof String s) {
            try {
                v = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw bad(raw, "expected " + allowed());
            }
        } else {
            throw bad(raw, "expected " + allowed());
        }
        if (v < min) {
            throw bad(raw, "expected " + allowed());
        }
        return v;
    }

    private Double convertReal(Object raw, Object shown) {
        double v;
        if (raw instanceof Number n && !(raw instanceof Boolean)) {
            v = n.doubleValue();
        } else if (raw instanceof String s) {
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw bad(shown, "expected " + allowed());
            }
        } else {
            throw bad(shown, "expected " + allowed());
        }
        boolean below = minExclusive ? v <= min : v < min;
        boolean above = maxExclusive ? v >= max : v > max;
        if (Double.isNaN(v) || Double.isInfinite(v) || below || above) {
            throw bad(shown, "expected " + allowed());
        }
        return v == 0.0 ? 0.0 : v; // -0.0 and 0.0 are one setting
    }

    private String convertText(Object raw) {
        if (!(raw instanceof String s) || s.isBlank()) {
            throw bad(raw, "expected " + allowed());
        }
        String v = s.trim();
        if (choices != null) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (!choices.contains(lower)) {
                throw bad(raw, "expected " + allowed());
            }
            return lower;
        }
        try {
            textCheck.accept(v);
        } catch (IllegalArgumentException e) {
            throw new SpecException(key, "'" + v + "' is not allowed: " + e.getMessage());
        }
        return v;
    }

    private List<Double> convertList(Object raw) {
        List<?> items;
        if (raw instanceof List<?> l) {
            items = l;
        } else if (raw instanceof String s) {
            items = s.isBlank() ? List.of() : List.of(s.split(","));
        } else if (raw instanceof Number) {
            items = List.of(raw);
        } else {
            throw bad(raw, "expected " + allowed());
        }
        List<Double> out = new ArrayList<>();
        for (Object item : items) {
            out.add(convertReal(item, raw));
        }
        return List.copyOf(out);
    }

    private SpecException bad(Object raw, String why) {
        String shown = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
        return new SpecException(key, shown + " is not allowed: " + why);
    }
}
