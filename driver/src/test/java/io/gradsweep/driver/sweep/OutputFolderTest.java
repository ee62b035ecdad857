package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's manifest and replace guard on file:, through Hadoop's FileSystem, without Spark. */
class OutputFolderTest {
    @TempDir
    Path dir;

    private OutputFolder folder() {
        return OutputFolder.at(dir.resolve("out").toUri().toString(), new Configuration());
    }

    /** A manifest told apart by its code version. */
    static Manifest manifest(int version) {
        return new Manifest("s", "0123456789abcdef", "v" + version, Manifest.State.RUNNING, Optional.empty(),
                Optional.empty(), 4, "", "then", Optional.empty(), Map.of(), Map.of(), "name: s");
    }

    @Test
    void readersNeverFindTheManifestMissingOrHalfWrittenWhileItIsRewritten() throws Exception {
        OutputFolder writer = folder();
        writer.writeManifest(manifest(0));
        OutputFolder reader = folder();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reading = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && problem.get() == null) {
                try {
                    if (reader.manifest().isEmpty()) {
                        problem.set("no manifest at one moment");
                    }
                } catch (IOException | RuntimeException e) {
                    problem.set(e.toString());
                }
            }
        });
        reading.start();
        try {
            for (int i = 1; i <= 300 && problem.get() == null; i++) {
                writer.writeManifest(manifest(i));
            }
        } finally {
            reading.interrupt();
            reading.join();
        }
        assertEquals(null, problem.get());
        assertEquals("v300", folder().manifest().orElseThrow().codeVersion());
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldManifest() throws IOException {
        OutputFolder folder = folder();
        folder.writeManifest(manifest(1));
        // what a crash between the temporary file and the rename leaves: a hidden temporary
        Files.writeString(dir.resolve("out/.manifest.json.tmp"), "{\"tool\": \"gradsw");
        assertEquals("v1", folder().manifest().orElseThrow().codeVersion());
        folder.writeManifest(manifest(3));
        assertEquals("v3", folder().manifest().orElseThrow().codeVersion());
    }

    @Test
    void aFolderWithoutAManifestIsNeverDeleted() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/thesis.tex"), "precious");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> folder().deleteOwnFolder());
        assertTrue(e.getMessage().contains("not a gradsweep output folder, not deleted"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("out/thesis.tex")));
    }

    @Test
    void aPathAndItsFileUriAreTheSameFolder() {
        String plain = OutputFolder.at(dir.resolve("out").toString(), new Configuration()).uri();
        assertEquals(plain, folder().uri());
        assertEquals(plain, OutputFolder.at("file://" + dir.resolve("out"), new Configuration()).uri());
        assertTrue(plain.startsWith("file:/"), plain);
    }
}
