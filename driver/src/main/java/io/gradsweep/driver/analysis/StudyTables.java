package io.gradsweep.driver.analysis;

import io.gradsweep.driver.sweep.OutputFolder;
import java.io.IOException;
import org.apache.spark.sql.SparkSession;

/**
 * Registers a study folder's Parquet tables as the Spark SQL views {@code trials} and
 * {@code traces}, with the partition column read back from the directory names.
 */
final class StudyTables {
    private StudyTables() {
    }

    /** Returns false when the folder holds no finished task yet (nothing to analyse). */
    static boolean register(SparkSession spark, OutputFolder folder) throws IOException {
        if (folder.fileCount("trials") == 0) {
            return false;
        }
        for (String table : new String[] {"trials", "traces"}) {
            String path = folder.table(table).toString();
            // basePath: the partition directory becomes a column; the value strings stay as the
            // sweep wrote them (String.valueOf of the setting), which is how the labels read
            spark.read().option("basePath", path).parquet(path).createOrReplaceTempView(table);
        }
        return true;
    }
}
