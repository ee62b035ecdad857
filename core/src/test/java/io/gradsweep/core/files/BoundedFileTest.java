package io.gradsweep.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFileTest {
    @TempDir
    Path dir;

    /** Refused within a generous bound (a blocked open or an endless read would hit it), printing the time. */
    private static InputRefusedException refusedQuickly(String what, Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            InputRefusedException e = assertThrows(InputRefusedException.class, () -> BoundedFile.readAll(file, 1 << 20));
            System.out.printf("%s refused in %.3f s: %s%n", what, (System.nanoTime() - start) / 1e9, e.getMessage());
            return e;
        });
    }

    @Test
    void devZeroIsRefusedBeforeAnyRead() {
        InputRefusedException e = refusedQuickly("/dev/zero", SpecialFiles.DEV_ZERO);
        assertTrue(e.getMessage().contains("/dev/zero: a device, FIFO or socket, not a regular file"), e.getMessage());
    }

    @Test
    void aSymlinkToDevZeroIsRefusedNamingItsTarget() throws IOException {
        Path link = SpecialFiles.linkToDevZero(dir.resolve("study.yaml"));
        InputRefusedException e = refusedQuickly("link to /dev/zero", link);
        assertTrue(e.getMessage().contains("a symbolic link to /dev/zero, which is a device"), e.getMessage());
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent(), "mkfifo is not available here");
        InputRefusedException e = refusedQuickly("FIFO", fifo.get());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aFolderIsRefused() {
        InputRefusedException e = refusedQuickly("folder", dir);
        assertTrue(e.getMessage().contains("a folder, not a regular file"), e.getMessage());
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> BoundedFile.readAll(dir.resolve("absent"), 10));
    }

    @Test
    void readsUpToTheLimitExactly() throws IOException {
        Path f = Files.write(dir.resolve("ten"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertArrayEquals(Files.readAllBytes(f), BoundedFile.readAll(f, 10));
        assertEquals(0, BoundedFile.readAll(Files.write(dir.resolve("empty"), new byte[0]), 0).length);
    }

    @Test
    void oneByteOverTheLimitIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("eleven"), new byte[11]);
        InputRefusedException e = assertThrows(InputRefusedException.class, () -> BoundedFile.readAll(f, 10));
        assertEquals("larger than 10 bytes (bytes counted as read); larger inputs are refused", e.reason());
    }

    @Test
    void theLimitCountsBytesReadNotTheReportedLength() throws IOException {
        // a stream that reports nothing about its length: only counting can stop it
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        try (InputStream in = BoundedFile.limit(endless, 1 << 20, "endless", "bytes")) {
            byte[] buffer = new byte[1 << 16];
            InputRefusedException e = assertThrows(InputRefusedException.class, () -> {
                while (in.read(buffer) >= 0) {
                    // keep reading until refused
                }
            });
            assertEquals("endless: larger than 1 MiB (bytes counted as read); larger inputs are refused",
                    e.getMessage());
        }
    }

    @Test
    void sizesAreShownInTheirUnits() {
        assertEquals("1 MiB", BoundedFile.size(1 << 20));
        assertEquals("1 GiB", BoundedFile.size(1L << 30));
        assertEquals("1,000 bytes", BoundedFile.size(1000));
    }
}
