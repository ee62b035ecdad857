package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the data loaders valid files that are then truncated, bit-flipped, padded with garbage or
 * given lying headers, seeded so that a failure can be replayed. Every case must load or fail with
 * {@link DataFormatException} naming the file, within a time bound: never a hang, an
 * OutOfMemoryError, or an unchecked exception from deep inside (NumberFormatException,
 * ArrayIndexOutOfBoundsException, NullPointerException).
 */
class LoaderFuzzTest {
    private static final long SEED = 20261123L;
    private static final int CASES = 250;
    /** Each case reads a few kB: a second means a hang or a runaway read. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    /** Loads one mutated file; returns normally when it loads. */
    private interface Load {
        void run(Path file) throws IOException;
    }

    static byte[] validCsv() {
        StringBuilder b = new StringBuilder("x1,\"x2\",label,x3\r\n");
        for (int i = 0; i < 40; i++) {
            b.append(i * 0.25).append(',').append(-i).append(",\"").append(i % 3 == 0 ? "cat" : "dog").append("\",")
                    .append(i % 7).append("e-2\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** One random damage; idx headers are the first 16 bytes, so their ints get extreme values too. */
    static byte[] mutate(byte[] valid, Random rnd) {
        byte[] b = valid.clone();
        switch (rnd.nextInt(6)) {
            case 0 -> { // truncated anywhere, header included
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            case 1 -> { // a few flipped bits
                for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 2 -> { // random bytes inserted
                int at = rnd.nextInt(b.length + 1);
                byte[] junk = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
            case 3 -> { // random bytes appended
                byte[] junk = new byte[1 + rnd.nextInt(256)];
                rnd.nextBytes(junk);
                byte[] out = Arrays.copyOf(b, b.length + junk.length);
                System.arraycopy(junk, 0, out, b.length, junk.length);
                return out;
            }
            case 4 -> { // an extreme int in one of the first four header slots
                int[] extremes = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x01000000, 65536, 4097};
                int slot = 4 * rnd.nextInt(Math.min(4, b.length / 4));
                int v = extremes[rnd.nextInt(extremes.length)];
                for (int i = 0; i < 4 && slot + i < b.length; i++) {
                    b[slot + i] = (byte) (v >>> (24 - 8 * i));
                }
                return b;
            }
            default -> { // a stretch overwritten with one repeated byte (NULs, newlines, commas, quotes...)
                byte[] fills = {0, '\n', ',', '"', '\r', (byte) 0xff, '-', 'e'};
                int from = rnd.nextInt(b.length);
                Arrays.fill(b, from, Math.min(b.length, from + 1 + rnd.nextInt(32)), fills[rnd.nextInt(fills.length)]);
                return b;
            }
        }
    }

    /**
     * {@code CASES} mutations of {@code valid}; when {@code gzipAfter}, the damage is done either to the
     * compressed bytes or to the plain ones before compressing (a well-formed gzip of bad content).
     */
    private void fuzz(String kind, byte[] valid, boolean gzipAfter, Load load) throws IOException {
        Random rnd = new Random(SEED ^ kind.hashCode());
        int loaded = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] bytes;
            if (gzipAfter) {
                bytes = rnd.nextBoolean() ? mutate(gzip(valid), rnd) : gzip(mutate(valid, rnd));
            } else {
                bytes = mutate(valid, rnd);
            }
            Path file = dir.resolve(kind + "-" + c);
            Files.write(file, bytes);
            String name = kind + " case " + c + " (seed " + SEED + ")";
            boolean ok = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    load.run(file);
                    return true;
                } catch (DataFormatException e) {
                    assertTrue(e.getMessage().contains(file.toString()), name + ": the message must name the file: "
                            + e.getMessage());
                    return false;
                } catch (Throwable e) { // OutOfMemoryError and StackOverflowError included
                    fail(name + ": expected a DataFormatException, got " + e, e);
                    return false;
                }
            }, name + " took longer than " + BOUND);
            loaded += ok ? 1 : 0;
        }
        assertTrue(loaded < CASES, kind + ": every mutation loaded; the fuzzing damages nothing");
    }

    @Test
    void mutatedCsvFilesLoadOrFailWithAClearError() throws IOException {
        fuzz("csv", validCsv(), false, f -> CsvLoader.load(f, "label", Dataset.Task.CLASSIFICATION));
        fuzz("csv-regression", validCsv(), false, f -> CsvLoader.load(f, "x3", Dataset.Task.REGRESSION));
    }

    @Test
    void mutatedGzippedCsvFilesLoadOrFailWithAClearError() throws IOException {
        fuzz("csv-gz", validCsv(), true, f -> CsvLoader.load(f, "label", Dataset.Task.BINARY));
    }

    @Test
    void mutatedIdxImageFilesLoadOrFailWithAClearError() throws IOException {
        byte[] images = IdxLoaderTest.images(30, 4, 3);
        fuzz("idx3", images, false, IdxLoader::readImages);
        fuzz("idx3-gz", images, true, IdxLoader::readImages);
    }

    @Test
    void mutatedIdxLabelFilesLoadOrFailWithAClearError() throws IOException {
        byte[] labels = IdxLoaderTest.labels(50);
        fuzz("idx1", labels, false, IdxLoader::readLabels);
        fuzz("idx1-gz", labels, true, IdxLoader::readLabels);
    }
}
