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
final class StudyTables {
    private StudyTables() {
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
