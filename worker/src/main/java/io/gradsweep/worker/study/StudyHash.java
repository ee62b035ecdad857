package io.gradsweep.worker.study;

import io.gradsweep.core.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a study: SHA-256 of a canonical JSON form of what it runs (sorted keys, canonical
 * values, numbers in {@link NumberText}'s JDK-independent digits). Comments, key order, spelling
 * (1e-1 or 0.1, elu or elu(alpha=1.0)), a list written as a range and settings written at their
 * default do not change it; max_trials does not either, as it is a guard, not part of the study.
 */
final class StudyHash {
    private StudyHash() {
    }

    static String of(StudyDefinition d) {
        return Sha256.hex(canonicalJson(d), 32);
    }

    static String canonicalJson(StudyDefinition d) {
        Map<String, Object> form = new TreeMap<>();
        form.put("study", d.name());
        form.put("seed", d.seed());
        // a rule, when there is one; a plain number keeps the form (and hash) it always had
        form.put("replicates", d.replicationRule().isPresent() ? d.replicationRule().get().canonical() : (Object) (long) d.replicates());
        form.put("base", d.base());
        List<Object> dimensions = new ArrayList<>();
        for (Dimension dim : d.grid().dimensions()) {
            List<Object> points = new ArrayList<>();
            for (int i = 0; i < dim.size(); i++) {
                points.add(dim.point(i));
            }
            dimensions.add(Map.of("keys", dim.keys(), "values", points));
        }
        form.put("grid", dimensions);
        List<Object> when = new ArrayList<>();
        for (WhenRule r : d.rules()) {
            when.add(Map.of("if", sortedValues(r.condition()), "set", r.set()));
        }
        form.put("when", when);
        List<Object> exclude = new ArrayList<>();
        for (Condition c : d.excludes()) {
            exclude.add(sortedValues(c));
        }
        form.put("exclude", exclude);
        form.put("thresholds", d.thresholds());
        form.put("partition_by", d.partitionBy());
        StringBuilder s = new StringBuilder();
        write(s, form);
        return s.toString();
    }

    /** A condition's values are a set: their order in the file does not matter. */
    private static Map<String, List<Object>> sortedValues(Condition c) {
        Map<String, List<Object>> values = c.canonical();
        for (List<Object> v : values.values()) {
            v.sort(Comparator.comparing(StudyHash::json));
        }
        return values;
    }

    private static String json(Object v) {
        StringBuilder s = new StringBuilder();
        write(s, v);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v) {
        if (v instanceof Map<?, ?> map) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                s.append(first ? "" : ",");
                first = false;
                write(s, e.getKey());
                s.append(':');
                write(s, e.getValue());
            }
            s.append('}');
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i > 0 ? "," : "");
                write(s, list.get(i));
            }
            s.append(']');
        } else if (v instanceof String str) {
            s.append('"');
            for (char c : str.toCharArray()) {
                if (c == '"' || c == '\\') {
                    s.append('\\').append(c);
                } else if (c < 0x20) {
                    s.append(String.format("\\u%04x", (int) c));
                } else {
                    s.append(c);
                }
            }
            s.append('"');
        } else if (v instanceof Double d) {
            s.append(NumberText.of(d));
        } else {
            s.append(v); // Long or Boolean
        }
    }
}
