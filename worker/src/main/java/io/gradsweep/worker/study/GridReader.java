package io.gradsweep.worker.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code grid:} into dimensions, in file order: a list (one value per point), a scalar (a
 * one-value dimension), a range object, or {@code zip:} (a list of groups, each a map of
 * equal-length lists that vary together). Every value is checked as its setting would check it.
 */
final class GridReader {
    static final String ZIP = "zip";

    private final Problems problems;
    private final long maxValues;
    /** Setting key to the path of the dimension that varies it. */
    private final Map<String, String> keyPaths = new LinkedHashMap<>();

    /** One dimension's values: canonical for the spec, and as written for people. */
    private record Values(List<Object> canonical, List<String> labels) {
    }

    GridReader(Problems problems, long maxValues) {
        this.problems = problems;
        this.maxValues = maxValues;
    }

    /** Setting key to where the grid varies it, e.g. lr -> grid.zip[0].lr. */
    Map<String, String> keyPaths() {
        return keyPaths;
    }

    List<Dimension> read(Object raw) {
        List<Dimension> dimensions = new ArrayList<>();
        if (raw == null) {
            return dimensions; // no grid: one point, the base settings
        }
        if (!(raw instanceof Map<?, ?> grid)) {
            problems.add("grid", "expected a mapping of setting -> values (a list, a value or a range), found "
                    + Yaml.kind(raw));
            return dimensions;
        }
        for (Map.Entry<?, ?> e : grid.entrySet()) {
            String key = (String) e.getKey();
            String path = Problems.key("grid", key);
            if (key.equals(ZIP)) {
                zip(e.getValue(), path, dimensions);
            } else if (SettingKeys.check(problems, key, path, false, List.of(ZIP)) && unique(key, path)) {
                Values v = values(key, e.getValue(), path, true);
                if (v != null) {
                    dimensions.add(dimension(List.of(key), path, List.of(v)));
                }
            }
        }
        return dimensions;
    }

    private boolean unique(String key, String path) {
        String earlier = keyPaths.putIfAbsent(key, path);
        if (earlier != null) {
            problems.add(path, key + " is already varied by " + earlier + "; a setting can be in one dimension only");
            return false;
        }
        return true;
    }

    private void zip(Object raw, String path, List<Dimension> dimensions) {
        if (!(raw instanceof List<?> groups) || groups.isEmpty()) {
            problems.add(path, "expected a list of groups, each a mapping of setting -> list of equal length,"
                    + " e.g. zip: [{optimizer: [sgd, adam], lr: [0.1, 0.001]}]; found " + Yaml.show(raw));
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            String groupPath = Problems.index(path, g);
            if (!(groups.get(g) instanceof Map<?, ?> group) || group.isEmpty()) {
                problems.add(groupPath, "expected a mapping of setting -> list, found " + Yaml.show(groups.get(g)));
                continue;
            }
            List<String> keys = new ArrayList<>();
            List<Values> columns = new ArrayList<>();
            String firstPath = null;
            boolean ok = true;
            for (Map.Entry<?, ?> e : group.entrySet()) {
                String key = (String) e.getKey();
                String keyPath = Problems.key(groupPath, key);
                if (!SettingKeys.check(problems, key, keyPath, false, List.of()) || !unique(key, keyPath)) {
                    ok = false;
                    continue;
                }
                if (!(e.getValue() instanceof List || e.getValue() instanceof Map)) {
                    problems.badValue(keyPath, e.getValue(), "a list (or a range): the settings of a zip group"
                            + " vary together, value by value; a fixed value belongs in base");
                    ok = false;
                    continue;
                }
                Values v = values(key, e.getValue(), keyPath, false);
                if (v == null) {
                    ok = false;
                    continue;
                }
                if (firstPath != null && v.canonical().size() != columns.get(0).canonical().size()) {
                    problems.add(keyPath, "has " + v.canonical().size() + " values but " + firstPath + " has "
                            + columns.get(0).canonical().size() + "; the lists of a zip group vary together, so"
                            + " they need equal lengths");
                    ok = false;
                    continue;
                }
                if (firstPath == null) {
                    firstPath = keyPath;
                }
                keys.add(key);
                columns.add(v);
            }
            if (ok) {
                dimensions.add(dimension(keys, groupPath, columns));
            }
        }
    }

    /** Transposes columns (one per key) into points, refusing a point that repeats an earlier one. */
    private Dimension dimension(List<String> keys, String path, List<Values> columns) {
        int n = columns.get(0).canonical().size();
        List<Object[]> points = new ArrayList<>(n);
        List<String> labels = new ArrayList<>(n);
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Object[] point = new Object[keys.size()];
            List<String> label = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                point[k] = columns.get(k).canonical().get(i);
                label.add(columns.get(k).labels().get(i));
            }
            Integer earlier = seen.putIfAbsent(List.of(point), i);
            if (earlier != null) {
                problems.add(Problems.index(path, i), String.join("+", label) + " repeats value " + earlier
                        + " of " + path + "; the same trial would run twice");
                continue;
            }
            points.add(point);
            labels.add(String.join("+", label));
        }
        return new Dimension(keys, path, points, labels);
    }

    /** A list, a range or (when {@code scalarAllowed}) one value, checked; null after recording problems. */
    private Values values(String key, Object raw, String path, boolean scalarAllowed) {
        int before = problems.count();
        List<Object> canonical = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (raw instanceof Map<?, ?> range) {
            @SuppressWarnings("unchecked")
            List<Object> expanded = Ranges.expand((Map<String, Object>) range, key, path, problems, maxValues);
            if (expanded == null) {
                return null;
            }
            for (Object v : expanded) {
                add(key, v, path, "range value " + Yaml.show(v) + ": ", canonical, labels);
            }
        } else if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                problems.add(path, "an empty list gives no trials; list at least one value");
                return null;
            }
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                if (v instanceof List || v instanceof Map) {
                    problems.badValue(Problems.index(path, i), v, "a single value of " + key);
                } else {
                    add(key, v, Problems.index(path, i), "", canonical, labels);
                }
            }
        } else if (scalarAllowed) {
            add(key, raw, path, "", canonical, labels);
        } else {
            problems.badValue(path, raw, "a list");
        }
        return problems.count() > before ? null : new Values(canonical, labels);
    }

    private void add(String key, Object raw, String path, String prefix, List<Object> canonical, List<String> labels) {
        Object v = SettingKeys.canonical(problems, key, raw, path, prefix);
        if (v != null) {
            canonical.add(v);
            labels.add(raw instanceof String s ? s.strip() : label(v));
        }
    }

    /** A canonical value for people: numbers in their shortest form on every JDK. */
    static String label(Object v) {
        if (v instanceof Double d) {
            return NumberText.of(d);
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            for (Object o : l) {
                items.add(label(o));
            }
            return String.join(",", items);
        }
        return String.valueOf(v);
    }
}
