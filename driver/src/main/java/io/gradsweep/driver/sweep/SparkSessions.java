package io.gradsweep.driver.sweep;

import io.gradsweep.worker.kryo.GradsweepKryoRegistrator;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark settings gradsweep needs, in one place. */
public final class SparkSessions {
    /**
     * The stack size the launcher gives the driver, and so local-mode tasks; executors get the same,
     * so that a trial has the same room in every mode.
     */
    static final String EXECUTOR_STACK = "-Xss4m";

    private SparkSessions() {
    }

    /** A session for {@code master} (local[*] when null), with no settings from a file. */
    public static SparkSession start(String master, String appName) {
        return start(master, appName, Map.of());
    }

    /**
     * A session for {@code master} (the file's spark.master, or local[*], when null). Settings
     * already given as system properties (spark-submit's --conf, or -Dspark.x) win over the file's
     * ({@code --properties-file}), which win over these defaults; except the serializer, which must
     * be Kryo with registration required.
     */
    public static SparkSession start(String master, String appName, Map<String, String> fileSettings) {
        SparkConf conf = new SparkConf(true);
        fileSettings.forEach(conf::setIfMissing);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setAppName(appName);
        conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.set("spark.kryo.registrationRequired", "true");
        conf.set("spark.kryo.registrator", GradsweepKryoRegistrator.class.getName());
        // one executor core = one trial at a time; a task is many trials, so never split a core
        conf.setIfMissing("spark.task.cpus", "1");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        String m = conf.get("spark.master");
        if (onLoopback(m)) {
            // stay on loopback: this machine's hostname resolves to loopback but Spark would bind outward
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!m.startsWith("local") || m.startsWith("local-cluster")) {
            shipToExecutors(conf);
        }
        MasterPreflight.check(conf); // a refused secret is said in seconds, not after Spark's minute of retries
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** A local master, or a cluster whose master is on this machine's loopback (bin/gradsweep-cluster's). */
    static boolean onLoopback(String master) {
        return master.startsWith("local") || master.startsWith("spark://127.") || master.startsWith("spark://localhost:");
    }

    /**
     * Executors in JVMs of their own need our classes (spark-submit sets spark.jars to its jar; the
     * launcher does not) and our stack size; Spark itself adds the module flags to them.
     */
    private static void shipToExecutors(SparkConf conf) {
        if (!conf.contains("spark.jars")) {
            thisJar().ifPresent(jar -> conf.set("spark.jars", jar.toUri().toString()));
        }
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        if (!opts.contains("-Xss")) {
            conf.set("spark.executor.extraJavaOptions", (EXECUTOR_STACK + " " + opts).trim());
        }
    }

    /** The jar gradsweep runs from, if it runs from a jar (not from a build's classes folder). */
    static Optional<Path> thisJar() {
        try {
            Path p = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
