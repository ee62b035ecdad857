package io.gradsweep.worker.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a when rule that no grid point can match: a rule that silently does nothing is almost
 * always a typo of a value (selu for a grid of relu and elu) or a rule left over from another
 * grid. Decided without walking the grid, from the values each setting can take: a grid
 * dimension's values, else its base (or default) value, plus whatever an earlier rule sets. A
 * rule whose every key can take one of its values may still match nothing in combination (a zip);
 * that is not refused.
 */
final class RuleReach {
    private RuleReach() {
    }

    static void check(Problems problems, List<Dimension> dimensions, Object[] base, List<WhenRule> rules) {
        Map<String, Set<Object>> reachable = new HashMap<>();
        for (Dimension d : dimensions) {
            for (int i = 0; i < d.size(); i++) {
                Object[] point = base.clone();
                d.apply(i, point);
                for (String key : d.keys()) {
                    reachable.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(point[SettingKeys.slot(key)]);
                }
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            WhenRule rule = rules.get(r);
            for (Map.Entry<String, List<Object>> e : rule.condition().accepted().entrySet()) {
                String key = e.getKey();
                Set<Object> values = reachable.getOrDefault(key, Set.of(base[SettingKeys.slot(key)]));
                if (e.getValue().stream().noneMatch(values::contains)) {
                    problems.add(Problems.key(Problems.key(Problems.index("when", r), "if"), key),
                            "this rule matches no trial: " + key + " is " + shown(values) + " in every grid point,"
                            + " never " + shown(e.getValue()) + "; correct the value or remove the rule");
                    break;
                }
            }
            rule.set().forEach((key, value) -> reachable.computeIfAbsent(key,
                    k -> new LinkedHashSet<>(List.of(base[SettingKeys.slot(k)]))).add(value));
        }
    }

    private static String shown(java.util.Collection<Object> values) {
        List<String> s = new ArrayList<>();
        for (Object v : values) {
            s.add(String.valueOf(v));
        }
        return s.size() == 1 ? s.get(0) : "one of " + String.join(", ", s);
    }
}
