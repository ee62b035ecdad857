package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.table.PartFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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

    /**
     * @param lookUps the file vanishes at its first look-up (the footer check), its second (the
     *                footer's open) or later (the read of its trials' grid indexes and statuses)
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aTrialsFileThatVanishesAfterTheListingIsNotCountedAndNothingFails(int lookUps) throws IOException {
        FakeSource source = FakeSource.fiveTrials("activation");
        Path out = new Path(tmp.resolve("out").toUri());
        // two tasks: trials 0-1 (relu) and trials 2-4 (relu, elu)
        TaskPlan first = TaskPlan.of(source.studyHash(), new long[] {0, 1}, 1.0);
        TaskPlan second = TaskPlan.of(source.studyHash(), new long[] {2, 3, 4}, 1.0);
        TaskRunner.run(first, source, out.toString(), new Configuration(), "test");
        TaskRunner.run(second, source, out.toString(), new Configuration(), "test");
        CommittedTables before = CommittedTables.read(FileSystem.getLocal(new Configuration()), out, source.studyHash());
        assertEquals(Map.of("ok", 3L, "diverged", 1L, "failed", 1L), before.countsByStatus());

        Configuration conf = VanishingFileSystem.configuration("/trials/activation=relu/"
                + PartFiles.finalName(first.taskKey()), lookUps);
        FileSystem fs = FileSystem.get(out.toUri(), conf);
        CommittedTables read = CommittedTables.read(fs, out, source.studyHash());

        assertTrue(VanishingFileSystem.vanished, "the file vanished during the reading");
        // the first task's trials file went: its trials are not counted, the second task's are
        assertEquals(Map.of("ok", 1L, "diverged", 1L, "failed", 1L), read.countsByStatus());
        assertEquals(List.of(), read.problems(), "a file that is gone is no problem of the folder");
        // and the folder reads as it now is: the task's traces file without its trials file, as a
        // task leaves it that dies between its two renames (which a run, holding the lock, removes)
        assertEquals(List.of(new Path(out, "traces/activation=relu/" + PartFiles.finalName(first.taskKey()))),
                read.uncommitted().stream().map(e -> e.path()).toList());
    }
}
