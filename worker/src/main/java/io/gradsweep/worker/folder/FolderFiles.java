package io.gradsweep.worker.folder;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.io.InputFile;

/**
 * How the readers of an output folder ({@link CommittedTables}, the manifest's and the lock's)
 * reach its files: through Hadoop's FileSystem ({@link HadoopFolderFiles}, any scheme), or, for a
 * folder on this machine, through java.nio alone ({@link LocalFolderFiles}), which loads no
 * Hadoop class: status then answers in the time the JVM takes to start, not in the time Hadoop's
 * configuration and file system take to start. Paths are Hadoop {@link Path}s either way (a value
 * class), so that both name every file alike.
 *
 * <p>Every method treats a file that is gone as never there (a run renames and deletes files in
 * the folder while status reads it): {@link FileNotFoundException}, never another kind.
 */
public interface FolderFiles {
    /** The entries of {@code dir}, sorted by name, no link followed; empty when it does not exist. */
    List<FolderTree.Entry> list(Path dir) throws IOException;

    /** {@code path}'s entry in its directory, looked at without following it; empty when it does not exist. */
    default Optional<FolderTree.Entry> entry(Path path) throws IOException {
        for (FolderTree.Entry e : list(path.getParent())) {
            if (e.name().equals(path.getName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** What {@code path} is, without following it; empty when it does not exist. */
    default Optional<FolderTree.Kind> kindOf(Path path) throws IOException {
        return entry(path).map(FolderTree.Entry::kind);
    }

    /** A small file's bytes. */
    InputStream open(Path file) throws IOException;

    /** When {@code file} was last modified, in milliseconds since the epoch. */
    long modifiedMillis(Path file) throws IOException;

    /** {@code file} for a Parquet reader. */
    InputFile parquet(Path file) throws IOException;

    /**
     * The options a Parquet reader of these files takes. Both kinds verify the pages' own
     * checksums (Hadoop's local file system also checks its .crc side files, where they exist), so
     * that a damaged page fails the reading alike.
     */
    ParquetReadOptions parquetOptions();
}
