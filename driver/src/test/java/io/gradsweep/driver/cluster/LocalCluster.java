package io.gradsweep.driver.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cluster started with bin/gradsweep-cluster, as a user starts it, and stopped with it; then
 * checked by PID: every process of the daemons' sessions (executors included) must be gone.
 */
final class LocalCluster {
    static final Path SCRIPT = Path.of("../bin/gradsweep-cluster").toAbsolutePath().normalize();
    private static final long SCRIPT_SECONDS = 150;

    private final Path dir;
    /** Daemon name (master, worker-1, ...) -> PID, as recorded at start: stop deletes the PID files. */
    private final Map<String, Long> daemons;
    final String startOutput;

    private LocalCluster(Path dir, Map<String, Long> daemons, String startOutput) {
        this.dir = dir;
        this.daemons = daemons;
        this.startOutput = startOutput;
    }

    /** Starts the cluster; the daemons' PIDs are recorded before anything can fail, so {@link #stop} finds them. */
    static LocalCluster start(Path dir, int workers) throws IOException, InterruptedException {
        Script start = script(dir, "start", "--dir", dir.toString(), "--workers", Integer.toString(workers),
                "--cores", "1", "--memory", "1g", "--timeout", "120");
        if (start.code != 0) {
            stop(dir);
            throw new IllegalStateException("gradsweep-cluster start failed (" + start.code + "):\n" + start.output);
        }
        Map<String, Long> daemons = new TreeMap<>();
        try (Stream<Path> pids = Files.list(dir.resolve("pids"))) {
            for (Path p : (Iterable<Path>) pids::iterator) {
                daemons.put(p.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(p).trim()));
            }
        }
        return new LocalCluster(dir, daemons, start.output);
    }

    Path dir() {
        return dir;
    }

    Path sparkConf() {
        return dir.resolve("spark.conf");
    }

    String secret() throws IOException {
        return Files.readAllLines(sparkConf()).stream().filter(l -> l.startsWith("spark.authenticate.secret "))
                .map(l -> l.substring("spark.authenticate.secret ".length()).trim()).findFirst().orElseThrow();
    }

    long pid(String daemon) {
        return daemons.get(daemon);
    }

    /** Every live process of the cluster: the daemons and the executors they started. */
    List<Long> processes() {
        return Sessions.members(daemons.values());
    }

    /** Executor JVMs alive now (the cluster's processes that are not daemons). */
    long executors() {
        return processes().stream().filter(p -> !daemons.containsValue(p)).count();
    }

    /**
     * Stops the cluster with the script, then makes sure by PID that nothing of it is left, killing
     * (SIGKILL) what is; returns what had to be killed, empty when the script did its job.
     */
    List<Long> stopAndCheck() throws IOException, InterruptedException {
        Script stop = stop(dir);
        List<Long> left = new ArrayList<>();
        for (long pid : processes()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                left.add(pid);
                h.destroyForcibly();
            });
        }
        if (stop.code != 0) {
            throw new IllegalStateException("gradsweep-cluster stop failed (" + stop.code + "):\n" + stop.output);
        }
        return left;
    }

    static Script stop(Path dir) throws IOException, InterruptedException {
        return script(dir, "stop", "--dir", dir.toString(), "--timeout", "30");
    }

    record Script(int code, String output) {
    }

    private static Script script(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Files.createDirectories(dir);
        Path log = dir.resolveSibling(dir.getFileName() + "-" + args[0] + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(SCRIPT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return new Script(-1, "no answer within " + SCRIPT_SECONDS + " s\n" + Files.readString(log));
        }
        return new Script(p.exitValue(), Files.readString(log));
    }
}
