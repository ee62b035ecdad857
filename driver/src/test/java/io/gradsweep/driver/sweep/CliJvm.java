package io.gradsweep.driver.sweep;

import io.gradsweep.driver.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI in a JVM of its own, as a user starts it, for tests that kill or signal it. */
final class CliJvm {
    private CliJvm() {
    }

    /** Starts {@code gradsweep ARGS} with the build's JVM flags and class path; stdout and stderr go to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("gradsweep.jvm.flags").trim().split("\\s+")));
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Polls {@code ready} until it holds, then kills {@code p} with SIGKILL (no shutdown hooks, no
     * cleanup); fails if the process ends first or {@code seconds} pass, with its {@code log}.
     */
    static void killWhen(Process p, java.util.concurrent.Callable<Boolean> ready, int seconds,
            java.util.function.Supplier<String> log) throws Exception {
        try {
            await(p, ready, seconds, log);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Polls {@code ready} until it holds; fails if {@code p} ends first or {@code seconds} pass, with its {@code log}. */
    static void await(Process p, java.util.concurrent.Callable<Boolean> ready, int seconds,
            java.util.function.Supplier<String> log) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
        while (!ready.call()) {
            org.junit.jupiter.api.Assertions.assertTrue(p.isAlive(), () -> "the run ended before it could be stopped:\n"
                    + log.get());
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() < deadline, "not ready within "
                    + seconds + " s:\n" + log.get());
            Thread.sleep(10);
        }
    }
}
