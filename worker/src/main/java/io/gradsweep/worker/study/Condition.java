package io.gradsweep.worker.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "These settings have one of these values": the {@code if} of a when rule and each exclude
 * entry. Values are canonical, so {@code elu} matches {@code elu(alpha=1.0)} and 1e-1 matches 0.1.
 */
final class Condition {
    private final int[] slots;
    private final List<Set<Object>> accepted;
    private final Map<String, List<Object>> written;

    /** @param accepted key to its canonical values, in file order */
    Condition(Map<String, Set<Object>> accepted) {
        this.slots = accepted.keySet().stream().mapToInt(SettingKeys::slot).toArray();
        this.accepted = List.copyOf(accepted.values());
        this.written = new LinkedHashMap<>();
        accepted.forEach((k, v) -> written.put(k, List.copyOf(v)));
    }

    boolean matches(Object[] settings) {
        for (int i = 0; i < slots.length; i++) {
            if (!accepted.get(i).contains(settings[slots[i]])) {
                return false;
            }
        }
        return true;
    }

    /** Key to the values it accepts, canonical, in file order. */
    Map<String, List<Object>> accepted() {
        return canonical();
    }

    /** Key to values, for the study's canonical form. */
    Map<String, List<Object>> canonical() {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        written.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }
}
