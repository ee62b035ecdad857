package io.gradsweep.worker.task;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system while a run renames and deletes part files under a reader's feet: the file
 * whose path ends with {@link #target} is deleted just before its {@code n}-th look-up by this file
 * system (a status or an open), after the reader has listed it.
 */
public final class VanishingFileSystem extends LocalFileSystem {
    static volatile String target = "";
    static volatile int lookUpsBeforeVanishing;
    static volatile boolean vanished;

    /** A configuration whose file: scheme is this file system (never cached, so no one else gets it). */
    static Configuration configuration(String pathEnd, int lookUpsBefore) {
        target = pathEnd;
        lookUpsBeforeVanishing = lookUpsBefore;
        vanished = false;
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", VanishingFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    private synchronized void maybeVanish(Path path) throws IOException {
        if (!vanished && path.toUri().getPath().endsWith(target) && lookUpsBeforeVanishing-- == 0) {
            vanished = super.delete(path, false);
        }
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        maybeVanish(path);
        return super.getFileStatus(path);
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        maybeVanish(path);
        return super.open(path, bufferSize);
    }
}
