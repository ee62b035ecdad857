package io.gradsweep.driver.sweep;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The local file system with a disk of {@link #FREE_BYTES} free bytes for the tables under
 * {@link #ROOT}: a write beyond them fails as the OS fails it (IOException "No space left on
 * device", ENOSPC), and a deleted file gives its bytes back. Registered as file: through
 * {@code fs.file.impl} (uncached), so the run's own code paths, Parquet's writer and Hadoop's,
 * meet the full disk. The counting is in the raw layer, which the part files are written through
 * (without .crc files) as much as the checksummed one; the files at the folder's top (the manifest,
 * the lock and its reserve) are not counted.
 */
public final class NoSpaceFileSystem extends LocalFileSystem {
    static final String ROOT = "gradsweep.test.nospace.root";
    static final String FREE_BYTES = "gradsweep.test.nospace.free.bytes";
    /** Bytes in use under each root, and each file's share, across the uncached instances. */
    private static final Map<String, AtomicLong> USED = new ConcurrentHashMap<>();
    private static final Map<String, Long> FILES = new ConcurrentHashMap<>();

    public NoSpaceFileSystem() {
        super(new CountingRaw());
    }

    static void reset() {
        USED.clear();
        FILES.clear();
    }

    /** The raw local file system, counting the bytes written to the tables under the root. */
    private static final class CountingRaw extends RawLocalFileSystem {
        private String root() {
            return getConf().get(ROOT, "/nonexistent-root");
        }

        private boolean counted(Path p) {
            String path = p.toUri().getPath();
            return path.startsWith(root() + "/trials/") || path.startsWith(root() + "/traces/");
        }

        @Override
        protected OutputStream createOutputStreamWithMode(Path f, boolean append, FsPermission permission)
                throws IOException {
            OutputStream out = super.createOutputStreamWithMode(f, append, permission);
            if (!counted(f)) {
                return out;
            }
            String file = f.toUri().getPath();
            AtomicLong used = USED.computeIfAbsent(root(), r -> new AtomicLong());
            long free = getConf().getLong(FREE_BYTES, Long.MAX_VALUE);
            return new FilterOutputStream(out) {
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
            };
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
}
