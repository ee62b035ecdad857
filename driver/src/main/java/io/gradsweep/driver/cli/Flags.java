package io.gradsweep.driver.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line after the subcommand: {@code --key value}, {@code --key=value} and bare
 * switches, plus positional arguments. Dashes in keys become underscores, so {@code --test-fraction}
 * and {@code --test_fraction} are one key.
 */
public final class Flags {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Flags() {
    }

    /** Parses {@code args}; {@code switches} are the keys that take no value. */
    public static Flags parse(String[] args, List<String> switches) {
        Flags flags = new Flags();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                flags.positional.add(a);
                continue;
            }
            String body = a.substring(2);
            String key;
            String value;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                key = normalise(body.substring(0, eq));
                value = body.substring(eq + 1);
            } else {
                key = normalise(body);
                if (switches.contains(key)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("--" + body + " needs a value");
                }
            }
            if (flags.values.containsKey(key)) {
                throw new UsageException("--" + body + " is given twice");
            }
            flags.values.put(key, value);
        }
        return flags;
    }

    private static String normalise(String key) {
        return key.replace('-', '_');
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Removes and returns a flag's value, or {@code fallback}. */
    public String take(String key, String fallback) {
        String v = values.remove(key);
        return v == null ? fallback : v;
    }

    /**
     * Removes and returns a switch: false when absent, true when given bare; {@code --key=true} and
     * {@code --key=false} are taken too, any other value is refused (it would otherwise read as false).
     */
    public boolean takeSwitch(String key) {
        String v = values.remove(key);
        if (v == null || v.equals("true")) {
            return v != null;
        }
        if (v.equals("false")) {
            return false;
        }
        String flag = "--" + key.replace('_', '-');
        throw new UsageException(flag + "=" + v + ": " + flag + " is a switch; give it alone (or as " + flag
                + "=true or " + flag + "=false)");
    }

    /** Removes and returns an integer flag, naming the flag when the value is not one. */
    public int takeInt(String key, int fallback, int min) {
        String v = values.remove(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + key.replace('_', '-') + " " + v + ": must be an integer >= " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key.replace('_', '-') + " " + v + ": must be an integer >= " + min);
        }
    }

    /** Removes and returns a long integer flag, naming the flag when the value is not one. */
    public long takeLong(String key, long fallback, long min) {
        String v = values.remove(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException("--" + key.replace('_', '-') + " " + v + ": must be an integer >= " + min);
    }

    /** Removes and returns a real flag, naming the flag when the value is not a positive number. */
    public double takePositive(String key, double fallback) {
        String v = values.remove(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key.replace('_', '-') + " " + v + ": must be a number > 0");
        }
    }

    /** The flags not yet taken, in command-line order. */
    public Map<String, String> remaining() {
        return new LinkedHashMap<>(values);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }
}
