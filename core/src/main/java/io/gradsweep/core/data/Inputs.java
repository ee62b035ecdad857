package io.gradsweep.core.data;

import io.gradsweep.core.files.BoundedFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens files and resources, gunzipping them when their first bytes say gzip. */
final class Inputs {
    private static final int BUFFER = 1 << 16;

    private Inputs() {
    }

    /**
     * The file's bytes, decompressed if it is gzip. The magic bytes decide, not the name: a
     * downloaded "x.csv" that is really gzip, or an "x.gz" someone already unpacked, both work.
     * Only a regular file is opened (see {@link BoundedFile}), and at most {@code maxBytes} are
     * read from it and, for gzip, at most {@code maxBytes} decompressed: a small gzip file can
     * unpack to terabytes.
     */
    static InputStream open(Path file, long maxBytes) throws IOException {
        InputStream raw = BoundedFile.open(file, maxBytes);
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        if (!isGzip(in)) {
            return in;
        }
        try {
            return new BufferedInputStream(BoundedFile.limit(new GZIPInputStream(in, BUFFER), maxBytes,
                    file.toString(), "decompressed bytes"), BUFFER);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** True when the file's first bytes are gzip's magic number; only a regular file is opened. */
    static boolean isGzip(Path file) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(BoundedFile.open(file, 2), 2)) {
            return isGzip(in);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** A classpath resource next to this class, decompressed if gzip; null if absent. */
    static InputStream resource(String name) throws IOException {
        InputStream in = Inputs.class.getResourceAsStream(name);
        return in == null ? null : gunzipIfNeeded(in);
    }

    static InputStream gunzipIfNeeded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        if (isGzip(in)) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }
}
