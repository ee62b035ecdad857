package io.gradsweep.driver.cluster;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Spark's event log of one application, as text (Spark 4 writes it in rolling, zstd-compressed parts). */
final class EventLog {
    private EventLog() {
    }

    /** The folder Spark keeps an application's event log in. */
    static Path of(Path eventsDir, String appId) {
        return eventsDir.resolve("eventlog_v2_" + appId);
    }

    /** Every event of the application, one JSON object a line. */
    static String text(Path eventsDir, String appId) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> parts = Files.list(of(eventsDir, appId)).filter(p -> p.getFileName().toString().startsWith("events_"))
                .sorted()) {
            for (Path part : (Iterable<Path>) parts::iterator) {
                all.append(readMaybeCompressed(part));
            }
        }
        return all.toString();
    }

    /** A file's text, uncompressed first if it is a zstd file (so that a search for a secret sees everything). */
    static String readMaybeCompressed(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".zstd")) {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a part a killed driver left ends mid-frame: keep what decoded before
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }
}
