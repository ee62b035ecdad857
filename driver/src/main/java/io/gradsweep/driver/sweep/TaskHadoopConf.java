package io.gradsweep.driver.sweep;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * A task's Hadoop configuration: the class path's defaults plus the run's {@code spark.hadoop.*}
 * settings. A new {@link Configuration} parses core-default.xml and the site files when first
 * read: 18-34 ms a task in a run of bench/efficiency.yaml on 2 busy cores (3-4 ms in a warm JVM
 * with a core to itself), most of the gap between one task and the next on an executor core; so the parsed one is kept per executor JVM, keyed by the settings (one entry: a
 * JVM serves one run at a time), and each task gets a copy (the copy constructor clones the parsed
 * properties), which the task may change without touching the next one's.
 */
final class TaskHadoopConf {
    private static Map<String, String> cachedSettings;
    private static Configuration cached;

    private TaskHadoopConf() {
    }

    static synchronized Configuration forTask(Map<String, String> settings) {
        if (cached == null || !cachedSettings.equals(settings)) {
            Configuration conf = new Configuration();
            settings.forEach(conf::set);
            conf.size(); // parse now, so that copies clone the properties rather than parse again
            cachedSettings = Map.copyOf(settings);
            cached = conf;
        }
        return new Configuration(cached);
    }
}
