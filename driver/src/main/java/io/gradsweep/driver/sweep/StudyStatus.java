package io.gradsweep.driver.sweep;

import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Counts by status of an output folder, with a small local Spark session of its own. */
public final class StudyStatus {
    private StudyStatus() {
    }

    public static Map<String, Long> countsByStatus(OutputFolder folder) throws IOException {
        if (folder.fileCount("trials") == 0) {
            return Map.of();
        }
        SparkSession spark = SparkSessions.start("local[1]", "gradsweep status");
        try {
            return TrialsTable.countsByStatus(spark, folder);
        } finally {
            spark.stop();
        }
    }
}
