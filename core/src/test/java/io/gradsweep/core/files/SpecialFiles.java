package io.gradsweep.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Files that are not regular files, for tests of the readers that must refuse them. */
public final class SpecialFiles {
    public static final Path DEV_ZERO = Path.of("/dev/zero");

    private SpecialFiles() {
    }

    /** A new FIFO at {@code path}, or empty where mkfifo is absent (the caller skips that case). */
    public static Optional<Path> fifo(Path path) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(path)) {
                return Optional.of(path);
            }
            p.destroyForcibly();
            return Optional.empty();
        } catch (IOException e) { // no mkfifo on this system
            return Optional.empty();
        }
    }

    /** A symbolic link at {@code link} to /dev/zero. */
    public static Path linkToDevZero(Path link) throws IOException {
        return Files.createSymbolicLink(link, DEV_ZERO);
    }
}
