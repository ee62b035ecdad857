package io.gradsweep.driver.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** bin/gradsweep in a process of its own, as a user runs it; its output (stdout and stderr) in a file. */
final class CliProcess {
    static final Path LAUNCHER = Path.of("../bin/gradsweep").toAbsolutePath().normalize();

    private final Process process;
    private final Path log;

    private CliProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code bin/gradsweep ARGS}; {@code javaOpts} go to GRADSWEEP_JAVA_OPTS (e.g. -Dspark.x=y). */
    static CliProcess start(Path log, String javaOpts, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.remove("SPARK_LOCAL_IP"); // the launcher decides, as for a user
        // Spark's scratch folders in the build folder, not /tmp
        env.put("GRADSWEEP_JAVA_OPTS", ("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir") + " " + javaOpts).trim());
        return new CliProcess(pb.start(), log);
    }

    /** Waits for the end, at most {@code seconds}; a run still going then is killed and fails the test. */
    int await(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("bin/gradsweep did not end within " + seconds + " s; killed. Its output:\n" + log());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The JVM (the launcher execs it, so it is this PID) and what it started. */
    List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        pids.addAll(process.descendants().map(ProcessHandle::pid).collect(Collectors.toList()));
        return pids;
    }

    /** SIGKILL: no shutdown hook, no clean-up, as when a machine dies. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }
}
