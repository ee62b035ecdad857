package io.gradsweep.worker.study;

import io.gradsweep.core.train.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code when:} (conditional overrides) and {@code exclude:} (points to skip). */
final class RuleReader {
    private static final List<String> WHEN_KEYS = List.of("if", "set");

    private final Problems problems;
    private final Map<String, String> gridKeys;
    /** Setting key to the first when rule that sets it. */
    private final Map<String, String> setPaths = new LinkedHashMap<>();

    /** @param gridKeys setting key to the grid dimension that varies it */
    RuleReader(Problems problems, Map<String, String> gridKeys) {
        this.problems = problems;
        this.gridKeys = gridKeys;
    }

    Map<String, String> setPaths() {
        return setPaths;
    }

    List<WhenRule> when(Object raw) {
        List<WhenRule> rules = new ArrayList<>();
        for (Object[] item : items(raw, "when", "{if: {activation: selu}, set: {init: lecun_normal}}")) {
            String path = (String) item[0];
            if (!(item[1] instanceof Map<?, ?> rule)) {
                problems.badValue(path, item[1], "a mapping {if: {...}, set: {...}}");
                continue;
            }
            for (Object k : rule.keySet()) {
                if (!WHEN_KEYS.contains(k)) {
                    problems.add(Problems.key(path, (String) k), "unknown key '" + k + "' in a when rule"
                            + Suggest.didYouMean((String) k, WHEN_KEYS));
                }
            }
            if (!rule.containsKey("if") || !rule.containsKey("set")) {
                problems.add(path, "a when rule needs both 'if' and 'set'");
                continue;
            }
            Condition condition = condition(rule.get("if"), Problems.key(path, "if"));
            Map<String, Object> set = set(rule.get("set"), Problems.key(path, "set"));
            if (condition != null && set != null) {
                rules.add(new WhenRule(condition, set));
            }
        }
        return rules;
    }

    List<Condition> exclude(Object raw) {
        List<Condition> excludes = new ArrayList<>();
        for (Object[] item : items(raw, "exclude", "{activation: selu, depth: [16, 32]}")) {
            Condition c = condition(item[1], (String) item[0]);
            if (c != null) {
                excludes.add(c);
            }
        }
        return excludes;
    }

    /** The entries of a top-level list as (path, value) pairs; none if absent or not a list. */
    private List<Object[]> items(Object raw, String path, String example) {
        List<Object[]> items = new ArrayList<>();
        if (raw == null) {
            return items;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(path, "expected a list of entries like " + example + ", found " + Yaml.kind(raw));
            return items;
        }
        for (int i = 0; i < list.size(); i++) {
            items.add(new Object[] {Problems.index(path, i), list.get(i)});
        }
        return items;
    }

    /** {key: value or [values]}: canonical values per key, or null after recording problems. */
    private Condition condition(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.badValue(path, raw, "a mapping setting -> value or [values], e.g. {activation: [relu, elu]};"
                    + " an empty one would match every point");
            return null;
        }
        int before = problems.count();
        Map<String, Set<Object>> accepted = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            String keyPath = Problems.key(path, key);
            if (!SettingKeys.check(problems, key, keyPath, false, List.of())) {
                continue;
            }
            Set<Object> values = new LinkedHashSet<>();
            if (e.getValue() instanceof List<?> list) {
                if (list.isEmpty()) {
                    problems.add(keyPath, "an empty list matches nothing; list at least one value");
                }
                for (int i = 0; i < list.size(); i++) {
                    addValue(values, key, list.get(i), Problems.index(keyPath, i));
                }
            } else {
                addValue(values, key, e.getValue(), keyPath);
            }
            accepted.put(key, values);
        }
        return problems.count() > before ? null : new Condition(accepted);
    }

    private void addValue(Set<Object> values, String key, Object raw, String path) {
        if (raw instanceof Map || raw instanceof List) {
            problems.badValue(path, raw, "a single value of " + key);
            return;
        }
        Object v = SettingKeys.canonical(problems, key, raw, path, "");
        if (v != null) {
            values.add(v);
        }
    }

    private Map<String, Object> set(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.badValue(path, raw, "a mapping setting -> value, e.g. {init: lecun_normal}");
            return null;
        }
        int before = problems.count();
        Map<String, Object> set = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            String keyPath = Problems.key(path, key);
            if (!SettingKeys.check(problems, key, keyPath, false, List.of())) {
                continue;
            }
            if (gridKeys.containsKey(key)) {
                problems.add(keyPath, key + " is varied by " + gridKeys.get(key) + "; a when rule that sets it"
                        + " would turn distinct grid points into the same trial (use exclude to drop points)");
                continue;
            }
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                problems.badValue(keyPath, e.getValue(), "a single value of " + key);
                continue;
            }
            Object v = SettingKeys.canonical(problems, key, e.getValue(), keyPath, "");
            if (v != null) {
                set.put(key, v);
                setPaths.putIfAbsent(key, keyPath);
            }
        }
        return problems.count() > before ? null : set;
    }
}
