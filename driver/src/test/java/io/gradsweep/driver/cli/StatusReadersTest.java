package io.gradsweep.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.Main;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.RunLock;
import io.gradsweep.driver.sweep.StudyStatus;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.study.Study;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status reads a folder on this machine without Hadoop (java.nio and Parquet's local file) and any
 * other through Hadoop's FileSystem: both readers print the same, word for word, for a whole folder,
 * for one with every problem status names and a live lock, and for folders that are not studies;
 * and the local reader, in a JVM of its own, loads no Hadoop configuration or file system (whose
 * start-up was most of status's time) and no native ZSTD library.
 */
class StatusReadersTest {
    private static final Path TINY = Path.of("src/test/resources/studies/tiny.yaml");

    @TempDir
    Path dir;

    @Test
    void bothReadersPrintTheSameForAWholeFolderAndADamagedOneWithALiveLock() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[2]",
                "--partitions", "4");
        assertEquals(0, run.code, run.out + run.err);
        String whole = bothReaders(out.toString());
        assertTrue(whole.contains("trials done: 8 of 8") && whole.contains("lock: none"), whole);
        assertEquals(whole, inAJvmOfItsOwnWithoutHadoop(out));

        OutputFolder folder = OutputFolder.at(out.toString(), new Configuration());
        List<CommittedTables.Task> tasks = folder.tables(Study.load(TINY).hash()).tasks();
        assertTrue(tasks.size() >= 3, "files of at least three tasks: " + tasks.size());
        Files.write(local(tasks.get(0).trials()), new byte[0]);
        Path truncated = local(tasks.get(1).traces());
        try (FileChannel c = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
            c.truncate(Files.size(truncated) / 2);
        }
        Files.copy(local(tasks.get(2).trials()), local(tasks.get(2).trials()).resolveSibling("part-0000000000000000.parquet"));
        Files.writeString(out.resolve("trials/notes.txt"), "mine");
        Files.createSymbolicLink(out.resolve("traces/linked"), dir);
        try (RunLock lock = RunLock.acquire(folder, "tiny", System.err)) {
            String damaged = bothReaders(out.toString());
            assertTrue(damaged.contains(truncated.getFileName() + ": not a whole Parquet file (its footer does not read) ("
                    + Files.size(truncated) + " bytes: "), damaged);
            for (String problem : List.of("empty (0 bytes)", "not a whole Parquet file", "a copy of another part file",
                    "notes.txt: not a part file", "linked: a symbolic link", "lock: held by run ")) {
                assertTrue(damaged.contains(problem), problem + " in\n" + damaged);
            }
            assertFalse(damaged.contains("trials done: 8 of 8"), damaged);
            String uri = out.toUri().toString();
            assertTrue(uri.startsWith("file:///"), uri);
            bothReaders(uri);
        }
    }

    @Test
    void bothReadersRefuseAFolderWithoutAStudyYetOrWithAForeignManifestInTheSameWords() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(bothRefuse(empty).contains("holds no manifest.json: no study has run there"));
        Path foreign = Files.createDirectories(dir.resolve("extension"));
        Files.writeString(foreign.resolve("manifest.json"), "{\"manifest_version\": 3, \"name\": \"tabs\"}");
        assertTrue(bothRefuse(foreign).contains("not gradsweep's"));
        Path starting = Files.createDirectories(dir.resolve("starting"));
        try (RunLock lock = RunLock.acquire(OutputFolder.at(starting.toString(), new Configuration()), "tiny", System.err)) {
            String refused = bothRefuse(starting);
            assertTrue(refused.contains("holds no manifest.json: a run is starting there (held by run ")
                    && refused.contains("of study 'tiny'"), refused);
        }
    }

    @Test
    void aManifestWithFieldsThisVersionDoesNotKnowReadsAsBefore() throws Exception {
        // what a later version may add (say, the rounds of an adaptive study; names of no version
        // here, so that a field added meanwhile is not read in a shape of this test's): status reads past it
        Path out = Files.createDirectories(dir.resolve("later"));
        Files.writeString(out.resolve("manifest.json"), "{\"format\": \"gradsweep-output/1\", \"tool\": \"gradsweep\","
                + " \"study\": \"tiny\", \"study_hash\": \"0123456789abcdef\", \"code_version\": \"x\","
                + " \"state\": \"running\", \"trials\": 8, \"partition_by\": \"activation\", \"started\": \"then\","
                + " \"x_later_list\": [{\"round\": 1, \"trials\": 8, \"stopped\": null}], \"x_later_object\": {\"next\": 2},"
                + " \"spark\": {}, \"study_text\": \"\"}");
        String text = bothReaders(out.toString());
        assertTrue(text.startsWith("study tiny (hash 0123456789ab, code x)\nlast run: running, started then\n"
                + "trials done: 0 of 8 (0.0%)"), text);
    }

    /**
     * What status prints of {@code location} read without Hadoop, the same as read through it, but
     * for one thing: why a truncated file's footer does not read is the first line of the reader's
     * error, and Hadoop's local file system, which checks its .crc side files, finds a checksum
     * error before Parquet finds no footer. The file, its kind of damage and the remedy are the same.
     */
    private static String bothReaders(String location) {
        StudyStatus local = StudyStatus.at(location);
        assertTrue(local.local(), location + " is read without Hadoop");
        StudyStatus hadoop = StudyStatus.throughHadoop(location, new Configuration());
        assertFalse(hadoop.local());
        String text = report(local);
        assertEquals(withoutTruncationCause(report(hadoop)), withoutTruncationCause(text));
        return text;
    }

    private static String withoutTruncationCause(String report) {
        return report.replaceAll("(its footer does not read\\) \\(\\d+ bytes: ).*(\\); not counted)", "$1...$2");
    }

    private static String bothRefuse(Path folder) {
        String local = assertThrows(UsageException.class, () -> report(StudyStatus.at(folder.toString()))).getMessage();
        String hadoop = assertThrows(UsageException.class,
                () -> report(StudyStatus.throughHadoop(folder.toString(), new Configuration()))).getMessage();
        assertEquals(withoutHeartbeatAge(hadoop), withoutHeartbeatAge(local));
        return local;
    }

    /** The report, with the lock's heartbeat age (which the two readings may see a second apart) masked. */
    private static String report(StudyStatus folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, new StatusCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).report(folder));
        return withoutHeartbeatAge(bytes.toString(StandardCharsets.UTF_8));
    }

    private static String withoutHeartbeatAge(String text) {
        return text.replaceAll("last heartbeat \\d+ s ago", "last heartbeat N s ago");
    }

    /** {@code gradsweep status OUT} in a fresh JVM: what it prints, after checking that no Hadoop start-up class loaded. */
    private String inAJvmOfItsOwnWithoutHadoop(Path out) throws Exception {
        Path classes = dir.resolve("classes.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("gradsweep.jvm.flags").trim().split("\\s+")));
        cmd.add("-Xlog:class+load=info:file=" + classes);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("status", out.toString()));
        Path printed = dir.resolve("status.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(printed.toFile()).redirectError(dir.resolve("status.err").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "status ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("status.err")));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" org.apache.parquet.hadoop.ParquetFileReader "), "the log lists the classes loaded");
        for (String hadoop : List.of("org.apache.hadoop.conf.Configuration", "org.apache.hadoop.fs.FileSystem",
                "org.apache.hadoop.security.UserGroupInformation")) {
            assertFalse(loaded.contains(" " + hadoop + " "), hadoop + " was loaded");
        }
        // the pages are decoded in Java: zstd-jni's loading opens every jar (see LocalDecompressors)
        assertFalse(loaded.contains(" com.github.luben.zstd.Zstd "), "zstd-jni was loaded");
        return Files.readString(printed);
    }

    private static Path local(org.apache.hadoop.fs.Path p) {
        return Path.of(p.toUri());
    }
}
