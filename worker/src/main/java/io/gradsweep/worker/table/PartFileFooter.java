package io.gradsweep.worker.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key-value metadata in every part file's footer: which table, which layout, and (since the
 * layout's integrity checks) which study and task wrote it and how many rows it holds, so that a
 * reader proves a file whole and ours before it counts a row of it. Files written before these
 * last three keys existed have only the first two; readers accept them without those checks.
 */
public record PartFileFooter(String table, Optional<String> studyHash, Optional<String> taskKey, Optional<Long> rows) {
    public static final String TABLE_KEY = "gradsweep.table";
    public static final String LAYOUT_KEY = "gradsweep.layout";
    public static final String LAYOUT_VERSION = "1";
    public static final String STUDY_HASH_KEY = "gradsweep.study_hash";
    public static final String TASK_KEY = "gradsweep.task";
    public static final String ROWS_KEY = "gradsweep.rows";

    /** The footer of a file a task writes now. */
    public static PartFileFooter of(String table, String studyHash, String taskKey, long rows) {
        return new PartFileFooter(table, Optional.of(studyHash), Optional.of(taskKey), Optional.of(rows));
    }

    /** Reads a footer's metadata; empty when it is not a gradsweep part file's (no table or layout key). */
    public static Optional<PartFileFooter> of(Map<String, String> metadata) {
        String table = metadata.get(TABLE_KEY);
        if (table == null || !LAYOUT_VERSION.equals(metadata.get(LAYOUT_KEY))) {
            return Optional.empty();
        }
        Optional<Long> rows;
        try {
            rows = Optional.ofNullable(metadata.get(ROWS_KEY)).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new PartFileFooter(table, Optional.ofNullable(metadata.get(STUDY_HASH_KEY)),
                Optional.ofNullable(metadata.get(TASK_KEY)), rows));
    }

    /** The metadata to write. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TABLE_KEY, table);
        m.put(LAYOUT_KEY, LAYOUT_VERSION);
        studyHash.ifPresent(h -> m.put(STUDY_HASH_KEY, h));
        taskKey.ifPresent(k -> m.put(TASK_KEY, k));
        rows.ifPresent(r -> m.put(ROWS_KEY, Long.toString(r)));
        return m;
    }
}
