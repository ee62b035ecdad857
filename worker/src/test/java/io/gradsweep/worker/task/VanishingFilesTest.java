package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.FolderTree;
import io.gradsweep.worker.folder.LocalFolderFiles;
import io.gradsweep.worker.table.PartFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.io.InputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code status} reads a folder while a run renames and deletes part files in it: a file that goes
 * between the listing and its reading is not there, and nothing fails. The reader is
 * {@link CommittedTables}, which status, resume and analyze share.
 */
class VanishingFilesTest {
    @TempDir
    java.nio.file.Path tmp;

    private final FakeSource source = FakeSource.fiveTrials("activation");
    // two tasks: trials 0-1 (relu) and trials 2-4 (relu, elu)
    private final TaskPlan first = TaskPlan.of(source.studyHash(), new long[] {0, 1}, 1.0);
    private final TaskPlan second = TaskPlan.of(source.studyHash(), new long[] {2, 3, 4}, 1.0);
    private Path out;

    @BeforeEach
    void twoTasksCommitted() throws IOException {
        out = new Path(tmp.resolve("out").toUri());
        TaskRunner.run(first, source, out.toString(), new Configuration(), "test");
        TaskRunner.run(second, source, out.toString(), new Configuration(), "test");
        CommittedTables before = CommittedTables.read(FileSystem.getLocal(new Configuration()), out, source.studyHash());
        assertEquals(Map.of("ok", 3L, "diverged", 1L, "failed", 1L), before.countsByStatus());
        assertEquals(before.countsByStatus(), CommittedTables.read(new LocalFolderFiles(), out, source.studyHash())
                .countsByStatus(), "both readers count alike");
    }

    /**
     * Through Hadoop's FileSystem (what resume and analyze use, and status off this machine).
     *
     * @param lookUps the file vanishes at its first look-up (the footer check's status), its
     *                second (the footer's open), its third or fourth (the status and the open of
     *                the read of its trials' grid indexes and statuses)
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aTrialsFileThatVanishesAfterTheListingIsNotCountedAndNothingFails(int lookUps) throws IOException {
        Configuration conf = VanishingFileSystem.configuration("/trials/activation=relu/"
                + PartFiles.finalName(first.taskKey()), lookUps);
        FileSystem fs = FileSystem.get(out.toUri(), conf);
        CommittedTables read = CommittedTables.read(fs, out, source.studyHash());

        assertTrue(VanishingFileSystem.vanished, "the file vanished during the reading");
        assertReadAsGone(read);
    }

    /**
     * Through java.nio and Parquet's local file, without Hadoop (status on this machine): the file
     * goes just before the reader opens it, for its footer (0) or for its trials' rows (1).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void theLocalReaderToleratesTheSame(int opensBefore) throws IOException {
        String target = "/trials/activation=relu/" + PartFiles.finalName(first.taskKey());
        boolean[] vanished = {false};
        int[] opens = {opensBefore};
        FolderFiles local = new LocalFolderFiles();
        FolderFiles vanishing = new Delegating(local) {
            @Override
            public InputFile parquet(Path file) throws IOException {
                if (!vanished[0] && file.toUri().getPath().endsWith(target) && opens[0]-- == 0) {
                    vanished[0] = java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file.toUri()));
                }
                return local.parquet(file);
            }
        };
        CommittedTables read = CommittedTables.read(vanishing, out, source.studyHash());

        assertTrue(vanished[0], "the file vanished during the reading");
        assertReadAsGone(read);
    }

    /**
     * A task that commits while status lists the folder (its traces file, then its trials file,
     * in every partition), here between the listing of the first partition directory and the
     * rest: whatever of it the listings catch, no trials file shows without its traces file.
     */
    @Test
    void aTaskCommittedWhileTheTablesAreListedIsNoProblem() throws IOException {
        String name = PartFiles.finalName(second.taskKey());
        java.nio.file.Path folder = java.nio.file.Path.of(out.toUri());
        java.nio.file.Path staging = java.nio.file.Files.createDirectories(tmp.resolve("staging"));
        List<java.nio.file.Path> committed;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(folder)) {
            committed = files.filter(f -> f.getFileName().toString().equals(name)).sorted().toList();
        }
        assertEquals(4, committed.size(), "the task's files in two partitions of both tables: " + committed);
        for (java.nio.file.Path f : committed) { // as before the task committed
            java.nio.file.Files.move(f, staging.resolve(folder.relativize(f).toString().replace('/', '_')));
        }
        FolderFiles local = new LocalFolderFiles();
        boolean[] done = {false};
        FolderFiles committing = new Delegating(local) {
            @Override
            public List<FolderTree.Entry> list(Path dir) throws IOException {
                List<FolderTree.Entry> listed = local.list(dir);
                if (!done[0] && dir.getName().startsWith("activation=")) {
                    done[0] = true;
                    for (String table : List.of("traces", "trials")) { // the task's commit order
                        for (java.nio.file.Path f : committed) {
                            if (folder.relativize(f).startsWith(table)) {
                                java.nio.file.Files.move(staging.resolve(folder.relativize(f).toString().replace('/', '_')), f);
                            }
                        }
                    }
                }
                return listed;
            }
        };
        CommittedTables read = CommittedTables.read(committing, out, source.studyHash());

        assertTrue(done[0], "the task committed during the reading");
        assertEquals(List.of(), read.problems(), "a task committing is no problem of the folder");
        assertTrue(read.countsByStatus().values().stream().mapToLong(Long::longValue).sum() >= 2, "the first task's trials");
    }

    /** Local files, with one method or another replaced by a test. */
    private static class Delegating implements FolderFiles {
        private final FolderFiles files;

        Delegating(FolderFiles files) {
            this.files = files;
        }

        @Override
        public List<FolderTree.Entry> list(Path dir) throws IOException {
            return files.list(dir);
        }

        @Override
        public InputStream open(Path file) throws IOException {
            return files.open(file);
        }

        @Override
        public long modifiedMillis(Path file) throws IOException {
            return files.modifiedMillis(file);
        }

        @Override
        public InputFile parquet(Path file) throws IOException {
            return files.parquet(file);
        }

        @Override
        public ParquetReadOptions parquetOptions() {
            return files.parquetOptions();
        }
    }

    private void assertReadAsGone(CommittedTables read) {
        // the first task's trials file went: its trials are not counted, the second task's are
        assertEquals(Map.of("ok", 1L, "diverged", 1L, "failed", 1L), read.countsByStatus());
        assertEquals(List.of(), read.problems(), "a file that is gone is no problem of the folder");
        // and the folder reads as it now is: the task's traces file without its trials file, as a
        // task leaves it that dies between its two renames (which a run, holding the lock, removes)
        assertEquals(List.of(new Path(out, "traces/activation=relu/" + PartFiles.finalName(first.taskKey()))),
                read.uncommitted().stream().map(e -> e.path()).toList());
    }
}
