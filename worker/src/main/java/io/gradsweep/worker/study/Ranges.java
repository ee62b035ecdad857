package io.gradsweep.worker.study;

import io.gradsweep.core.train.Suggest;
import io.gradsweep.core.train.TrialSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A range object of a grid: {@code {from: 2, to: 16, step: 2}} (linear, inclusive; integers if
 * all three are) or {@code {from: 1e-3, to: 1e-1, num: 5, log: true}} (num points, log- or
 * linear-spaced; rounded and de-duplicated for integer settings). Step ranges add exact decimals,
 * so 0.1 + 2 x 0.1 is 0.3; spaced points are rounded to 12 significant digits, and log spacing
 * uses StrictMath: the same values on every machine.
 */
final class Ranges {
    static final List<String> KEYS = List.of("from", "to", "step", "num", "log");

    private Ranges() {
    }

    /** The range's values (Long or Double, not yet checked against the setting), or null after recording problems. */
    static List<Object> expand(Map<String, Object> range, String key, String path, Problems problems, long maxValues) {
        int before = problems.count();
        for (String k : range.keySet()) {
            if (!KEYS.contains(k)) {
                problems.add(Problems.key(path, k), "unknown range key '" + k + "'" + Suggest.didYouMean(k, KEYS)
                        + "; a range is {from, to, step} or {from, to, num, log}");
            }
        }
        Number from = number(range, "from", path, problems, true);
        Number to = number(range, "to", path, problems, true);
        Number step = number(range, "step", path, problems, false);
        Object numRaw = range.get("num");
        Object logRaw = range.getOrDefault("log", false);
        if (!(logRaw instanceof Boolean)) {
            problems.badValue(Problems.key(path, "log"), logRaw, "true or false");
        }
        boolean log = Boolean.TRUE.equals(logRaw);
        if (range.containsKey("step") == range.containsKey("num")) {
            problems.add(path, "a range needs exactly one of step (linear, inclusive of to) and num (that many"
                    + " points from from to to)");
        }
        if (log && range.containsKey("step")) {
            problems.add(Problems.key(path, "log"), "log spacing takes num, not step");
        }
        long num = 0;
        if (numRaw != null) {
            if (numRaw instanceof Long n && n >= 1) {
                num = n;
            } else {
                problems.badValue(Problems.key(path, "num"), numRaw, "an integer >= 1");
            }
        }
        if (problems.count() > before || from == null || to == null) {
            return null;
        }
        double a = from.doubleValue();
        double b = to.doubleValue();
        if (log && (a <= 0 || b <= 0)) {
            problems.add(Problems.key(path, a <= 0 ? "from" : "to"), "log spacing needs from > 0 and to > 0, got from "
                    + Yaml.show(from) + " to " + Yaml.show(to));
            return null;
        }
        if (step != null) {
            return stepped(from, to, step, path, problems, maxValues);
        }
        if (num == 1 && a != b) {
            problems.add(Problems.key(path, "num"), "1 point cannot span from " + Yaml.show(from) + " to "
                    + Yaml.show(to) + "; write the value itself");
            return null;
        }
        if (num > maxValues) {
            problems.add(Problems.key(path, "num"), num + " values, more than max_trials (" + maxValues + ")");
            return null;
        }
        return spaced(a, b, (int) num, log, TrialSpec.isInteger(key));
    }

    private static Number number(Map<String, Object> range, String k, String path, Problems problems, boolean required) {
        Object v = range.get(k);
        if (v == null) {
            if (required) {
                problems.add(path, "a range needs '" + k + "'; a range is {from, to, step} or {from, to, num, log}");
            }
            return null;
        }
        if (v instanceof Long || v instanceof Double d && Double.isFinite(d)) {
            return (Number) v;
        }
        problems.badValue(Problems.key(path, k), v, "a number");
        return null;
    }

    private static List<Object> stepped(Number from, Number to, Number step, String path, Problems problems,
                                        long maxValues) {
        BigDecimal a = decimal(from);
        BigDecimal b = decimal(to);
        BigDecimal s = decimal(step);
        if (s.signum() == 0 || b.subtract(a).signum() * s.signum() < 0) {
            problems.add(Problems.key(path, "step"), Yaml.show(step) + " never gets from " + Yaml.show(from) + " to "
                    + Yaml.show(to) + "; expected a step " + (b.compareTo(a) >= 0 ? "> 0" : "< 0"));
            return null;
        }
        BigInteger count = b.subtract(a).divide(s, MathContext.DECIMAL128).setScale(0, RoundingMode.FLOOR)
                .toBigInteger().add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(maxValues)) > 0) {
            problems.add(path, count + " values, more than max_trials (" + maxValues + ")");
            return null;
        }
        boolean integers = from instanceof Long && to instanceof Long && step instanceof Long;
        List<Object> values = new ArrayList<>();
        for (long i = 0; i < count.longValue(); i++) {
            BigDecimal v = a.add(s.multiply(BigDecimal.valueOf(i)));
            values.add(integers ? (Object) v.longValueExact() : (Object) v.doubleValue());
        }
        return values;
    }

    private static List<Object> spaced(double a, double b, int num, boolean log, boolean integer) {
        Set<Object> values = new LinkedHashSet<>(); // integer settings may round two points to one
        double la = StrictMath.log(a);
        double lb = StrictMath.log(b);
        for (int i = 0; i < num; i++) {
            double v;
            if (i == 0) {
                v = a;
            } else if (i == num - 1) {
                v = b;
            } else {
                double t = (double) i / (num - 1);
                v = NumberText.round12(log ? StrictMath.exp(la + t * (lb - la)) : a + t * (b - a));
            }
            values.add(integer ? (Object) Math.round(v) : (Object) v);
        }
        return new ArrayList<>(values);
    }

    /** The decimal the file wrote (the shortest that reads back as the same double). */
    private static BigDecimal decimal(Number n) {
        return n instanceof Long l ? BigDecimal.valueOf(l) : NumberText.shortest(n.doubleValue());
    }
}
