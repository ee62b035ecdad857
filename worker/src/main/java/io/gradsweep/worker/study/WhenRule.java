package io.gradsweep.worker.study;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code when: [{if: {activation: selu}, set: {init: lecun_normal}}]}: an override for the grid points that match. */
final class WhenRule {
    private final Condition condition;
    private final int[] slots;
    private final Object[] values;
    private final Map<String, Object> set;

    /** @param set key to canonical value */
    WhenRule(Condition condition, Map<String, Object> set) {
        this.condition = condition;
        this.set = new LinkedHashMap<>(set);
        this.slots = set.keySet().stream().mapToInt(SettingKeys::slot).toArray();
        this.values = set.values().toArray();
    }

    /** Applies the override to {@code settings} if they match; rules run in file order, each seeing the last's result. */
    void apply(Object[] settings) {
        if (condition.matches(settings)) {
            for (int i = 0; i < slots.length; i++) {
                settings[slots[i]] = values[i];
            }
        }
    }

    Condition condition() {
        return condition;
    }

    Map<String, Object> set() {
        return new LinkedHashMap<>(set);
    }
}
