package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradsweep.core.files.InputRefusedException;
import io.gradsweep.core.files.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** The data loaders read only regular files, and only so much of them, gzip's output included. */
class BoundedInputsTest {
    @TempDir
    Path dir;

    private static String refusedQuickly(String what, Executable load) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            InputRefusedException e = assertThrows(InputRefusedException.class, load);
            System.out.printf("%s refused in %.3f s: %s%n", what, (System.nanoTime() - start) / 1e9, e.getMessage());
            return e.getMessage();
        });
    }

    @Test
    void gzipIsLimitedByItsDecompressedBytes() throws IOException {
        Path bomb = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write(new byte[1 << 20]); // 1 MiB of zeros, about 1 kB compressed
        }
        assertTrue(Files.size(bomb) < 10_000, "compressed size " + Files.size(bomb));
        String message = refusedQuickly("gzip of 1 MiB under a 100,000-byte limit", () -> {
            try (InputStream in = Inputs.open(bomb, 100_000)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        assertTrue(message.contains("larger than 100,000 bytes (decompressed bytes counted as read)"), message);
        try (InputStream in = Inputs.open(bomb, 1 << 20)) { // exactly at the limit: read whole
            assertEquals(1 << 20, in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void csvFromASymlinkToDevZeroIsRefused() throws IOException {
        Path link = SpecialFiles.linkToDevZero(dir.resolve("data.csv"));
        String message = refusedQuickly("CSV linked to /dev/zero",
                () -> CsvLoader.load(link, "y", Dataset.Task.CLASSIFICATION));
        assertTrue(message.contains("a symbolic link to /dev/zero, which is a device"), message);
    }

    @Test
    void csvFromAFifoIsRefused() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("data.csv"));
        assumeTrue(fifo.isPresent(), "mkfifo is not available here");
        String message = refusedQuickly("CSV FIFO", () -> CsvLoader.load(fifo.get(), "y", Dataset.Task.CLASSIFICATION));
        assertTrue(message.contains("not a regular file"), message);
    }

    @Test
    void idxFilesThatAreFifosOrDevicesAreRefused() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("train-images-idx3-ubyte"));
        assumeTrue(fifo.isPresent(), "mkfifo is not available here");
        SpecialFiles.linkToDevZero(dir.resolve("train-labels-idx1-ubyte"));
        String images = refusedQuickly("idx images FIFO", () -> IdxLoader.readImages(fifo.get()));
        assertTrue(images.contains("not a regular file"), images);
        String labels = refusedQuickly("idx labels linked to /dev/zero",
                () -> IdxLoader.readLabels(dir.resolve("train-labels-idx1-ubyte")));
        assertTrue(labels.contains("a symbolic link to /dev/zero"), labels);
        String whole = refusedQuickly("mnist folder with a FIFO", () -> IdxLoader.load(dir, "mnist"));
        assertTrue(whole.contains("train-images-idx3-ubyte: not a regular file")
                || whole.contains("train-images-idx3-ubyte: a device, FIFO or socket"), whole);
    }
}
