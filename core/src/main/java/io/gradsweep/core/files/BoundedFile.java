package io.gradsweep.core.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens an input file the way every reader of user input must: only a regular file (symlinks
 * followed), checked before it is opened, since opening a FIFO blocks until someone writes to it;
 * and at most a stated number of bytes, counted as they arrive rather than trusted from the
 * reported length, which is 0 for {@code /dev/zero} and anything at all for a file still growing.
 */
public final class BoundedFile {
    private BoundedFile() {
    }

    /**
     * Refuses {@code file} unless it is a regular file, without opening it.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws InputRefusedException for a folder, a device, a FIFO or a socket (also behind a symlink)
     */
    public static void requireRegular(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows symlinks
        if (!a.isRegularFile()) {
            String kind = a.isDirectory() ? "a folder" : a.isOther() ? "a device, FIFO or socket" : "not a file";
            String link = Files.isSymbolicLink(file) ? "a symbolic link to " + file.toRealPath() + ", which is " : "";
            throw new InputRefusedException(file, link + kind + ", not a regular file; only regular files are read");
        }
    }

    /** The file's bytes, refused (see {@link #requireRegular}) unless it is a regular file of at most {@code maxBytes}. */
    public static InputStream open(Path file, long maxBytes) throws IOException {
        requireRegular(file);
        return limit(Files.newInputStream(file), maxBytes, file.toString(), "bytes");
    }

    /** The whole file, at most {@code maxBytes}; see {@link #open}. */
    public static byte[] readAll(Path file, int maxBytes) throws IOException {
        try (InputStream in = open(file, maxBytes)) {
            byte[] data = new byte[Math.max(1, Math.min(maxBytes, 1 << 16))];
            int filled = 0;
            for (int n; (n = in.read(data, filled, data.length - filled)) >= 0;) {
                filled += n;
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min((long) maxBytes + 1, 2L * data.length));
                }
            }
            return Arrays.copyOf(data, filled);
        }
    }

    /** The whole file as strict UTF-8 text, at most {@code maxBytes}; see {@link #open}. */
    public static String readUtf8(Path file, int maxBytes) throws IOException {
        byte[] bytes = readAll(file, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputRefusedException(file, "not UTF-8 text");
        }
    }

    /**
     * {@code in}, failing with {@link InputRefusedException} as soon as more than {@code maxBytes}
     * have been read from it. {@code what} names the bytes counted (e.g. "decompressed bytes").
     */
    public static InputStream limit(InputStream in, long maxBytes, String source, String what) {
        return new Limited(in, maxBytes, source, what);
    }

    /** "1 MiB", "2 GiB", or the exact count for a limit that is not a whole power of 1024. */
    public static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%,d %s", v, units[u]);
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String source;
        private final String what;
        private long count;

        Limited(InputStream in, long max, String source, String what) {
            super(in);
            this.max = max;
            this.source = source;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // never ask for more than one byte past the limit: that byte is enough to know
            long room = max - count;
            int n = super.read(b, off, room >= len ? len : (int) room + 1);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long room = max - count;
            long skipped = super.skip(room >= n ? n : room + 1);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would make the count lie
        }

        private void counted(long n) {
            count += n;
            if (count > max) {
                throw new InputRefusedException(source, "larger than " + size(max) + " (" + what + " counted as"
                        + " read); larger inputs are refused");
            }
        }
    }
}
