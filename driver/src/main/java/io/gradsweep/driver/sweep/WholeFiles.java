package io.gradsweep.driver.sweep;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Small files that are replaced whole (the manifest, the lock), so that a reader, or a crash,
 * finds the old content or the new one, never neither and never half.
 *
 * <p>On file: that takes care: FileContext's rename-with-overwrite is a delete followed by a
 * rename there (a crash in between would leave no manifest at all), and the checksummed local
 * filesystem renames each file and its .crc one after the other (a reader in between pairs new
 * content with an old checksum). So on file: these files go through the raw local filesystem,
 * whose rename is POSIX rename(2), atomic and overwriting. HDFS's rename with overwrite is
 * atomic as it is. An object store has no rename (s3a: copies, and an overwriting rename there is
 * delete, then copy: a moment with no file), but each upload replaces the object whole, so there
 * the file is simply written over.
 */
final class WholeFiles {
    /** Schemes of object stores Hadoop reaches, whose uploads replace an object whole. */
    private static final java.util.Set<String> OBJECT_STORES = java.util.Set.of("s3a", "gs", "oss", "cosn", "obs");

    private WholeFiles() {
    }

    /** The filesystem to use for such files: file: without its checksum layer, any other as it is. */
    static FileSystem direct(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /** Writes {@code bytes} to a hidden temporary beside {@code file}, then renames it over {@code file}. */
    static void replace(FileSystem fs, Path target, byte[] bytes, String tmpSuffix) throws IOException {
        Path file = fs.makeQualified(target);
        if (OBJECT_STORES.contains(file.toUri().getScheme())) {
            try (OutputStream out = fs.create(file, true)) { // visible only once closed, old until then
                out.write(bytes);
            }
            return;
        }
        Path tmp = new Path(file.getParent(), "." + file.getName() + tmpSuffix + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(bytes);
                out.hsync(); // on disk before the rename (the local file system's raw stream syncs too)
            }
            if (fs instanceof RawLocalFileSystem) {
                if (!fs.rename(tmp, file)) {
                    throw new IOException("could not rename " + tmp + " to " + file);
                }
            } else {
                FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(tmp, file, Options.Rename.OVERWRITE);
            }
        } catch (IOException | RuntimeException | FSError e) {
            // a full disk leaves an empty temporary: it goes, the old file stays as it was
            try {
                fs.delete(tmp, false);
            } catch (IOException | RuntimeException | FSError cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
