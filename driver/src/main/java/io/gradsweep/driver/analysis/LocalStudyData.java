package io.gradsweep.driver.analysis;

import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.StudyStatus;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.LocalFolderFiles;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.table.TracesTable;
import io.gradsweep.worker.table.TrialsTable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.parquet.example.data.Group;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@link StudyData} of a small study in a folder on this machine, computed in this JVM from the
 * committed Parquet files without starting Spark: for the quickstart, starting Spark and running
 * its ~26 small jobs took ~20 s of the ~25 s analyze took, for a few thousand rows. Each method
 * here is one {@link MeasureQueries} query written in Java, with the query's semantics kept where
 * they decide a value: NULL (a missing value, never counted) apart from NaN; NaN, infinities and
 * NULL skipped where the query skips them; Spark's order of doubles (NaN above every number) in
 * min, max and comparisons; log10 of a number at or below 0 is NULL; sums in the order Spark adds
 * them for a small study (see {@link #mechanism}); its exact percentile ({@link ExactPercentile});
 * its text of a factor value (CAST AS STRING); its row orders. ReadWithoutSparkTest checks every
 * value against Spark's, to the bit. What is not reproduced: a division by zero (Spark's ANSI mode
 * fails the query; here it is NULL), the order of rows Spark does not promise (per-trial curvature
 * and mechanism rows come in grid index order here), and an order of addition Spark would choose
 * only for larger data (a sort-merge join instead of a broadcast): there an average may differ in
 * its last bit, as two Spark plans' averages may.
 */
final class LocalStudyData {
    /**
     * The most trials (the manifest's count) of a study read this way: the same bound as
     * bin/gradsweep's for running analyze on the C1 compiler alone (ReadWithoutSparkTest checks
     * that they agree). A larger study is read with Spark, whose executors scale with it.
     */
    static final long MAX_TRIALS = 2000;

    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    /** The trials columns read: what the queries use of the trials table, the factors' columns added. */
    private static final List<String> TRIAL_COLUMNS = List.of("trial_key", "replicate", "split_seed", "order_seed",
            "init_seed", TrialsTable.GRID_INDEX, TrialsTable.STATUS, "message", "steps_run", "epochs_run", "epochs",
            "max_steps", "dataset", "batch", "threshold_step", "threshold_epoch", "final_train_loss", "final_test_loss",
            "final_train_accuracy", "final_test_accuracy", "max_sharpness", "edge_step", "optimizer", "momentum", "depth");

    private static final List<String> TRACE_COLUMNS = List.of("trial_key", "step", "train_loss", "test_loss",
            "train_accuracy", "test_accuracy", "gradient_norm", "dead_fraction", "activation_mean", "learning_rate",
            "sharpness");

    /** The per-trial query's row, as Spark returns it, so that {@link TrialRecord#of} reads both alike. */
    private static final StructType PER_TRIAL = new StructType(new StructField[] {
        field(MeasureQueries.FACTORS, DataTypes.createArrayType(DataTypes.StringType)),
        field("replicate", DataTypes.IntegerType), field("split_seed", DataTypes.LongType),
        field("order_seed", DataTypes.LongType), field("init_seed", DataTypes.LongType),
        field(TrialsTable.GRID_INDEX, DataTypes.LongType), field(TrialsTable.STATUS, DataTypes.StringType),
        field("message", DataTypes.StringType), field("steps_run", DataTypes.LongType),
        field("epochs_run", DataTypes.DoubleType), field("epochs", DataTypes.LongType),
        field("max_steps", DataTypes.LongType), field("dataset", DataTypes.StringType), field("batch", DataTypes.LongType),
        field("eval_steps", DataTypes.createArrayType(DataTypes.LongType)),
        field("threshold_step", DataTypes.createArrayType(DataTypes.LongType)),
        field("threshold_epoch", DataTypes.createArrayType(DataTypes.DoubleType)),
        field("final_train_loss", DataTypes.DoubleType), field("final_test_loss", DataTypes.DoubleType),
        field("final_train_accuracy", DataTypes.DoubleType), field("final_test_accuracy", DataTypes.DoubleType),
        field("best_train_loss", DataTypes.DoubleType), field("best_test_loss", DataTypes.DoubleType),
        field("best_test_accuracy", DataTypes.DoubleType), field("best_train_accuracy", DataTypes.DoubleType),
        field("peak_dead_fraction", DataTypes.DoubleType), field("gradient_ratio_init", DataTypes.DoubleType),
        field("log_loss_area", DataTypes.DoubleType), field("points", DataTypes.LongType)});

    /** One evaluation point of a trace; a double column a file lacks reads as NaN, which every query treats as its NULL. */
    private record Point(long step, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                         float[] gradientNorm, float[] deadFraction, float[] activationMean, double learningRate,
                         Double sharpness) {
    }

    /** One trial: its trials row (column -> value), its factor labels, and its points by step. */
    private static final class Trial {
        final Map<String, Object> row;
        final List<String> factors;
        final List<String> cell;
        final List<Point> points = new ArrayList<>();

        Trial(Map<String, Object> row, List<String> factors, List<String> cell) {
            this.row = row;
            this.factors = factors;
            this.cell = cell;
        }

        long number(String column) {
            return ((Number) row.get(column)).longValue();
        }

        double real(String column) {
            return ((Number) row.get(column)).doubleValue();
        }

        /** A seed-source column, -1 (follows the replicate) where the file has none: {@link SeedColumns}. */
        long seed(String column) {
            Object v = row.get(column);
            return v == null ? SeedColumns.FOLLOWS_REPLICATE : ((Number) v).longValue();
        }

        /** element_at(list, i + 1): NULL when the list or the element is. */
        Object element(String column, int i) {
            List<?> list = (List<?>) row.get(column);
            return list == null || i >= list.size() ? null : list.get(i);
        }

        PairKey pair() {
            return PairKey.of(((Number) row.get("replicate")).intValue(), seed("split_seed"), seed("order_seed"),
                    seed("init_seed"));
        }
    }

    private final AnalysisPlan plan;
    /** In grid index order. */
    private final List<Trial> trials;
    /** Whether the traces have a sharpness column (studies run before it existed have none). */
    private final boolean sharpnessColumn;

    private LocalStudyData(AnalysisPlan plan, List<Trial> trials, boolean sharpnessColumn) {
        this.plan = plan;
        this.trials = trials;
        this.sharpnessColumn = sharpnessColumn;
    }

    /**
     * A study of at most {@link #MAX_TRIALS} trials (the manifest's count) in a folder
     * on this machine, read from its files in this JVM: the same data Spark's queries give, in a
     * second instead of the ~20 s Spark takes to start and run them. Empty for any other study.
     */
    static Optional<StudyData> readSmallLocal(OutputFolder folder, Study study, AnalysisPlan plan, PrintStream log)
            throws IOException {
        if (!StudyStatus.isLocal(folder.uri())
                || folder.manifest().map(Manifest::trials).orElse(Long.MAX_VALUE) > MAX_TRIALS) {
            return Optional.empty();
        }
        LocalFolderFiles files = new LocalFolderFiles();
        CommittedTables tables = CommittedTables.read(files, new org.apache.hadoop.fs.Path(folder.uri()), study.hash());
        if (!reads(tables)) {
            log.println("reading the tables with Spark: their partition directories hold values Spark reads as a"
                    + " decimal, a date or a timestamp");
            return Optional.empty();
        }
        for (CommittedTables.Problem p : tables.problems()) {
            log.println("warning: " + p.describe());
        }
        if (tables.tasks().isEmpty()) {
            throw new IllegalArgumentException(folder.uri() + " holds no finished trial yet: nothing to analyse");
        }
        log.println("reading the tables without Spark (a study of at most " + MAX_TRIALS
                + " trials in a local folder; --master or --properties-file reads them with Spark)");
        return Optional.of(read(tables, files, plan));
    }

    /**
     * Whether the files of {@code tables} can be read here: not when their partition directories hold
     * values that Spark would type in a way not reproduced here (see {@link TableRows#partitionValues}).
     */
    static boolean reads(CommittedTables tables) {
        return TableRows.partitionValues(tables.files(TrialsTable.NAME)).isPresent();
    }

    /** The study data of the counted files of {@code tables}, which this class {@link #reads}. */
    static StudyData read(CommittedTables tables, FolderFiles io, AnalysisPlan plan) throws IOException {
        Map<String, Object> partition = TableRows.partitionValues(tables.files(TrialsTable.NAME)).orElseThrow();
        Set<String> columns = new LinkedHashSet<>(TRIAL_COLUMNS);
        plan.compare().columns().forEach(columns::add);
        plan.by().forEach(f -> columns.addAll(f.columns()));
        List<Map<String, Object>> rows = new ArrayList<>();
        TableRows.read(io, tables.files(TrialsTable.NAME), columns, partition, (g, partitionColumn, partitionValue) -> {
            Map<String, Object> row = new HashMap<>();
            for (String c : columns) {
                row.put(c, c.equals(partitionColumn) ? partitionValue : TableRows.value(g, c));
            }
            rows.add(row);
        });
        Map<String, Trial> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            List<String> factors = new ArrayList<>();
            factors.add(label(plan.compare(), row));
            List<String> cell = new ArrayList<>();
            for (Factor f : plan.by()) {
                cell.add(label(f, row));
            }
            factors.addAll(cell);
            byKey.put((String) row.get("trial_key"), new Trial(row, factors, cell));
        }
        TableRows.Read traces = TableRows.read(io, tables.files(TracesTable.NAME), TRACE_COLUMNS, Map.of(),
                (g, partitionColumn, partitionValue) -> {
                    Trial t = byKey.get(g.getString("trial_key", 0));
                    if (t != null) { // the queries join the traces to the trials: a point of no trial counted is not read
                        t.points.add(point(g));
                    }
                });
        List<Trial> ordered = new ArrayList<>(byKey.values());
        ordered.sort(Comparator.comparingLong(t -> t.number(TrialsTable.GRID_INDEX)));
        for (Trial t : ordered) {
            t.points.sort(Comparator.comparingLong(Point::step)); // stable: a trace is written in step order
        }
        return new LocalStudyData(plan, ordered, traces.columns().contains("sharpness")).studyData();
    }

    private static Point point(Group g) {
        Object sharpness = TableRows.value(g, "sharpness");
        return new Point((Long) TableRows.value(g, "step"), real(g, "train_loss"), real(g, "test_loss"),
                real(g, "train_accuracy"), real(g, "test_accuracy"), TableRows.floats(g, "gradient_norm"),
                TableRows.floats(g, "dead_fraction"), TableRows.floats(g, "activation_mean"), real(g, "learning_rate"),
                sharpness == null ? null : ((Number) sharpness).doubleValue());
    }

    private static double real(Group g, String column) {
        Object v = TableRows.value(g, column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private StudyData studyData() {
        List<TrialRecord> records = new ArrayList<>();
        for (Trial t : trials) {
            records.add(TrialRecord.of(perTrial(t)));
        }
        return StudyData.of(records, lossCurves(), initialGradients(), curvature());
    }

    // ---- MeasureQueries.perTrial ----

    /** One trial's row of the per-trial query: its measures over its whole trace, points by step. */
    private Row perTrial(Trial t) {
        Double bestTrainLoss = null;
        Double bestTestLoss = null;
        Double bestTestAccuracy = null;
        Double bestTrainAccuracy = null;
        Double peakDeadFraction = null;
        Double gradientRatio = null;
        double areaSum = 0;
        boolean areaTerms = false;
        long maxStep = 0;
        List<Long> evalSteps = new ArrayList<>();
        for (int i = 0; i < t.points.size(); i++) {
            Point p = t.points.get(i);
            bestTrainLoss = min(bestTrainLoss, finite(p.trainLoss));
            bestTestLoss = min(bestTestLoss, finite(p.testLoss));
            bestTestAccuracy = max(bestTestAccuracy, finite(p.testAccuracy));
            bestTrainAccuracy = max(bestTrainAccuracy, finite(p.trainAccuracy));
            if (p.deadFraction.length > 0) {
                peakDeadFraction = max(peakDeadFraction, sum(p.deadFraction, false) / p.deadFraction.length);
            }
            if (p.step == 0 && p.gradientNorm.length > 1) {
                gradientRatio = max(gradientRatio, divide(p.gradientNorm[0], p.gradientNorm[p.gradientNorm.length - 1]));
            }
            if (i > 0) { // lag over the trial's points by step: the first has no previous point
                Point prev = t.points.get(i - 1);
                Double log = log10(p.trainLoss);
                Double prevLog = log10(prev.trainLoss);
                if (log != null && prevLog != null) {
                    areaSum += (double) (p.step - prev.step) * (log + prevLog) / 2;
                    areaTerms = true;
                }
            }
            maxStep = i == 0 ? p.step : Math.max(maxStep, p.step);
            evalSteps.add(p.step);
        }
        Double area = !areaTerms || t.points.isEmpty() || maxStep == 0 ? null : areaSum / maxStep;
        evalSteps.sort(null);
        Object[] v = {
            seq(t.factors), ((Number) t.row.get("replicate")).intValue(), t.seed("split_seed"), t.seed("order_seed"),
            t.seed("init_seed"), t.number(TrialsTable.GRID_INDEX), t.row.get(TrialsTable.STATUS), t.row.get("message"),
            t.number("steps_run"), t.real("epochs_run"), t.number("epochs"), t.number("max_steps"), t.row.get("dataset"),
            t.number("batch"), seq(evalSteps), seq((List<?>) t.row.get("threshold_step")),
            seq((List<?>) t.row.get("threshold_epoch")), t.row.get("final_train_loss"), t.row.get("final_test_loss"),
            t.row.get("final_train_accuracy"), t.row.get("final_test_accuracy"), bestTrainLoss, bestTestLoss,
            bestTestAccuracy, bestTrainAccuracy, peakDeadFraction, gradientRatio, area, (long) t.points.size()};
        return new GenericRowWithSchema(v, PER_TRIAL);
    }

    // ---- MeasureQueries.lossCurves, curves, layerActivationCurves: quartiles per group and step ----

    private List<Curve> lossCurves() {
        return curves(t -> t.factors, (t, p) -> isFinite(p.trainLoss) ? List.of(p.trainLoss) : List.of());
    }

    /**
     * Per group (key) and step the count and quartiles of the values {@code values} gives each point
     * of each trial, groups in Spark's order of the key (ORDER BY 1, step).
     */
    private List<Curve> curves(Function<Trial, List<String>> key, BiFunction<Trial, Point, List<Double>> values) {
        Map<List<String>, TreeMap<Long, List<Double>>> groups = new HashMap<>();
        for (Trial t : trials) {
            for (Point p : t.points) {
                for (double v : values.apply(t, p)) {
                    groups.computeIfAbsent(key.apply(t), k -> new TreeMap<>()).computeIfAbsent(p.step, s -> new ArrayList<>())
                            .add(v);
                }
            }
        }
        return curvesOf(groups);
    }

    /** Quartiles of each hidden layer's mean activation, keyed by factors, depth and layer (1 = input side) as text. */
    private List<Curve> layerActivationCurves() {
        Map<List<String>, TreeMap<Long, List<Double>>> groups = new HashMap<>();
        for (Trial t : trials) {
            String depth = text(t.row.get("depth"));
            for (Point p : t.points) {
                for (int i = 0; i < p.activationMean.length; i++) {
                    double v = p.activationMean[i];
                    if (isFinite(v)) {
                        List<String> key = new ArrayList<>(t.factors);
                        key.add(depth);
                        key.add(String.valueOf(i + 1));
                        groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(p.step, s -> new ArrayList<>()).add(v);
                    }
                }
            }
        }
        return curvesOf(groups);
    }

    /** Curves from values per group and step, groups in Spark's order of their keys. */
    private static List<Curve> curvesOf(Map<List<String>, TreeMap<Long, List<Double>>> groups) {
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort(LocalStudyData::compareTexts);
        List<Curve> curves = new ArrayList<>();
        for (List<String> k : keys) {
            TreeMap<Long, List<Double>> bySteps = groups.get(k);
            int m = bySteps.size();
            long[] steps = new long[m];
            long[] n = new long[m];
            double[] q1 = new double[m];
            double[] med = new double[m];
            double[] q3 = new double[m];
            int i = 0;
            for (Map.Entry<Long, List<Double>> e : bySteps.entrySet()) {
                double[] q = ExactPercentile.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray(), QUARTILES);
                steps[i] = e.getKey();
                n[i] = e.getValue().size();
                q1[i] = q[0];
                med[i] = q[1];
                q3[i] = q[2];
                i++;
            }
            curves.add(new Curve(List.copyOf(k), steps, n, q1, med, q3));
        }
        return curves;
    }

    // ---- MeasureQueries.initialGradients ----

    /** Median gradient norm of each layer at step 0, per factors and depth; layers in order, n the fewest runs of a layer. */
    private List<LayerGradients> initialGradients() {
        record Key(List<String> factors, long depth) {
        }
        Map<Key, TreeMap<Integer, List<Double>>> groups = new HashMap<>();
        for (Trial t : trials) {
            for (Point p : t.points) {
                if (p.step == 0) {
                    for (int layer = 0; layer < p.gradientNorm.length; layer++) {
                        groups.computeIfAbsent(new Key(t.factors, t.number("depth")), k -> new TreeMap<>())
                                .computeIfAbsent(layer, l -> new ArrayList<>()).add((double) p.gradientNorm[layer]);
                    }
                }
            }
        }
        List<Key> keys = new ArrayList<>(groups.keySet());
        keys.sort(Comparator.<Key, List<String>>comparing(Key::factors, LocalStudyData::compareTexts)
                .thenComparingLong(Key::depth));
        List<LayerGradients> out = new ArrayList<>();
        for (Key k : keys) {
            TreeMap<Integer, List<Double>> layers = groups.get(k);
            double[] norms = new double[layers.size()];
            long n = Long.MAX_VALUE;
            int i = 0;
            for (List<Double> values : layers.values()) {
                norms[i++] = ExactPercentile.of(values.stream().mapToDouble(Double::doubleValue).toArray(), 0.5)[0];
                n = Math.min(n, values.size());
            }
            out.add(new LayerGradients(List.copyOf(k.factors()), k.depth(), n, norms));
        }
        return out;
    }

    // ---- CurvatureData.query ----

    private CurvatureData curvature() {
        List<CurvatureData.LayerCurve> means = CurvatureData.layerCurves(layerActivationCurves());
        List<CurvatureData.TrialMechanism> mechanism = plan.thresholds().isEmpty() ? List.of() : mechanism();
        if (!sharpnessColumn) {
            return CurvatureData.of(List.of(), List.of(), means, List.of(), mechanism);
        }
        // WHERE NOT isnan(p.sharpness): a NULL sharpness passes (isnan(NULL) is false), then v IS NOT NULL drops it
        List<Curve> sharpness = curves(t -> t.factors, (t, p) -> p.sharpness != null && !Double.isNaN(p.sharpness)
                && isFinite(p.sharpness) ? List.of(p.sharpness) : List.of());
        if (sharpness.isEmpty()) {
            return CurvatureData.of(List.of(), List.of(), means, List.of(), mechanism);
        }
        List<Curve> edge = curves(t -> t.factors, (t, p) -> {
            Double e = edgeOfStability(t, p);
            boolean kept = (p.sharpness == null || !Double.isNaN(p.sharpness)) && e != null && isFinite(e);
            return kept ? List.of(e) : List.of();
        });
        return CurvatureData.of(sharpness, edge, means, perTrialCurvature(), mechanism);
    }

    /** {@link MeasureQueries#edgeOfStability}: NULL for an adaptive optimiser (and here for a zero learning rate). */
    private static Double edgeOfStability(Trial t, Point p) {
        Object optimizer = t.row.get("optimizer");
        if (optimizer == null) {
            return null;
        }
        double lr = p.learningRate;
        return switch ((String) optimizer) {
            case "sgd" -> divide(2, lr);
            case "momentum" -> divide(2 * (1 + t.real("momentum")), lr);
            case "nesterov" -> divide(2 + 2 * t.real("momentum"), (1 + 2 * t.real("momentum")) * lr);
            default -> null;
        };
    }

    /** {@link MeasureQueries#perTrialCurvature}: per trial the sharpness of its last point at or before each crossing. */
    private List<CurvatureData.TrialCurvature> perTrialCurvature() {
        List<CurvatureData.TrialCurvature> out = new ArrayList<>();
        for (Trial t : trials) {
            double[] atThreshold = new double[plan.thresholds().size()];
            for (int i = 0; i < atThreshold.length; i++) {
                Object crossing = t.element("threshold_step", i);
                Double value = null;
                long best = Long.MIN_VALUE;
                boolean found = false;
                if (crossing != null) {
                    long c = ((Number) crossing).longValue();
                    for (Point p : t.points) {
                        // the join keeps points whose sharpness is not NaN (NULL included); max_by takes the first of a tie
                        if ((p.sharpness == null || !Double.isNaN(p.sharpness)) && p.step <= c && (!found || p.step > best)) {
                            best = p.step;
                            value = p.sharpness;
                            found = true;
                        }
                    }
                }
                atThreshold[i] = value == null ? Double.NaN : value;
            }
            Object maxSharpness = t.row.get("max_sharpness");
            Object edgeStep = t.row.get("edge_step");
            out.add(new CurvatureData.TrialCurvature(List.copyOf(t.factors), t.pair(),
                    maxSharpness == null ? Double.NaN : ((Number) maxSharpness).doubleValue(),
                    edgeStep == null ? -1 : ((Number) edgeStep).longValue(), atThreshold));
        }
        return out;
    }

    /** {@link MeasureQueries#perTrialMechanism}: per trial, per threshold, its summaries before its cell's first crossing. */
    private List<CurvatureData.TrialMechanism> mechanism() {
        int k = plan.thresholds().size();
        // min(...) OVER (PARTITION BY cell) of the runs that did not fail
        Map<List<String>, Double[]> firstCrossing = new HashMap<>();
        for (Trial t : trials) {
            Double[] crossing = firstCrossing.computeIfAbsent(t.cell, c -> new Double[k]);
            Object status = t.row.get(TrialsTable.STATUS);
            if (status != null && !status.equals("failed")) {
                for (int i = 0; i < k; i++) {
                    Object e = t.element("threshold_epoch", i);
                    if (e != null) {
                        crossing[i] = min(crossing[i], ((Number) e).doubleValue());
                    }
                }
            }
        }
        List<CurvatureData.TrialMechanism> out = new ArrayList<>();
        for (Trial t : trials) {
            Double[] crossing = firstCrossing.get(t.cell);
            double[] first = new double[k];
            double[] sharpnessBefore = new double[k];
            double[] shiftBefore = new double[k];
            long[] sharpnessLast = new long[k];
            long[] shiftLast = new long[k];
            long stepsRun = t.number("steps_run");
            double epochsRun = t.real("epochs_run");
            for (int i = 0; i < k; i++) {
                first[i] = crossing[i] == null ? Double.NaN : crossing[i];
                double sharpSum = 0;
                long sharpCount = 0;
                double shiftSum = 0;
                long shiftCount = 0;
                long sharpEnd = -1;
                long shiftEnd = -1;
                if (crossing[i] != null) {
                    double limit = crossing[i] * (1 - 1e-9); // a relative hair below the crossing, as the query
                    // the points last to first: the order Spark adds them in when it joins the runs to a broadcast
                    // of the points (for a small study), whose hash relation lists a key's rows newest first; sums
                    // in another order may differ in the last bit, and Spark promises none
                    for (int j = t.points.size() - 1; j >= 0; j--) {
                        Point p = t.points.get(j);
                        Double epoch = p.step == 0 ? Double.valueOf(0) : stepsRun == 0 ? null : p.step * epochsRun / stepsRun;
                        if (epoch == null || !less(epoch, limit)) {
                            continue;
                        }
                        Double sharpness = sharpnessColumn && p.sharpness != null ? finite(p.sharpness) : null;
                        Double shift = p.activationMean.length > 0
                                ? finite(sum(p.activationMean, true) / p.activationMean.length) : null;
                        if (sharpness != null) {
                            sharpSum += sharpness;
                            sharpCount++;
                            sharpEnd = Math.max(sharpEnd, p.step);
                        }
                        if (shift != null) {
                            shiftSum += shift;
                            shiftCount++;
                            shiftEnd = Math.max(shiftEnd, p.step);
                        }
                    }
                }
                sharpnessBefore[i] = sharpCount == 0 ? Double.NaN : sharpSum / sharpCount;
                shiftBefore[i] = shiftCount == 0 ? Double.NaN : shiftSum / shiftCount;
                sharpnessLast[i] = sharpEnd;
                shiftLast[i] = shiftEnd;
            }
            out.add(new CurvatureData.TrialMechanism(t.number(TrialsTable.GRID_INDEX), first, sharpnessBefore, shiftBefore,
                    sharpnessLast, shiftLast));
        }
        return out;
    }

    // ---- Spark SQL's semantics of the few operations the queries use ----

    /** A factor's value as text, as {@link Factor#sqlLabel} has Spark write it (concat_ws skips a NULL). */
    static String label(Factor f, Map<String, Object> row) {
        if (f.columns().size() == 1) {
            return text(row.get(f.columns().get(0)));
        }
        StringJoiner j = new StringJoiner("+");
        for (String c : f.columns()) {
            String s = text(row.get(c));
            if (s != null) {
                j.add(s);
            }
        }
        return j.toString();
    }

    /** CAST(v AS STRING): Java's text of a number (1.0E-4, 0.01, 2), a list as [a, b] with null for a NULL element. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            list.forEach(e -> j.add(e == null ? "null" : String.valueOf(e)));
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** Spark's order of strings (by UTF-8 bytes, which is by code points) and of arrays of them (element by element, then length). */
    static int compareTexts(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareText(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareText(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1; // NULL first, as ORDER BY ascending puts it
        }
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    /** NaN and infinities to NULL (MeasureQueries' finite()). */
    private static Double finite(double v) {
        return isFinite(v) ? v : null;
    }

    private static boolean isFinite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** log10 as Spark computes it: StrictMath, and NULL at or below 0. */
    private static Double log10(double v) {
        return v <= 0 ? null : StrictMath.log10(v);
    }

    /** A division of doubles; NULL for a zero divisor (where Spark's ANSI mode fails the query). */
    private static Double divide(double a, double b) {
        return b == 0 ? null : a / b;
    }

    /** aggregate(list, 0D, (a, x) -> a + x), or of abs(x): in list order, in double. */
    private static double sum(float[] values, boolean abs) {
        double a = 0;
        for (float x : values) {
            a += abs ? Math.abs(x) : x;
        }
        return a;
    }

    /** Spark's comparison of doubles: NaN equals NaN and is above every number; -0.0 equals 0.0. */
    private static int compare(double a, double b) {
        return a == b ? 0 : Double.compare(a, b);
    }

    private static boolean less(double a, double b) {
        return compare(a, b) < 0;
    }

    /** min() over values so far (NULL skipped); the first of equal values is kept, as Spark keeps it. */
    private static Double min(Double acc, Double v) {
        return v == null ? acc : acc == null || compare(v, acc) < 0 ? v : acc;
    }

    private static Double max(Double acc, Double v) {
        return v == null ? acc : acc == null || compare(v, acc) > 0 ? v : acc;
    }

    private static scala.collection.Seq<Object> seq(List<?> values) {
        return values == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<Object>(values)).toSeq();
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
