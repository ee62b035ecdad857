package io.gradsweep.worker.study;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Study files written to hurt: alias bombs, nesting past any stack, class-instantiating tags,
 * binary junk. Each must end in a StudyException naming the file, quickly, with no class loaded
 * or instantiated on the file's say-so.
 */
class HostileStudyTest {
    private static final Duration QUICK = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private StudyException refusedFile(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        StudyException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(StudyException.class, () -> Study.load(file)));
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        return e;
    }

    private StudyException refused(String name, String yaml) throws IOException {
        return refusedFile(name, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aBillionLaughsIsRefusedAtTheFirstAliasWithoutExpanding() throws IOException {
        StringBuilder b = new StringBuilder("study: lol\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            b.append("lol").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            b.append("]\n");
        }
        StudyException e = refused("laughs.yaml", b.toString());
        assertTrue(e.getMessage().contains("alias") || e.getMessage().contains("Number of aliases"), e.getMessage());
        // the same bomb hidden where a value is expected
        e = refused("laughs-in-base.yaml", b.toString().replace("study: lol\n", "study: lol\nbase:\n  x: *l9\n"));
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void nestingFarPastAnyStackIsRefusedNotAStackOverflow() throws IOException {
        int deep = 200_000; // under 1 MiB, far past what a recursive reader survives
        StudyException e = refused("flow.yaml", "study: x\nbase: " + "[".repeat(deep) + "]".repeat(deep) + "\n");
        assertTrue(e.getMessage().contains("nesting") || e.getMessage().contains("depth"), e.getMessage());
        e = refused("flow-maps.yaml", "study: x\nbase: " + "{a: ".repeat(deep / 4) + "1" + "}".repeat(deep / 4) + "\n");
        assertTrue(e.getMessage().contains("nesting") || e.getMessage().contains("depth"), e.getMessage());
        StringBuilder block = new StringBuilder("study: x\nbase:\n");
        for (int i = 0; i < 60; i++) {
            block.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        e = refused("block.yaml", block.toString());
        assertTrue(e.getMessage().contains("nesting deeper than 32"), e.getMessage());
    }

    @Test
    void javaTypeTagsInstantiateNothing() throws IOException {
        for (String tag : new String[] {"!!java.lang.Runtime", "!!javax.script.ScriptEngineManager",
                "!!java.net.URLClassLoader", "!<tag:yaml.org,2002:java.lang.ProcessBuilder>"}) {
            String shown = tag.startsWith("!<") ? "!!java.lang.ProcessBuilder" : tag;
            for (StudyException e : new StudyException[] {
                refused("tag-value.yaml", "study: x\nbase:\n  dataset: " + tag + " [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]\n"),
                refused("tag-root.yaml", tag + " {study: x}\n"),
                refused("tag-scalar.yaml", "study: x\nbase:\n  activation: " + tag + " relu\n")}) {
                assertTrue(e.getMessage().contains("tags (" + shown + ") are not supported"), e.getMessage());
            }
        }
    }

    @Test
    void binaryJunkAndNulBytesAreRefusedAsNotAStudy() throws IOException {
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + rnd.nextInt(4096)];
            rnd.nextBytes(junk);
            refusedFile("junk" + i + ".bin", junk);
        }
        refusedFile("nul.yaml", "study: x\u0000\nbase: {depth: 2}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refusedFile("empty.yaml", new byte[0]);
        refusedFile("utf16.yaml", "study: x\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    }

    @Test
    void oversizedScalarsAndNumbersAreRefused() throws IOException {
        refused("long-line.yaml", "study: " + "x".repeat((1 << 20) + 10) + "\n");
        StudyException e = refused("big-int.yaml", "study: x\nseed: 1" + "0".repeat(400) + "\n");
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        e = refused("big-range.yaml", "study: x\ngrid:\n  lr: {from: 1e-300, to: 1, num: 9223372036854775807}\n");
        assertTrue(e.getMessage().contains("grid.lr"), e.getMessage());
    }
}
