package io.gradsweep.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a reader of a study folder sees as results: the committed (visible) Parquet files. */
public final class CommittedFiles {
    private CommittedFiles() {
    }

    /** The trials files a reader would take as results: visible names ending in .parquet (no hidden .tmp). */
    public static int trialFiles(Path out) throws IOException {
        Path trials = out.resolve("trials");
        if (!Files.exists(trials)) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(trials)) {
                return (int) files.filter(f -> f.getFileName().toString().endsWith(".parquet")
                        && !f.getFileName().toString().startsWith(".")).count();
            } catch (UncheckedIOException e) {
                // a run renames its temporaries while we walk: one listed, then gone, is not an error
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
