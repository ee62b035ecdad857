package io.gradsweep.worker.task;

import io.gradsweep.worker.folder.RunFence;
import io.gradsweep.worker.table.Column;
import io.gradsweep.worker.table.PartFiles;
import io.gradsweep.worker.table.PartitionPaths;
import io.gradsweep.worker.table.StagedFile;
import io.gradsweep.worker.table.TableSchema;
import io.gradsweep.worker.table.TraceRow;
import io.gradsweep.worker.table.TracesTable;
import io.gradsweep.worker.table.TrialRow;
import io.gradsweep.worker.table.TrialsTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A task's rows, grouped by partition value, and their commit: every file is written under a
 * hidden name first and flushed to disk; then the traces files are renamed, then the trials
 * files, so a visible trials file means the task's traces are complete too. With a
 * {@link RunFence}, each rename happens only while the task's run still holds the folder's lock.
 */
final class TaskOutput {
    private final String partitionBy;
    private final String studyHash;
    private final Optional<RunFence> fence;
    private final Map<String, List<TrialRow>> trials = new TreeMap<>();
    private final Map<String, List<TraceRow>> traces = new TreeMap<>();
    private long traceRows;

    TaskOutput(String partitionBy, String studyHash, Optional<RunFence> fence) {
        this.partitionBy = partitionBy;
        this.studyHash = studyHash;
        this.fence = fence;
    }

    void add(String partitionValue, TrialRow trial, List<TraceRow> points) {
        String value = partitionBy.isEmpty() ? "" : partitionValue;
        trials.computeIfAbsent(value, v -> new ArrayList<>()).add(trial);
        traces.computeIfAbsent(value, v -> new ArrayList<>()).addAll(points);
        traceRows += points.size();
    }

    long traceRows() {
        return traceRows;
    }

    /** Writes and commits one trials and one traces file per partition value (an empty one too). */
    void write(Path outputRoot, String taskKey, Configuration conf) throws IOException {
        FileSystem fs = outputRoot.getFileSystem(conf);
        TableSchema<TrialRow> trialsTable = TrialsTable.schema();
        TableSchema<TraceRow> tracesTable = TracesTable.schema();
        List<StagedFile> tracesFiles = new ArrayList<>();
        List<StagedFile> trialsFiles = new ArrayList<>();
        try {
            for (String value : trials.keySet()) {
                checkPartitionValue(trialsTable, trials.get(value), value);
                checkPartitionValue(tracesTable, traces.get(value), value);
                tracesFiles.add(stage(fs, outputRoot, taskKey, tracesTable, value, traces.get(value)));
                trialsFiles.add(stage(fs, outputRoot, taskKey, trialsTable, value, trials.get(value)));
            }
            for (StagedFile f : concat(tracesFiles, trialsFiles)) {
                if (fence.isPresent()) {
                    fence.get().check(fs, outputRoot);
                }
                f.commit();
            }
        } catch (IOException | RuntimeException | FSError e) { // FSError: Hadoop's local file system on a full disk
            // Best effort: a crashed executor leaves its hidden files anyway, and readers skip them.
            for (StagedFile f : concat(tracesFiles, trialsFiles)) {
                try {
                    f.discard();
                } catch (IOException | RuntimeException | FSError cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private <R> StagedFile stage(FileSystem fs, Path outputRoot, String taskKey, TableSchema<R> table,
                                 String value, List<R> rows) throws IOException {
        Path directory = PartitionPaths.directory(new Path(outputRoot, table.name()), partitionBy, value);
        return PartFiles.stage(fs, directory, taskKey, table.withoutColumn(partitionBy), rows, studyHash);
    }

    /**
     * The partition column is left out of the files (readers take it from the directory name), so
     * the directory must say exactly what the column would have: the study must render the value
     * as {@code String.valueOf} of the setting.
     */
    private <R> void checkPartitionValue(TableSchema<R> table, List<R> rows, String value) {
        Optional<Column<R>> column = partitionBy.isEmpty() ? Optional.empty() : table.column(partitionBy);
        if (column.isEmpty()) {
            return;
        }
        for (R row : rows) {
            String inRow = String.valueOf(column.get().valueOf(row));
            if (!inRow.equals(value)) {
                throw new IllegalArgumentException("partition value '" + value + "' differs from the row's "
                        + table.name() + "." + partitionBy + " '" + inRow + "': it would be lost");
            }
        }
    }

    private static List<StagedFile> concat(List<StagedFile> a, List<StagedFile> b) {
        List<StagedFile> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
