package io.gradsweep.worker.table;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * A task's Parquet files: {@code part-<taskKey>.parquet}, written first under a hidden name
 * ({@code .part-<taskKey>.<uuid>.tmp}) in the same directory, so the final rename is a rename
 * within one directory and a crashed attempt leaves only a hidden file behind.
 */
public final class PartFiles {
    /**
     * ZSTD: read by Spark, DuckDB and pyarrow, and a little smaller than SNAPPY on these
     * float-heavy rows (376 trace rows of depth-4 networks: 37.5 KB against 40.9 KB).
     */
    static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;

    private PartFiles() {
    }

    public static String finalName(String taskKey) {
        return "part-" + taskKey + ".parquet";
    }

    /**
     * Unique per attempt, so concurrent attempts of one task never write to the same file. Hidden
     * for Spark and pyarrow; and not ending in .parquet for DuckDB, whose globs match hidden names.
     */
    static String tempName(String taskKey) {
        return ".part-" + taskKey + "." + UUID.randomUUID() + ".tmp";
    }

    /** The names Spark and pyarrow skip when listing a dataset. */
    public static boolean isHidden(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("_");
    }

    /** {@link #stage(FileSystem, Path, String, TableSchema, List, String)} with no study in the footer. */
    public static <R> StagedFile stage(FileSystem fs, Path directory, String taskKey, TableSchema<R> table,
                                       List<R> rows) throws IOException {
        return stage(fs, directory, taskKey, table, rows, new PartFileFooter(table.name(), java.util.Optional.empty(),
                java.util.Optional.of(taskKey), java.util.Optional.of((long) rows.size())));
    }

    /**
     * Writes all {@code rows} to a hidden file in {@code directory}, with the study's hash, the
     * task's key and the row count in its footer, and flushes it to disk; nothing is visible until
     * commit.
     */
    public static <R> StagedFile stage(FileSystem fs, Path directory, String taskKey, TableSchema<R> table,
                                       List<R> rows, String studyHash) throws IOException {
        return stage(fs, directory, taskKey, table, rows, PartFileFooter.of(table.name(), studyHash, taskKey,
                rows.size()));
    }

    private static <R> StagedFile stage(FileSystem given, Path directory, String taskKey, TableSchema<R> table,
                                        List<R> rows, PartFileFooter footer) throws IOException {
        FileSystem fs = withoutChecksumFiles(given);
        Path temp = new Path(directory, tempName(taskKey));
        StagedFile staged = new StagedFile(fs, temp, new Path(directory, finalName(taskKey)), rows.size());
        try (ParquetWriter<R> writer = new Builder<>(new SyncedOutputFile(fs, temp), table, footer.toMetadata())
                .withConf(fs.getConf())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CODEC)
                .build()) {
            for (R row : rows) {
                writer.write(row);
            }
        } catch (IOException | RuntimeException | FSError e) { // FSError: Hadoop's local file system on a full disk
            try {
                staged.discard();
            } catch (IOException | RuntimeException | FSError cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return staged;
    }

    /**
     * The file system part files are written, renamed and discarded through: file: without its
     * checksum layer, any other as it is. Hadoop's local file system writes a {@code .NAME.crc}
     * beside every file, which polars and other readers of the folder take for data and fail on;
     * a part file's integrity is checked from its own footer instead (see {@link PartFileFooter}:
     * the table, the study, the task and the row count), and its bytes reach the disk by fsync
     * before the rename (see {@link SyncedOutputFile}).
     */
    static FileSystem withoutChecksumFiles(FileSystem fs) {
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
        private final TableSchema<R> table;
        private final java.util.Map<String, String> footer;

        Builder(OutputFile file, TableSchema<R> table, java.util.Map<String, String> footer) {
            super(file);
            this.table = table;
            this.footer = footer;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        @Override
        protected WriteSupport<R> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(table, footer);
        }

        @Override
        protected WriteSupport<R> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport<>(table, footer);
        }
    }
}
