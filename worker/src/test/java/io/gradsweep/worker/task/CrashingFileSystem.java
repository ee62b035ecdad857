package io.gradsweep.worker.task;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system of an executor that dies just before it renames its first trials file:
 * that rename and every later delete of a temporary fail, as nothing runs any more in a killed
 * JVM. The failures are in the raw layer, which part files are written, renamed and discarded
 * through (no .crc side files), so they meet the commit whichever layer it uses.
 */
public final class CrashingFileSystem extends LocalFileSystem {
    public CrashingFileSystem() {
        super(new CrashingRaw());
    }

    /** A configuration whose file: scheme is this file system (never cached, so no one else gets it). */
    static Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", CrashingFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    private static final class CrashingRaw extends RawLocalFileSystem {
        @Override
        public boolean rename(Path src, Path dst) throws IOException {
            if (dst.toUri().getPath().contains("/trials/")) {
                throw new IOException("simulated crash before renaming " + src.getName());
            }
            return super.rename(src, dst);
        }

        @Override
        public boolean delete(Path path, boolean recursive) throws IOException {
            if (path.getName().endsWith(".tmp")) {
                throw new IOException("simulated crash: " + path.getName() + " stays");
            }
            return super.delete(path, recursive);
        }
    }
}
