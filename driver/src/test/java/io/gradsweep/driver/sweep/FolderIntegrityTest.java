package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.study.Study;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash or a careless copy leaves in the tables: an empty, a truncated and a copied part
 * file. Status and analyze name each and count none; resume repairs the two it can prove its own.
 */
class FolderIntegrityTest {
    static final Path TINY = OutputSafetyTest.TINY;

    @TempDir
    Path dir;

    private static Path local(org.apache.hadoop.fs.Path p) {
        return Path.of(p.toUri());
    }

    @Test
    void emptyTruncatedAndCopiedPartFilesAreNamedNotCountedAndResumeRepairsOurs() throws Exception {
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[2]",
                "--partitions", "4");
        assertEquals(0, first.code, first.out + first.err);
        String hash = Study.load(TINY).hash();
        OutputFolder folder = OutputFolder.at(out.toString(), new Configuration());
        List<CommittedTables.Task> tasks = folder.tables(hash).tasks();
        assertTrue(tasks.size() >= 3, "files of at least three tasks: " + tasks.size());
        CommittedTables.Task empty = tasks.get(0);
        CommittedTables.Task truncated = tasks.get(1);
        CommittedTables.Task copied = tasks.get(2);
        int lost = empty.gridIndexes().length + truncated.gridIndexes().length;

        // a crash after an unflushed rename: the name, no bytes
        Files.write(local(empty.trials()), new byte[0]);
        // a crash part-way through the data: no footer
        long size = Files.size(local(truncated.traces()));
        try (FileChannel c = FileChannel.open(local(truncated.traces()), StandardOpenOption.WRITE)) {
            c.truncate(size / 2);
        }
        // a user's copy of a finished file, under a name gradsweep could have written
        Path copy = local(copied.trials()).resolveSibling("part-0000000000000000.parquet");
        Files.copy(local(copied.trials()), copy);
        // and one under its own name in a folder of its own: the same trials in two files
        Path duplicate = out.resolve("trials/activation=sigmoid").resolve(local(copied.trials()).getFileName());
        Files.createDirectories(duplicate.getParent());
        Files.copy(local(copied.trials()), duplicate);

        CliRun status = CliRun.of("status", out.toString());
        assertEquals(0, status.code, status.out + status.err);
        assertTrue(status.out.contains("trials done: " + (8 - lost) + " of 8"), status.out);
        assertTrue(status.out.contains(local(empty.trials()).getFileName() + ": empty (0 bytes)"), status.out);
        assertTrue(status.out.contains(local(truncated.traces()).getFileName()
                + ": not a whole Parquet file (its footer does not read)"), status.out);
        assertTrue(status.out.contains("part-0000000000000000.parquet: a copy of another part file")
                && status.out.contains("Move it out of the table"), status.out);
        assertTrue(status.out.contains("The next run of the study deletes it and trains its trials again"), status.out);
        assertTrue(status.out.contains("activation=sigmoid/" + duplicate.getFileName()
                + ": holds trials another file holds already (the same trials as "), status.out);
        assertFalse(status.out.contains("Exception") || status.err.contains("at org.apache"), status.out + status.err);

        Path report = dir.resolve("report");
        CliRun analyze = CliRun.of("analyze", out.toString(), "--out", report.toString(), "--master", "local[1]");
        assertEquals(0, analyze.code, analyze.out + analyze.err);
        assertTrue(analyze.out.contains("read " + (8 - lost) + " trials"), analyze.out);
        assertTrue(analyze.out.contains("part-0000000000000000.parquet: a copy"), analyze.out);

        CliRun resume = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, resume.code, resume.out + resume.err);
        assertTrue(resume.out.contains("repairing: ") && resume.out.contains(
                (8 - lost) + " already done, " + lost + " to train"), resume.out);
        assertTrue(resume.out.contains("warning: " + copy.toUri().toString().replace("file:///", "file:/")),
                resume.out);
        assertFalse(Files.exists(local(empty.trials())) && Files.size(local(empty.trials())) == 0);

        CliRun after = CliRun.of("status", out.toString());
        assertTrue(after.out.contains("trials done: 8 of 8") && after.out.contains("part-0000000000000000.parquet"),
                after.out);
        assertTrue(Files.exists(copy) && Files.exists(duplicate), "what is not provably ours stays");
        Files.delete(copy); // the remedy status gave; then every reader sees each trial once
        Files.delete(duplicate);
        Files.delete(duplicate.getParent());
        List<Map<String, Object>> trials = DuckDb.rows(out, "trials", "grid_index");
        assertEquals(8, trials.size());
        assertEquals(8, new HashSet<>(trials.stream().map(r -> r.get("grid_index")).toList()).size());
        List<Map<String, Object>> keys = DuckDb.query("SELECT grid_index, step, count(*) AS n FROM "
                + DuckDb.table(out, "traces") + " GROUP BY grid_index, step HAVING count(*) > 1");
        assertEquals(List.of(), keys, "no trace point twice");
        assertEquals(8L, DuckDb.query("SELECT count(DISTINCT grid_index) AS n FROM " + DuckDb.table(out, "traces"))
                .get(0).get("n"));
    }
}
