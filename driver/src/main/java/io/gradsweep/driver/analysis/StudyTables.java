package io.gradsweep.driver.analysis;

import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderLayout;
import java.io.IOException;
import java.io.PrintStream;
import io.gradsweep.worker.table.TrialsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Registers a study folder's Parquet tables as the Spark SQL views {@code trials} and
 * {@code traces}, with the partition column read back from the directory names: only the files
 * the folder's reader counts (whole, ours, each trial once), never a damaged, foreign or copied one.
 */
public final class StudyTables {
    private StudyTables() {
    }

    /**
     * Spark's default of 200 shuffle partitions is made for big joins; the analysis' group-bys have
     * a row per trial or per curve point, so a few partitions per core suffice. A setting already
     * made (--properties-file, spark-submit) is kept.
     */
    public static void fewShufflePartitions(SparkSession spark) {
        if (!spark.conf().contains("spark.sql.shuffle.partitions")) {
            spark.conf().set("spark.sql.shuffle.partitions", Math.max(4, 4 * spark.sparkContext().defaultParallelism()));
        }
    }

    /** Returns false when the folder holds no finished task yet (nothing to analyse). */
    static boolean register(SparkSession spark, OutputFolder folder, String studyHash, PrintStream log)
            throws IOException {
        CommittedTables tables = folder.tables(studyHash);
        for (CommittedTables.Problem p : tables.problems()) {
            log.println("warning: " + p.describe());
        }
        if (tables.tasks().isEmpty()) {
            return false;
        }
        // the files are listed already (above): past 32 paths Spark would list them again in a job of
        // its own, whose tasks carry Hadoop Path[] and file statuses that the Kryo registrator does not
        // know, so a folder of many files (a resumed or adaptive run's) would fail to read
        spark.conf().set("spark.sql.sources.parallelPartitionDiscovery.threshold", Integer.MAX_VALUE);
        for (String table : FolderLayout.TABLES) {
            String base = folder.table(table).toString();
            String[] files = tables.files(table).stream().map(Object::toString).toArray(String[]::new);
            // basePath: the partition directory becomes a column; the value strings stay as the
            // sweep wrote them (String.valueOf of the setting), which is how the labels read
            Dataset<Row> read = spark.read().option("basePath", base)
                    .option("mergeSchema", table.equals(TrialsTable.NAME)).parquet(files);
            if (table.equals(TrialsTable.NAME)) {
                read = SeedColumns.filled(read);
            }
            read.createOrReplaceTempView(table);
        }
        return true;
    }
}
