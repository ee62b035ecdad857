package io.gradsweep.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bitwise reproducibility: the same checksum in the interpreter, C1 only and C2 (after warm-up),
 * and equal to a pinned value, so a change on another CPU or JDK (or to the math) is noticed.
 * If the math is changed on purpose, results of earlier studies change too: update GOLDEN then.
 */
class DeterminismTest {
    static final String GOLDEN = "a65036b1eee22dda";

    private static String runJvm(String... flags) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] cmd = new String[flags.length + 5];
        cmd[0] = java;
        cmd[1] = "--add-modules=jdk.incubator.vector"; // some activations use the Vector API
        System.arraycopy(flags, 0, cmd, 2, flags.length);
        cmd[flags.length + 2] = "-cp";
        cmd[flags.length + 3] = System.getProperty("java.class.path");
        cmd[flags.length + 4] = DeterminismProbe.class.getName();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("probe JVM timed out: " + String.join(" ", flags));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out.lines().reduce((first, last) -> last).orElse(""); // after the incubator warning
    }

    @Test
    void sameBitsInInterpreterC1AndC2() throws Exception {
        String first = Long.toHexString(DeterminismProbe.checksum());
        String warm = first;
        for (int i = 0; i < 15; i++) { // by now the kernels are C2-compiled
            warm = Long.toHexString(DeterminismProbe.checksum());
        }
        assertEquals(first, warm, "cold vs warm in this JVM");
        assertEquals(warm, runJvm("-Xint"), "interpreter only");
        assertEquals(warm, runJvm("-XX:TieredStopAtLevel=1", "-Xbatch"), "C1 only");
        assertEquals(GOLDEN, warm, "pinned checksum");
    }
}
