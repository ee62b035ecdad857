package io.gradsweep.worker.table;

import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A complete file under a hidden temporary name, waiting to be renamed to its final name. Readers
 * skip it (Spark and pyarrow for its leading dot, DuckDB's {@code *.parquet} globs for its
 * {@code .tmp} ending), so until {@link #commit} nobody sees it, and after it they see all of it.
 */
public final class StagedFile {
    private final FileSystem fs;
    private final Path temp;
    private final Path target;
    private final long rows;
    private boolean done;

    StagedFile(FileSystem fs, Path temp, Path target, long rows) {
        this.fs = fs;
        this.temp = temp;
        this.target = target;
        this.rows = rows;
    }

    /**
     * Renames the file to its final name unless that name exists already: then an earlier or
     * concurrent attempt of the same task won, its file holds the same rows, and this one is
     * deleted. Never overwrites where the file system can refuse: HDFS's rename returns false
     * over an existing file and S3A's refuses it; the local file system's rename replaces, so the
     * existence check comes first there, and the only race left (two attempts renaming in the
     * same instant) replaces one complete file by another with the same rows.
     *
     * @return true when this attempt's file is now the final one, false when an existing one was kept
     */
    public boolean commit() throws IOException {
        if (done) {
            throw new IllegalStateException(temp + " was already committed or discarded");
        }
        if (fs.exists(target)) {
            discard();
            return false;
        }
        boolean renamed;
        try {
            renamed = fs.rename(temp, target);
        } catch (FileAlreadyExistsException e) {
            renamed = false;
        }
        if (renamed) {
            done = true;
            return true;
        }
        if (fs.exists(target)) {
            discard();
            return false;
        }
        throw new IOException("could not rename " + temp + " to " + target);
    }

    /** Deletes the temporary file, if it is still there; committing after this is an error. */
    public void discard() throws IOException {
        if (!done) {
            done = true;
            fs.delete(temp, false);
        }
    }

    /** True once committed or discarded. */
    public boolean isDone() {
        return done;
    }

    public Path tempPath() {
        return temp;
    }

    public Path finalPath() {
        return target;
    }

    public long rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "StagedFile{" + temp.getName() + " -> " + target + ", " + rows + " rows}";
    }
}
