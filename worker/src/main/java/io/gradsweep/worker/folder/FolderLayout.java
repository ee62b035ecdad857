package io.gradsweep.worker.folder;

import io.gradsweep.worker.table.TracesTable;
import io.gradsweep.worker.table.TrialsTable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names in a study's output folder, defined once: the driver's run, status, resume and
 * analyze and the executors' tasks all take them from here. A name not described here is not
 * gradsweep's, and nothing deletes it.
 */
public final class FolderLayout {
    /** The study and its last run: see {@link Manifest}. */
    public static final String MANIFEST = "manifest.json";
    /** A run's lease on the folder; '_' so that Spark and pyarrow skip it. */
    public static final String LOCK = "_gradsweep.lock";
    /** The tables, in the order a task commits them: traces first, so a visible trials file means whole traces. */
    public static final List<String> TABLES = List.of(TracesTable.NAME, TrialsTable.NAME);

    /** A committed part file: {@code part-<taskKey>.parquet} (task keys: see TaskPlan). */
    private static final Pattern PART = Pattern.compile("part-[A-Za-z0-9_-]{1,64}\\.parquet");
    /**
     * What a task leaves before its commit (a staged file, {@code .part-<taskKey>.<uuid>.tmp}), and
     * the checksum files Hadoop's local file system writes beside any file ({@code .<name>.crc}).
     */
    private static final Pattern PART_HIDDEN = Pattern.compile(
            "\\.part-[A-Za-z0-9_-]{1,64}(\\.[0-9a-f-]{36}\\.tmp|\\.parquet)(\\.crc)?|\\.\\.part-[A-Za-z0-9_-]{1,64}\\.[0-9a-f-]{36}\\.tmp\\.crc");
    /** A partition directory: {@code column=escaped value} (see PartitionPaths). */
    private static final Pattern PARTITION_DIR = Pattern.compile("[A-Za-z0-9._%-]+=[^/=]+");
    /** The manifest's and the lock's temporaries and set-aside copies, and their checksums. */
    private static final Pattern TOP_HIDDEN = Pattern.compile(
            "\\.(manifest\\.json|_gradsweep\\.lock)(\\..*)?(\\.tmp|\\.crc)|\\._gradsweep\\.lock\\.stale\\.[0-9a-f-]{36}");

    private FolderLayout() {
    }

    /** True for a committed part file's name. */
    public static boolean isPartFile(String name) {
        return PART.matcher(name).matches();
    }

    /** True for the hidden names a task's commit protocol leaves (staged files, checksums). */
    public static boolean isPartTemporary(String name) {
        return PART_HIDDEN.matcher(name).matches();
    }

    /** True for a directory name a partitioned table has under its root. */
    public static boolean isPartitionDirectory(String name) {
        return PARTITION_DIR.matcher(name).matches();
    }

    /** True for a table's directory name. */
    public static boolean isTable(String name) {
        return TABLES.contains(name);
    }

    /** True for the manifest's and the lock's own hidden temporaries and set-aside copies. */
    public static boolean isTopLevelTemporary(String name) {
        return TOP_HIDDEN.matcher(name).matches();
    }

    /** The lock and its hidden companions: the run that replaces a folder holds it and keeps it. */
    public static boolean isLockFile(String name) {
        return name.equals(LOCK) || name.startsWith("." + LOCK);
    }
}
