package io.gradsweep.driver.sweep;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the driver reads back from trials/: the grid indexes done, and the counts by status. */
final class TrialsTable {
    private TrialsTable() {
    }

    private static Dataset<Row> read(SparkSession spark, OutputFolder folder) throws java.io.IOException {
        if (folder.fileCount("trials") == 0) {
            return null;
        }
        String path = folder.table("trials").toString();
        return spark.read().option("basePath", path).parquet(path);
    }

    static DoneTrials done(SparkSession spark, OutputFolder folder) throws java.io.IOException {
        Dataset<Row> trials = read(spark, folder);
        if (trials == null) {
            return DoneTrials.none();
        }
        List<Row> rows = trials.select("grid_index").collectAsList();
        long[] indexes = new long[rows.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = rows.get(i).getLong(0);
        }
        return DoneTrials.of(indexes);
    }

    /** Status -> trials, sorted by status. */
    static Map<String, Long> countsByStatus(SparkSession spark, OutputFolder folder) throws java.io.IOException {
        Map<String, Long> counts = new TreeMap<>();
        Dataset<Row> trials = read(spark, folder);
        if (trials != null) {
            for (Row r : trials.groupBy("status").count().collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
        }
        return counts;
    }
}
