package io.gradsweep.worker.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the problems of one study file, with the line of each key path where the file has it. */
final class Problems {
    private final String source;
    private final Map<String, Integer> lines;
    private final List<StudyException.Problem> found = new ArrayList<>();

    Problems(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    void add(String keyPath, String message) {
        found.add(new StudyException.Problem(keyPath, lines.getOrDefault(keyPath, 0), message));
    }

    /** "'x' is not allowed: expected ..." for a value the file holds at {@code keyPath}. */
    void badValue(String keyPath, Object value, String expected) {
        add(keyPath, Yaml.show(value) + " is not allowed: expected " + expected);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    String source() {
        return source;
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new StudyException(source, found);
        }
    }

    /** The paths of a study file: {@code grid.lr[2]}, {@code when[0].set.init}. */
    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }
}
