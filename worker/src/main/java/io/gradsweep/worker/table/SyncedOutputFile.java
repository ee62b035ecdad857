package io.gradsweep.worker.table;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet output file whose bytes are on disk when it is closed, before the rename that commits
 * it: otherwise a crash of the machine soon after the rename can leave a committed name over an
 * empty or partial file (the rename reaches the disk's journal before the data does). On HDFS
 * that is {@code hsync} before close; on the local file system (part files go through its raw
 * layer, without .crc files, and its checksum layer would not pass hsync through) the file is
 * forced (fsync) once closed.
 *
 * <p>A file on the plain local file system is written with java.nio, not through Hadoop: Hadoop
 * 3.5's local create sets the file's permission after opening it, and without Hadoop's native
 * library (none ships with Spark) it does so by starting a {@code chmod} process, one per file, in
 * the task's time (a run of bench/efficiency.yaml started 72 processes, 11 once this was changed).
 * The file gets the permissions of the process's umask, as any file the JVM creates.
 */
final class SyncedOutputFile implements OutputFile {
    private final FileSystem fs;
    private final Path path;

    SyncedOutputFile(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(false, blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(true, blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return true;
    }

    @Override
    public long defaultBlockSize() {
        return fs.getDefaultBlockSize(path);
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private PositionOutputStream open(boolean overwrite, long blockSizeHint) throws IOException {
        if (fs.getClass() == RawLocalFileSystem.class) {
            return LocalStream.open(((RawLocalFileSystem) fs).pathToFile(path).toPath(), overwrite);
        }
        FSDataOutputStream out = fs.create(path, overwrite, fs.getConf().getInt("io.file.buffer.size", 4096),
                fs.getDefaultReplication(path), Math.max(fs.getDefaultBlockSize(path), blockSizeHint));
        return new Stream(out);
    }

    /** The local file behind {@code path}, when the file system is the local one. */
    private File localFile() {
        if (fs instanceof LocalFileSystem local) {
            return local.pathToFile(path);
        }
        if (fs instanceof RawLocalFileSystem raw) {
            return raw.pathToFile(path);
        }
        return null;
    }

    private final class Stream extends PositionOutputStream {
        private final FSDataOutputStream out;
        private boolean closed;

        Stream(FSDataOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            File local = localFile();
            try (out) {
                if (local == null && out.hasCapability(StreamCapabilities.HSYNC)) {
                    out.hsync(); // HDFS: on the datanodes' disks; an object store makes the object at close
                }
            }
            if (local != null) {
                try (FileChannel channel = FileChannel.open(local.toPath(), StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    /** A local file's bytes through a buffer to its channel, forced to disk on close. */
    private static final class LocalStream extends PositionOutputStream {
        private final FileChannel channel;
        private final OutputStream out;
        private long pos;
        private boolean closed;

        private LocalStream(FileChannel channel) {
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        }

        static LocalStream open(java.nio.file.Path file, boolean overwrite) throws IOException {
            Files.createDirectories(file.getParent());
            return new LocalStream(overwrite
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            pos += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (channel) {
                out.flush();
                channel.force(true);
            }
        }
    }
}
