package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's manifest and replace guard on file:, through Hadoop's FileSystem, without Spark. */
class OutputFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private OutputFolder folder() {
        return OutputFolder.at(dir.resolve("out").toUri().toString(), new Configuration());
    }

    private static ObjectNode manifest(int version) {
        return JSON.createObjectNode().put("tool", "gradsweep").put("version", version);
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
        assertEquals(300, folder().manifest().orElseThrow().path("version").asInt());
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheOldManifest() throws IOException {
        OutputFolder folder = folder();
        folder.writeManifest(manifest(1));
        ObjectNode broken = manifest(2);
        broken.putPOJO("spark", new Object() {
            @SuppressWarnings("unused")
            public String getValue() {
                throw new IllegalStateException("the run dies while its manifest is being written");
            }
        });
        assertThrows(IOException.class, () -> folder.writeManifest(broken));
        // and what a crash between the temporary file and the rename leaves: a hidden temporary
        Files.writeString(dir.resolve("out/.manifest.json.tmp"), "{\"tool\": \"gradsw");
        assertEquals(1, folder().manifest().orElseThrow().path("version").asInt());
        folder.writeManifest(manifest(3));
        assertEquals(3, folder().manifest().orElseThrow().path("version").asInt());
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
