package io.gradsweep.worker.study;

import java.util.List;

/**
 * One axis of a study's grid: a single setting ("activation") or a zip group whose settings vary
 * together ("optimizer+lr"). Its values are held (a dimension is small; the grid is not).
 */
public final class Dimension {
    private final List<String> keys;
    private final int[] slots;
    private final String path;
    private final List<Object[]> points;
    private final List<String> labels;

    Dimension(List<String> keys, String path, List<Object[]> points, List<String> labels) {
        this.keys = List.copyOf(keys);
        this.slots = keys.stream().mapToInt(SettingKeys::slot).toArray();
        this.path = path;
        this.points = List.copyOf(points);
        this.labels = List.copyOf(labels);
    }

    /** The setting key, or the keys of a zip group joined by '+', e.g. {@code optimizer+lr}. */
    public String name() {
        return String.join("+", keys);
    }

    public List<String> keys() {
        return keys;
    }

    /** Each value as written (numbers in their shortest form); a zip group's joined by '+'. */
    public List<String> values() {
        return labels;
    }

    /**
     * Each value as the trials table holds it, as text (String.valueOf of the canonical value, so
     * {@code elu} is {@code elu(alpha=1.0)} and 0.0001 is {@code 1.0E-4}); a zip group's joined by '+'.
     */
    public List<String> canonicalValues() {
        return points.stream().map(p -> String.join("+", java.util.Arrays.stream(p).map(String::valueOf).toList())).toList();
    }

    public int size() {
        return points.size();
    }

    /** Where the file declares it, e.g. {@code grid.lr} or {@code grid.zip[1]}. */
    String path() {
        return path;
    }

    /** Writes value {@code i} (canonical, one per key) into a point's settings. */
    void apply(int i, Object[] settings) {
        Object[] values = points.get(i);
        for (int k = 0; k < slots.length; k++) {
            settings[slots[k]] = values[k];
        }
    }

    /** Value {@code i}, canonical, one per key. */
    List<Object> point(int i) {
        return List.of(points.get(i));
    }
}
