package io.gradsweep.driver.sweep;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration for the driver's own work on the output folder (manifest, lock,
 * replace, status), with the same {@code spark.hadoop.*} settings the Spark job gets: spark-submit
 * --conf and -D system properties both arrive as system properties, and Spark copies them into its
 * own Hadoop configuration, so the driver does too. Without this an s3a: folder would be reached
 * with the settings by the executors but without them by the driver.
 */
public final class HadoopSettings {
    private static final String PREFIX = "spark.hadoop.";

    private HadoopSettings() {
    }

    /** core-site.xml etc. from the class path (as always), then every spark.hadoop.* system property. */
    public static Configuration fromSystemProperties() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                conf.set(key.substring(PREFIX.length()), String.valueOf(e.getValue()), "spark.hadoop system property");
            }
        }
        return conf;
    }
}
