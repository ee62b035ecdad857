package io.gradsweep.driver.sweep;

import io.gradsweep.worker.kryo.GradsweepKryoRegistrator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark settings gradsweep needs, in one place. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session for {@code master} (local[*] when null). Settings already given (spark-submit's
     * --conf, or spark-defaults) win over these defaults, except the serializer, which must be Kryo
     * with registration required.
     */
    public static SparkSession start(String master, String appName) {
        SparkConf conf = new SparkConf(true);
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
        if (conf.get("spark.master").startsWith("local")) {
            // stay on loopback: this machine's hostname resolves to loopback but Spark would bind outward
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
