package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The statistics of a study too large to bring run by run to the driver: the per-trial records
 * stay on the executors, grouped by cell, and each cell's {@link CellStatistics} is computed in a
 * task; the driver receives one result per cell, whose size does not grow with the runs. The same
 * code computes a cell as on the driver, with the same study-wide choices (the reference, the
 * headline threshold, the steps per epoch of runs that took no step), so both give the same numbers.
 */
public final class CellTasks {
    /**
     * Up to this many trials the driver reads every run (and the report has the tables that need
     * them all on one machine: the pooled interquartile means and performance profiles, the seed
     * variance, the mechanism and curvature tables); above it the cells are computed on the executors.
     */
    static final long DRIVER_TRIALS = 50_000;
    /** The same, for help texts (a constant expression). */
    public static final String DRIVER_TRIALS_TEXT = "50,000";

    /** The study-wide numbers the cells need, from one pass over the per-trial records (public: Spark encodes it). */
    public record Totals(long trained, long[] reached, Map<String, long[]> firstStepped) implements java.io.Serializable {
    }

    private CellTasks() {
    }

    /** The trials in the tables: how {@link StudyAnalyzer} chooses where the runs are read. */
    static long trials(SparkSession spark) {
        return spark.table("trials").count();
    }

    /**
     * Every cell's statistics, computed on the executors. The groups name the study's cells and
     * arms (no runs); the returned context is what each cell was computed with.
     */
    static Computed compute(SparkSession spark, AnalysisPlan plan, Groups groups) {
        Dataset<Row> perTrial = spark.sql(MeasureQueries.perTrial(plan)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            int thresholds = plan.thresholds().size();
            // a few numbers per partition, encoded as Java-serialised bytes in rows (Spark's Kryo is registration-only)
            Totals totals = perTrial.mapPartitions((MapPartitionsFunction<Row, Totals>) rows -> {
                long trained = 0;
                long[] reached = new long[thresholds];
                Map<String, long[]> first = new HashMap<>();
                while (rows.hasNext()) {
                    TrialRecord r = TrialRecord.of(rows.next());
                    if (r.trained()) {
                        trained++;
                        for (int i = 0; i < thresholds; i++) {
                            reached[i] += r.reached(i) ? 1 : 0;
                        }
                    }
                    if (r.stepsPerEpoch > 0) {
                        first.merge(r.batchKey, new long[] {r.gridIndex, Double.doubleToRawLongBits(r.stepsPerEpoch)},
                                (x, y) -> x[0] <= y[0] ? x : y);
                    }
                }
                return List.of(new Totals(trained, reached, first)).iterator();
            }, Encoders.javaSerialization(Totals.class)).collectAsList().stream()
                    .reduce(new Totals(0, new long[thresholds], Map.of()), CellTasks::add);
            CellStatistics.Context context = Analysis.context(plan, groups, totals.trained(), totals.reached());
            // as StudyData.withKnownStepsPerEpoch: a run that took no step gets the first (in grid order) known value
            Map<String, Double> known = new HashMap<>();
            totals.firstStepped().forEach((k, v) -> known.put(k, Double.longBitsToDouble(v[1])));
            List<CellStatistics> cells = perTrial
                    .groupByKey((MapFunction<Row, String>) CellTasks::cellKey, Encoders.STRING())
                    .mapGroups((MapGroupsFunction<String, Row, CellStatistics>) (key, rows) -> cell(context, known, rows),
                            Encoders.javaSerialization(CellStatistics.class))
                    .collectAsList();
            Map<List<String>, CellStatistics> byCell = new HashMap<>();
            cells.forEach(c -> byCell.put(c.cell, c));
            if (!groups.cells.containsAll(byCell.keySet())) {
                throw new IllegalStateException("a trial in the tables is not in the study's grid (cells "
                        + byCell.keySet().stream().filter(c -> !groups.cells.contains(c)).toList()
                        + "): the folder's tables and its manifest disagree");
            }
            List<CellStatistics> all = new ArrayList<>();
            for (List<String> cell : groups.cells) { // a cell with no run yet still has its (empty) groups
                all.add(byCell.containsKey(cell) ? byCell.get(cell) : CellStatistics.of(context, cell, Map.of()));
            }
            return new Computed(context, all);
        } finally {
            perTrial.unpersist();
        }
    }

    /** What {@link #compute} returns: the context every cell used, and the cells that have runs. */
    record Computed(CellStatistics.Context context, List<CellStatistics> cells) {
    }

    private static Totals add(Totals a, Totals b) {
        long[] reached = a.reached().clone();
        for (int i = 0; i < reached.length; i++) {
            reached[i] += b.reached()[i];
        }
        Map<String, long[]> first = new HashMap<>(a.firstStepped());
        b.firstStepped().forEach((k, v) -> first.merge(k, v, (x, y) -> x[0] <= y[0] ? x : y));
        return new Totals(a.trained() + b.trained(), reached, first);
    }

    /** One cell's statistics from its per-trial rows, in a task. */
    private static CellStatistics cell(CellStatistics.Context context, Map<String, Double> known, Iterator<Row> rows) {
        List<TrialRecord> runs = new ArrayList<>();
        while (rows.hasNext()) {
            TrialRecord r = TrialRecord.of(rows.next());
            runs.add(r.stepsPerEpoch > 0 || !known.containsKey(r.batchKey) ? r : r.withStepsPerEpoch(known.get(r.batchKey)));
        }
        runs.sort(Comparator.comparingLong(r -> r.gridIndex));
        Map<String, List<TrialRecord>> byArm = new LinkedHashMap<>();
        for (TrialRecord r : runs) {
            if (!context.arms().contains(r.arm())) {
                throw new IllegalStateException("a trial in the tables (grid index " + r.gridIndex + ", " + r.factors
                        + ") is not in the study's grid: the folder's tables and its manifest disagree");
            }
            byArm.computeIfAbsent(r.arm(), k -> new ArrayList<>()).add(r);
        }
        return CellStatistics.of(context, runs.get(0).cell(), byArm);
    }

    /**
     * A run's cell (its factors after the compared one) as one text; NUL never occurs in a label.
     * Read from the row's factors alone: the whole record is made once, in the cell's task.
     */
    private static String cellKey(Row r) {
        List<String> factors = r.getList(r.fieldIndex(MeasureQueries.FACTORS));
        return String.join("\u0000", factors.subList(1, factors.size()));
    }
}
