package io.gradsweep.driver.sweep;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system with a disk of {@link #FREE_BYTES} free bytes under {@link #ROOT}: a
 * write beyond them fails as the OS fails it (IOException "No space left on device", ENOSPC), and
 * a deleted file gives its bytes back. Registered as file: through {@code fs.file.impl} (uncached),
 * so the run's own code paths, Parquet's writer and Hadoop's, meet the full disk; only the
 * driver's manifest, written through the raw local file system, is not counted.
 */
public final class NoSpaceFileSystem extends LocalFileSystem {
    static final String ROOT = "gradsweep.test.nospace.root";
    static final String FREE_BYTES = "gradsweep.test.nospace.free.bytes";
    /** Bytes in use under each root, and each file's share, across the uncached instances. */
    private static final Map<String, AtomicLong> USED = new ConcurrentHashMap<>();
    private static final Map<String, Long> FILES = new ConcurrentHashMap<>();

    static void reset() {
        USED.clear();
        FILES.clear();
    }

    private String root() {
        return getConf().get(ROOT, "/nonexistent-root/");
    }

    private boolean counted(Path p) {
        return p.toUri().getPath().startsWith(root());
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        FSDataOutputStream out = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        if (!counted(f)) {
            return out;
        }
        String file = f.toUri().getPath();
        AtomicLong used = USED.computeIfAbsent(root(), r -> new AtomicLong());
        long free = getConf().getLong(FREE_BYTES, Long.MAX_VALUE);
        return new FSDataOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (used.addAndGet(len) > free) {
                    used.addAndGet(-len);
                    throw new IOException("No space left on device");
                }
                FILES.merge(file, (long) len, Long::sum);
                out.write(b, off, len);
            }
        }, null);
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        boolean deleted = super.delete(f, recursive);
        if (deleted && counted(f)) {
            String prefix = f.toUri().getPath();
            AtomicLong used = USED.computeIfAbsent(root(), r -> new AtomicLong());
            FILES.keySet().removeIf(k -> {
                if (k.equals(prefix) || recursive && k.startsWith(prefix + "/")) {
                    used.addAndGet(-FILES.getOrDefault(k, 0L));
                    return true;
                }
                return false;
            });
        }
        return deleted;
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        boolean renamed = super.rename(src, dst);
        Long bytes = FILES.remove(src.toUri().getPath());
        if (renamed && bytes != null) {
            FILES.put(dst.toUri().getPath(), bytes);
        }
        return renamed;
    }
}
