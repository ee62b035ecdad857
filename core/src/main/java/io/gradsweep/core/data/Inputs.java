package io.gradsweep.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
     */
    static InputStream open(Path file) throws IOException {
        return gunzipIfNeeded(Files.newInputStream(file));
    }

    /** A classpath resource next to this class, decompressed if gzip; null if absent. */
    static InputStream resource(String name) throws IOException {
        InputStream in = Inputs.class.getResourceAsStream(name);
        return in == null ? null : gunzipIfNeeded(in);
    }

    static InputStream gunzipIfNeeded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
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
