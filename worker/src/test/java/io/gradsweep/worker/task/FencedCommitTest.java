package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderLayout;
import io.gradsweep.worker.folder.RunFence;
import io.gradsweep.worker.table.PartFileFooter;
import io.gradsweep.worker.table.PartFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task commits only while its run holds the folder's lock; what it commits says whose it is in its footer. */
class FencedCommitTest {
    @TempDir
    Path tmp;

    private void lockHeldBy(Path out, String runId) throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve(FolderLayout.LOCK), "{\"tool\": \"gradsweep\", \"" + RunFence.RUN_ID_FIELD
                + "\": \"" + runId + "\", \"heartbeat\": \"2026-01-01T00:00:00Z\"}");
    }

    private static List<Path> files(Path out) throws Exception {
        if (!Files.exists(out.resolve("trials"))) {
            return List.of();
        }
        try (Stream<Path> f = Stream.concat(Files.walk(out.resolve("trials")), Files.walk(out.resolve("traces")))) {
            return f.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aTaskOfARunThatLostTheLockCommitsNothingAndLeavesNothing() throws Exception {
        Path out = tmp.resolve("out");
        lockHeldBy(out, "the-next-run");
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        RunFence.Lost lost = assertThrows(RunFence.Lost.class, () -> TaskRunner.run(plan, source,
                out.toUri().toString(), new Configuration(), "v", false, Optional.of(new RunFence("the-killed-run"))));
        assertTrue(lost.getMessage().contains("run the-killed-run no longer holds")
                && lost.getMessage().contains("run the-next-run does"), lost.getMessage());
        assertEquals(List.of(), files(out), "no visible file and no staged file left");

        Files.delete(out.resolve(FolderLayout.LOCK)); // a lock released meanwhile fences too
        assertThrows(RunFence.Lost.class, () -> TaskRunner.run(plan, source, out.toUri().toString(),
                new Configuration(), "v", false, Optional.of(new RunFence("the-killed-run"))));
        assertEquals(List.of(), files(out));
    }

    @Test
    void aTaskOfTheRunHoldingTheLockCommitsFilesThatSayWhoseTheyAre() throws Exception {
        Path out = tmp.resolve("out");
        lockHeldBy(out, "this-run");
        FakeSource source = FakeSource.fiveTrials("activation");
        TaskPlan plan = TaskPlan.of(source.studyHash(), source.allIndexes(), 1.0);
        TaskRunner.run(plan, source, out.toUri().toString(), new Configuration(), "v", false,
                Optional.of(new RunFence("this-run")));
        List<Path> files = files(out);
        assertEquals(4, files.stream().filter(f -> f.getFileName().toString().equals(PartFiles.finalName(plan.taskKey())))
                .count(), files.toString()); // two tables x two partitions
        for (Path f : files) {
            if (!f.getFileName().toString().endsWith(".parquet")) {
                continue;
            }
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
                PartFileFooter footer = PartFileFooter.of(r.getFooter().getFileMetaData().getKeyValueMetaData())
                        .orElseThrow();
                assertEquals(Optional.of(source.studyHash()), footer.studyHash());
                assertEquals(Optional.of(plan.taskKey()), footer.taskKey());
                assertEquals(Optional.of(r.getRecordCount()), footer.rows());
            }
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(out.toUri());
        CommittedTables tables = CommittedTables.read(root.getFileSystem(new Configuration()), root, source.studyHash());
        assertEquals(List.of(), tables.problems());
        assertEquals(5, tables.gridIndexes().length);
        Path linked = Files.createSymbolicLink(tmp.resolve("linked-out"), out);
        org.apache.hadoop.fs.Path linkedRoot = new org.apache.hadoop.fs.Path(linked.toUri());
        assertEquals(5, CommittedTables.read(linkedRoot.getFileSystem(new Configuration()), linkedRoot,
                source.studyHash()).gridIndexes().length, "an output folder reached through a link is read");
        CommittedTables other = CommittedTables.read(root.getFileSystem(new Configuration()), root, "feedface00000000");
        assertEquals(0, other.gridIndexes().length, "another study's files are never counted");
        assertEquals(4, other.problems().size(), other.problems().toString());

        // a damaged trials file whose traces partition folder is a link elsewhere: the repair
        // deletes the trials file and nothing behind the link
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Path relu = out.resolve("traces/activation=relu");
        String name = PartFiles.finalName(plan.taskKey());
        Files.copy(relu.resolve(name), elsewhere.resolve(name));
        Files.delete(relu.resolve(name));
        Files.deleteIfExists(relu.resolve("." + name + ".crc"));
        Files.delete(relu);
        Files.createSymbolicLink(relu, elsewhere);
        Files.write(out.resolve("trials/activation=relu").resolve(name), new byte[0]);
        CommittedTables damaged = CommittedTables.read(root.getFileSystem(new Configuration()), root, source.studyHash());
        List<org.apache.hadoop.fs.Path> deleted = damaged.repair(root.getFileSystem(new Configuration()), root);
        assertTrue(Files.exists(elsewhere.resolve(name)), "nothing deleted through the link: " + deleted);
        assertTrue(!Files.exists(out.resolve("trials/activation=relu").resolve(name)), "the empty file of ours went");
    }
}
