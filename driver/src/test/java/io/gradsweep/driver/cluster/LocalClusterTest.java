package io.gradsweep.driver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.CommittedFiles;
import io.gradsweep.driver.DuckDb;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a real standalone cluster (bin/gradsweep-cluster: a Master and 2 Workers x 1 core,
 * separate JVMs) through the real launcher (bin/gradsweep), undisturbed and under faults, compared
 * with the same study in local mode by an independent reader (DuckDB). One cluster serves every
 * test, in order; the test that kills a Worker comes last. Runs in `mvn verify`'s integration-test
 * phase, after `package` has built the jar and lib/ the cluster is made of.
 */
@Tag("cluster")
@EnabledOnOs(OS.LINUX) // the cluster's processes are found through /proc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
    static final Path STUDY = Path.of("src/test/resources/studies/resume.yaml").toAbsolutePath();
    static final int TRIALS = 24;
    /** Bound on one run on the cluster: a few seconds of training, an executor JVM start (~11 s), slack for a busy machine. */
    static final long RUN_SECONDS = 240;
    /**
     * Bound on a refused driver's whole life: JVM start, the study, one lookup of the Master (8 s at
     * most). Two drivers refused at once took 30-32 s on a loaded 2-core machine, a lone one 6-14 s;
     * Spark alone took 66-190 s.
     */
    static final long REFUSAL_SECONDS = 60;

    @TempDir
    static Path work;
    static LocalCluster cluster;
    static Path reference;
    static final List<CliProcess> drivers = new ArrayList<>();
    static long startNanos;

    @BeforeAll
    static void startTheClusterWhileTheStudyRunsInLocalMode() throws Exception {
        startNanos = System.nanoTime();
        CompletableFuture<LocalCluster> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalCluster.start(work.resolve("cluster"), 2);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        reference = work.resolve("local");
        CliRun local = CliRun.of("run", STUDY.toString(), "--out", reference.toString(), "--master", "local[2]",
                "--progress-seconds", "60");
        assertEquals(0, local.code, local.err);
        cluster = starting.get(200, TimeUnit.SECONDS);
        assertTrue(cluster.startOutput.contains("master UI: http://127.0.0.1:"), cluster.startOutput);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.sparkConf())),
                "the file with the cluster's secret is its owner's only");
    }

    @AfterAll
    static void stopEveryProcessByPid() throws Exception {
        for (CliProcess d : drivers) {
            if (d.isAlive()) {
                d.kill();
            }
        }
        if (cluster != null) {
            List<Long> left = cluster.stopAndCheck();
            assertEquals(List.of(), left, "processes the stop script left (killed now)");
        } else {
            LocalCluster.stop(work.resolve("cluster"));
        }
        System.out.printf("cluster tests: %.0f s%n", (System.nanoTime() - startNanos) / 1e9);
    }

    @Test
    @Order(1)
    @Timeout(value = RUN_SECONDS + 30, unit = TimeUnit.SECONDS)
    void aStudyOnTwoWorkersIsBitwiseTheSameAsInLocalModeAndListensOnLoopbackOnly() throws Exception {
        Path out = work.resolve("undisturbed");
        CliProcess run = driver("undisturbed", "", "run", STUDY.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString(), "--progress-seconds", "1");
        long most = 0;
        Map<String, Integer> kills = new TreeMap<>();
        while (run.isAlive()) {
            List<Long> pids = new ArrayList<>(cluster.processes());
            pids.addAll(run.processes());
            assertEquals(List.of(), ListeningSockets.beyondLoopback(pids), "every socket on loopback");
            most = Math.max(most, cluster.executors());
            if (kills.isEmpty()) {
                kills.putAll(tryToKillThroughTheUis(run.log()));
            }
            Thread.sleep(200);
        }
        assertEquals(0, run.await(RUN_SECONDS), run.log());
        // issue 15, case 6: any local user can reach these loopback UIs; none of them may kill the run
        System.out.println("kill requests through the UIs, HTTP status: " + kills);
        assertEquals(4, kills.size(), "the kill requests were sent while the run lived: " + kills);
        assertEquals(405, kills.get("master /app/kill"), "the Master has no kill endpoint: " + kills);
        assertEquals(405, kills.get("master /driver/kill"), "the Master has no kill endpoint: " + kills);
        String log = run.log();
        assertTrue(most >= 2, "an executor on each Worker at once (checked while they ran): " + most);
        assertTablesEqualTheLocalRun(out);

        assertTrue(log.contains("Spark UI: http://127.0.0.1:"), "the UI's address at the start:\n" + log);
        assertTrue(log.contains("executors: 2 with 2 cores") && log.contains("tasks on 2 cores"),
                "planned for the cores of both Workers, once they registered:\n" + log);
        assertTrue(Pattern.compile("(?m)^trials \\d+/" + TRIALS + " ").matcher(log).find(), "a progress line:\n" + log);
        assertTrue(log.contains("by status: " + TRIALS + " ok\n"), log);
        String app = applicationId(log);
        assertTrue(EventLog.text(cluster.dir().resolve("events"), app).contains("\"Event\":\"SparkListenerApplicationEnd\""),
                "the event log of " + app + " is complete, for the History Server");
        try (Stream<Path> files = Files.walk(cluster.dir().resolve("work"))) {
            long executorLogs = files.filter(f -> f.toString().contains("/" + app + "/") && f.endsWith("stderr")).count();
            assertEquals(2, executorLogs, "each executor's log in its Worker's work folder");
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 2 * RUN_SECONDS + 30, unit = TimeUnit.SECONDS)
    void aDriverKilledMidRunResumesToEveryTrialOnceWithNoPartialFileEverVisible() throws Exception {
        Path out = work.resolve("driver-killed");
        CliProcess run = driver("driver-killed", "", "run", STUDY.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString(), "--partitions", "12", "--progress-seconds", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
        while (CommittedFiles.trialFiles(out) < 2) {
            assertTrue(run.isAlive(), () -> "the run ended before it could be killed:\n" + logOf(run));
            assertTrue(System.nanoTime() < deadline, "no trials committed within " + RUN_SECONDS + " s");
            Thread.sleep(50);
        }
        run.kill();
        int before;
        // The fence: take the folder's lock over as the next run does (its holder's process is gone).
        // From then on no executor of the killed driver may commit, however long it takes to notice.
        try (RunLock next = RunLock.acquire(OutputFolder.at(out.toString(), new Configuration()), "next run",
                System.out)) {
            // what a reader sees now: whole files only (DuckDB fails on a partial Parquet file), fewer than all trials
            before = DuckDb.rows(out, "trials", "grid_index").size();
            assertTrue(before >= 2 && before < TRIALS, "killed part-way: " + before + " of " + TRIALS
                    + " trials committed");
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cluster.executors() > 0 && System.nanoTime() < gone) {
                Thread.sleep(100); // the killed driver's executors finish or fail their tasks, then exit
            }
            assertEquals(before, DuckDb.rows(out, "trials", "grid_index").size(),
                    "no executor of the killed driver committed once the lock was another run's");
        }
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"state\" : \"running\""));

        CliProcess again = driver("driver-killed-resumed", "", "run", STUDY.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString(), "--progress-seconds", "1");
        assertEquals(0, again.await(RUN_SECONDS), again.log());
        assertTrue(again.log().contains(before + " already done"), again.log());
        assertTablesEqualTheLocalRun(out);
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    @Order(3)
    @Timeout(value = RUN_SECONDS + 30, unit = TimeUnit.SECONDS)
    void speculativeCopiesOfTasksWriteNoDuplicate() throws Exception {
        Path out = work.resolve("speculation");
        // copy a task once it has run a fifth of the median of those done: Spark copies only into a free
        // slot on another host (hence a loopback address per Worker), and a slot is free only at the
        // stage's tail, when the last task may have run for less than the median (1.0 made this test
        // depend on timing: it failed under load)
        String speculation = "-Dspark.speculation=true -Dspark.speculation.interval=50ms -Dspark.speculation.multiplier=0.2"
                + " -Dspark.speculation.quantile=0.1 -Dspark.speculation.minTaskRuntime=10ms"
                + " -Dspark.speculation.efficiency.enabled=false";
        CliProcess run = driver("speculation", speculation, "run", STUDY.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString(), "--partitions", "12");
        assertEquals(0, run.await(RUN_SECONDS), run.log());
        String events = EventLog.text(cluster.dir().resolve("events"), applicationId(run.log()));
        assertTrue(events.contains("\"Speculative\":true"), () -> "at least one speculative attempt ran:\n" + logOf(run));
        assertTablesEqualTheLocalRun(out);
    }

    @Test
    @Order(4)
    @Timeout(value = RUN_SECONDS + 30, unit = TimeUnit.SECONDS)
    void divergedFailedAndTimedOutTrialsAreRecordedAndTheRestCompletes() throws Exception {
        Path csv = work.resolve("bad-row.csv");
        Files.writeString(csv, "a,b,y\n1.0,2.0,0\n2.0,1.5,1\n0.5,x,0\n1.5,1.0,1\n");
        Path study = work.resolve("troubles.yaml");
        Files.writeString(study, """
                study: troubles
                seed: 5
                replicates: 2
                base:
                  width: 8
                  epochs: 3
                grid:
                  lr: [0.01, 1000000.0]
                  dataset: [iris, "csv(path=%s,label=y)", digits]
                when:
                  - if: {dataset: digits, lr: 0.01}
                    set: {epochs: 100000, time_limit_seconds: 2}
                """.formatted(csv));
        Path out = work.resolve("troubles");
        CliProcess run = driver("troubles", "", "run", study.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString());
        assertEquals(0, run.await(RUN_SECONDS), run.log());
        assertTrue(run.log().contains("by status: 4 diverged, 4 failed, 2 ok, 2 timeout\n"), run.log());

        Map<String, Set<String>> outcomes = new TreeMap<>();
        for (Map<String, Object> t : DuckDb.rows(out, "trials", "grid_index")) {
            String dataset = ((String) t.get("dataset")).replaceAll("\\(.*", "");
            String key = dataset + " lr=" + t.get("lr");
            outcomes.computeIfAbsent(key, k -> new HashSet<>()).add(t.get("status") + ": " + t.get("message"));
        }
        assertEquals(6, outcomes.size(), outcomes.toString());
        assertEquals(Set.of("ok: null"), outcomes.get("iris lr=0.01"));
        assertEach("diverged: minibatch loss .* exceeded 100.0 x the initial loss .*", outcomes.get("iris lr=1000000.0"));
        assertEach("diverged: .*", outcomes.get("digits lr=1000000.0"));
        assertEach("timeout: time limit of 2.0 s reached at step \\d+", outcomes.get("digits lr=0.01"));
        for (String lr : List.of("0.01", "1000000.0")) {
            assertEach("failed: .*bad-row.csv line 4, column 'b': 'x' is not a number", outcomes.get("csv lr=" + lr));
        }
    }

    @Test
    @Order(5)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aDriverWithoutTheSecretIsRefused() throws Exception {
        List<String> settings = Files.readAllLines(cluster.sparkConf());
        Path none = work.resolve("no-secret.conf");
        Files.write(none, settings.stream().filter(l -> !l.startsWith("spark.authenticate")).toList());
        Path wrong = work.resolve("wrong-secret.conf");
        Files.write(wrong, settings.stream().map(l -> l.startsWith("spark.authenticate.secret ")
                ? "spark.authenticate.secret " + "0".repeat(64) : l).toList());
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        Path tiny = Path.of("src/test/resources/studies/tiny.yaml");
        List<CliProcess> refused = new ArrayList<>();
        long start = System.nanoTime();
        for (Path conf : List.of(none, wrong)) {
            String name = conf.getFileName().toString().replace(".conf", "");
            refused.add(driver(name, "", "run", tiny.toString(), "--out", work.resolve(name).toString(),
                    "--properties-file", conf.toString()));
        }
        // issue 15, case 9: Spark alone retried for 66-190 s and then failed with a NullPointerException;
        // the driver now asks the Master once before registering and says why, in seconds (JVM start included)
        for (CliProcess d : refused) {
            assertEquals(2, d.await(REFUSAL_SECONDS), "refused as bad input within " + REFUSAL_SECONDS + " s:\n" + d.log());
        }
        System.out.printf("both drivers refused, with their reason, %.1f s after they started%n",
                (System.nanoTime() - start) / 1e9);
        assertTrue(refused.get(0).log().contains("gradsweep run: the cluster refused authentication: the Master at spark://"
                + "127.0.0.1:") && refused.get(0).log().contains("which has no secret (spark.authenticate is off here)"),
                refused.get(0).log());
        assertTrue(refused.get(1).log().contains("gradsweep run: the cluster refused authentication")
                && refused.get(1).log().contains("whose spark.authenticate.secret is not the cluster's"), refused.get(1).log());
        String master = Files.readString(cluster.dir().resolve("logs/master.log"));
        assertFalse(master.contains("Registering app gradsweep tiny"), "the Master registered a driver without the secret");
        for (String name : List.of("no-secret", "wrong-secret")) {
            assertFalse(Files.exists(work.resolve(name).resolve("trials")), name + " trained nothing");
        }
    }

    @Test
    @Order(6)
    @Timeout(value = RUN_SECONDS + 30, unit = TimeUnit.SECONDS)
    void aWorkerKilledMidRunLosesNoTrialAndDuplicatesNone() throws Exception {
        Path out = work.resolve("worker-killed");
        CliProcess run = driver("worker-killed", "", "run", STUDY.toString(), "--out", out.toString(),
                "--properties-file", cluster.sparkConf().toString(), "--partitions", "12", "--progress-seconds", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS);
        while (CommittedFiles.trialFiles(out) < 1 || cluster.executors() < 2) {
            assertTrue(run.isAlive(), () -> "the run ended before a Worker could be killed:\n" + logOf(run));
            assertTrue(System.nanoTime() < deadline, "tasks not running on both Workers within " + RUN_SECONDS + " s");
            Thread.sleep(50);
        }
        ProcessHandle worker = ProcessHandle.of(cluster.pid("worker-1")).orElseThrow();
        worker.destroyForcibly(); // SIGKILL; its executor, left without its Worker, ends too
        worker.onExit().get(30, TimeUnit.SECONDS);
        assertEquals(0, run.await(RUN_SECONDS), run.log());
        assertTablesEqualTheLocalRun(out);
        assertTrue(DuckDb.rows(out, "trials", "grid_index").size() == TRIALS);
    }

    @Test
    @Order(7)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theSecretIsNowhereButInItsOwnFile() throws Exception {
        String secret = cluster.secret();
        assertEquals(64, secret.length());
        List<String> holders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.equals(cluster.sparkConf()) && !f.getFileName().toString().endsWith(".parquet")
                        && EventLog.readMaybeCompressed(f).contains(secret)) {
                    holders.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), holders, "logs, event logs, executor logs, manifests and outputs hold no secret");
        String manifest = Files.readString(work.resolve("undisturbed/manifest.json"));
        assertTrue(manifest.contains("\"spark.authenticate.secret\" : \"*********(redacted)\""), manifest);
    }

    // ---- helpers

    /**
     * Once the run has named its application and its UI, POSTs what Spark's UIs take as kill
     * requests (the Master's, for the application and a driver; the driver UI's, for stage 0 and
     * job 0), as any local user could; returns each request's HTTP status, or nothing while the
     * run has not yet said where its UI is.
     */
    private static Map<String, Integer> tryToKillThroughTheUis(String log) throws Exception {
        Matcher app = Pattern.compile("application (app-\\d+-\\d+)").matcher(log);
        Matcher ui = Pattern.compile("Spark UI: (http://127\\.0\\.0\\.1:\\d+)").matcher(log);
        if (!app.find() || !ui.find()) {
            return Map.of();
        }
        String master = Files.readString(cluster.dir().resolve("master-ui.url")).trim();
        Map<String, Integer> status = new TreeMap<>();
        status.put("master /app/kill", post(master + "/app/kill/?id=" + app.group(1) + "&terminate=true"));
        status.put("master /driver/kill", post(master + "/driver/kill/?id=" + app.group(1) + "&terminate=true"));
        status.put("driver /stages/stage/kill", post(ui.group(1) + "/stages/stage/kill/?id=0&terminate=true"));
        status.put("driver /jobs/job/kill", post(ui.group(1) + "/jobs/job/kill/?id=0"));
        return status;
    }

    private static int post(String url) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofSeconds(10)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static CliProcess driver(String name, String javaOpts, String... args) throws IOException {
        CliProcess d = CliProcess.start(work.resolve(name + ".log"), javaOpts, args);
        drivers.add(d);
        return d;
    }

    private static void assertTablesEqualTheLocalRun(Path out) throws Exception {
        List<Map<String, Object>> trials = DuckDb.rows(out, "trials", "grid_index");
        assertEquals(TRIALS, new HashSet<>(trials.stream().map(r -> r.get("grid_index")).toList()).size(), "each trial");
        for (String table : List.of("trials", "traces")) {
            String order = table.equals("trials") ? "grid_index" : "grid_index, step";
            assertEquals(DuckDb.deterministic(DuckDb.rows(reference, table, order)),
                    DuckDb.deterministic(DuckDb.rows(out, table, order)), table + " as in local mode");
        }
    }

    /** Every replicate's "status: message" matches (the numbers in a message differ between replicates). */
    private static void assertEach(String regex, Set<String> outcomes) {
        assertNotNull(outcomes);
        for (String outcome : outcomes) {
            assertTrue(outcome.matches(regex), outcome + " does not match " + regex);
        }
    }

    private static String applicationId(String log) {
        Matcher m = Pattern.compile("application (app-\\d+-\\d+)").matcher(log);
        assertTrue(m.find(), "the run names its application:\n" + log);
        return m.group(1);
    }


    private static String logOf(CliProcess p) {
        try {
            return p.log();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
