package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.report.ReportFolder;
import io.gradsweep.worker.folder.Manifest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing that is not gradsweep's is ever deleted or overwritten: foreign folders, links' targets, other reports. */
class FolderOwnershipTest {
    static final Path TINY = OutputSafetyTest.TINY;
    private static final String TEMP_NAME = ".part-0123456789abcdef.01234567-89ab-cdef-0123-456789abcdef.tmp";

    @TempDir
    Path dir;

    /** A browser extension's folder: it has a manifest.json too. */
    private Path browserExtension() throws Exception {
        Path ext = dir.resolve("extension");
        Files.createDirectories(ext.resolve("icons"));
        Files.writeString(ext.resolve("manifest.json"), "{\"manifest_version\": 3, \"name\": \"tabs\"}");
        Files.writeString(ext.resolve("background.js"), "chrome.tabs.query({});");
        Files.writeString(ext.resolve("icons/icon16.png"), "png");
        return ext;
    }

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
    }

    @Test
    void aForeignFolderWithAManifestSurvivesReplaceAndStatusSaysWhatItIs() throws Exception {
        Path ext = browserExtension();
        List<String> before = tree(ext);
        CliRun r = CliRun.of("run", TINY.toString(), "--out", ext.toString(), "--replace", "--master", "local[1]");
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("holds a manifest.json that is not gradsweep's") && r.err.contains("manifest_version")
                && r.err.contains("nothing there is read, written or deleted"), r.err);
        assertEquals(before, tree(ext), "not a file touched, no lock left");
        assertEquals("chrome.tabs.query({});", Files.readString(ext.resolve("background.js")));

        CliRun s = CliRun.of("status", ext.toString());
        assertEquals(2, s.code, s.out + s.err);
        assertTrue(s.err.contains("not gradsweep's") && !s.err.contains("StringIndexOutOfBounds"), s.err);
        CliRun a = CliRun.of("analyze", ext.toString(), "--out", dir.resolve("report").toString());
        assertEquals(2, a.code, a.out + a.err);
        assertTrue(a.err.contains("not gradsweep's"), a.err);
        assertEquals(before, tree(ext));
    }

    @Test
    void replaceDeletesOnlyGradsweepsFilesAndNeverThroughALink() throws Exception {
        Path out = dir.resolve("out");
        OutputSafetyTest.writeOtherStudy(out); // an old study: trials/activation=relu/part-1.parquet
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("trials/activation=relu/" + TEMP_NAME), "staged");
        Path victim = victim();
        Files.createSymbolicLink(out.resolve("trials/linked"), victim);
        Files.createSymbolicLink(out.resolve("trials/activation=relu/part-2.parquet"), victim.resolve("a.parquet"));
        List<String> victimBefore = tree(victim);

        OutputFolder folder = OutputFolder.at(out.toString(), new Configuration());
        try (RunLock lock = RunLock.acquire(folder, "tiny", System.out)) {
            List<org.apache.hadoop.fs.Path> kept = folder.deleteOwnFolder();
            assertEquals(List.of("activation=relu", "linked", "notes.txt", "part-2.parquet"),
                    kept.stream().map(org.apache.hadoop.fs.Path::getName).sorted().toList(),
                    "what is not ours stays: " + kept);
        }
        assertEquals(victimBefore, tree(victim), "a link's target is never touched");
        assertFalse(Files.exists(out.resolve("trials/activation=relu/part-1.parquet")));
        assertFalse(Files.exists(out.resolve("trials/activation=relu/" + TEMP_NAME)));
        assertFalse(Files.exists(out.resolve(OutputFolder.MANIFEST)));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.isSymbolicLink(out.resolve("trials/linked")), "the link itself is not ours to delete either");
    }

    /** A folder elsewhere, with a hidden file and names like gradsweep's own, which a link points to. */
    private Path victim() throws Exception {
        Path victim = dir.resolve("elsewhere");
        Files.createDirectories(victim);
        Files.writeString(victim.resolve(".hidden"), "dotfile");
        Files.writeString(victim.resolve(TEMP_NAME), "looks like a staged file");
        Files.writeString(victim.resolve("part-0123456789abcdef.parquet"), "looks like a part file");
        Files.writeString(victim.resolve("a.parquet"), "data");
        return victim;
    }

    @Test
    void aLinkInATableIsNeitherFollowedNorDeletedByResumeAndStatusNamesIt() throws Exception {
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(0, first.code, first.out + first.err);
        Path victim = victim();
        List<String> victimBefore = tree(victim);
        Files.createSymbolicLink(out.resolve("traces/link"), victim);
        Files.createSymbolicLink(out.resolve("traces/activation=relu/linked"), victim);

        CliRun again = CliRun.of("run", TINY.toString(), "--out", out.toString(), "--master", "local[1]");
        assertEquals(0, again.code, again.out + again.err);
        assertTrue(again.out.contains("8 already done, 0 to train"), again.out);
        assertTrue(again.out.contains("traces/link: a symbolic link (never followed)"), again.out);
        assertEquals(victimBefore, tree(victim), "resume deleted nothing behind the links");
        assertEquals("dotfile", Files.readString(victim.resolve(".hidden")));
        assertTrue(Files.isSymbolicLink(out.resolve("traces/link")));

        CliRun s = CliRun.of("status", out.toString());
        assertEquals(0, s.code, s.err);
        assertTrue(s.out.contains("trials done: 8 of 8") && s.out.contains("not counted: ")
                && s.out.contains("activation=relu/linked: a symbolic link"), s.out);
    }

    @Test
    void analyzeRefusesAReportFolderThatIsNotOneAndKeepsItsFiles() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        OutputFolder.at(out.toString(), new Configuration()).writeManifest(new Manifest("tiny", "0123456789abcdef",
                "x", Manifest.State.COMPLETE, Optional.empty(), Optional.empty(), 8, "activation", "then",
                Optional.empty(), Map.of(), Map.of(), Files.readString(TINY)));
        Path thesis = dir.resolve("thesis");
        Files.createDirectories(thesis);
        Files.writeString(thesis.resolve("summary.md"), "my own summary");
        Files.writeString(thesis.resolve("chapter1.tex"), "precious");
        CliRun r = CliRun.of("analyze", out.toString(), "--out", thesis.toString());
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains("is not empty and holds no gradsweep report") && r.err.contains("chapter1.tex")
                && r.err.contains("choose a new or empty folder"), r.err);
        assertEquals("my own summary", Files.readString(thesis.resolve("summary.md")));
        assertFalse(Files.exists(thesis.resolve("report.html")));
        assertFalse(Files.exists(thesis.resolve(ReportFolder.MARKER), LinkOption.NOFOLLOW_LINKS));
    }
}
