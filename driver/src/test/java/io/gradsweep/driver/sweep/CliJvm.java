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
}
