package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the analysis takes from Spark: one record per trial (a few numbers each), and the
 * per-group loss curves and initial gradient norms, which Spark reduces from the traces.
 */
final class StudyData {
    final List<TrialRecord> trials;
    final List<Curve> curves;
    final List<LayerGradients> gradients;
    /** Sharpness and bias-shift curves and per-trial curvature numbers (see {@link CurvatureData}). */
    final CurvatureData curvature;
    /**
     * The trials in the tables; more than {@code trials} holds when the runs stayed on the executors
     * ({@link CellTasks}): then the per-trial parts (trials, curvature's per-trial records) are empty.
     */
    final long trialCount;

    private StudyData(List<TrialRecord> trials, List<Curve> curves, List<LayerGradients> gradients,
                      CurvatureData curvature) {
        this(trials, curves, gradients, curvature, trials.size());
    }

    private StudyData(List<TrialRecord> trials, List<Curve> curves, List<LayerGradients> gradients,
                      CurvatureData curvature, long trialCount) {
        this.trials = trials;
        this.curves = curves;
        this.gradients = gradients;
        this.curvature = curvature;
        this.trialCount = trialCount;
    }

    /** True when the runs were not brought to the driver: the cells were computed on the executors. */
    boolean runsOnExecutors() {
        return trials.size() < trialCount;
    }

    static StudyData query(SparkSession spark, AnalysisPlan plan) {
        List<TrialRecord> trials = new ArrayList<>();
        // a few numbers per trial: the one per-trial result that reaches the driver (the paired
        // tests and Kaplan-Meier curves need every run's value); the traces stay on the executors
        for (Row row : spark.sql(MeasureQueries.perTrial(plan)).collectAsList()) {
            trials.add(TrialRecord.of(row));
        }
        trials.sort(Comparator.comparingLong(t -> t.gridIndex));
        return new StudyData(withKnownStepsPerEpoch(trials), curves(spark, plan), gradients(spark, plan),
                CurvatureData.query(spark, plan, true));
    }

    /**
     * The per-group parts only (loss curves, initial gradients, the curvature and bias-shift curves),
     * for a study of {@code trialCount} trials whose runs stay on the executors.
     */
    static StudyData perGroupOnly(SparkSession spark, AnalysisPlan plan, long trialCount) {
        return new StudyData(List.of(), curves(spark, plan), gradients(spark, plan),
                CurvatureData.query(spark, plan, false), trialCount);
    }

    /**
     * The same parts computed without Spark ({@link LocalStudyData}): the trials put in grid index
     * order and given their batch partners' steps per epoch, as {@link #query} does.
     */
    static StudyData of(List<TrialRecord> trials, List<Curve> curves, List<LayerGradients> gradients,
                        CurvatureData curvature) {
        List<TrialRecord> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingLong(t -> t.gridIndex));
        return new StudyData(withKnownStepsPerEpoch(sorted), curves, gradients, curvature);
    }

    /**
     * Only the per-trial records, of the trials {@code keep} accepts: what the headline comparisons
     * need, for a round of adaptive replication. Curves, gradients and curvature are not queried
     * (empty; curvature null), so such data makes an {@link Analysis}, never a report.
     */
    static StudyData trialsOnly(SparkSession spark, AnalysisPlan plan, java.util.function.Predicate<TrialRecord> keep) {
        List<TrialRecord> trials = new ArrayList<>();
        for (Row row : spark.sql(MeasureQueries.perTrial(plan)).collectAsList()) {
            TrialRecord t = TrialRecord.of(row);
            if (keep.test(t)) {
                trials.add(t);
            }
        }
        trials.sort(Comparator.comparingLong(t -> t.gridIndex));
        return new StudyData(withKnownStepsPerEpoch(trials), List.of(), List.of(), null);
    }

    /** Runs that took no step get the steps per epoch of a run with the same data set and batch size. */
    static List<TrialRecord> withKnownStepsPerEpoch(List<TrialRecord> trials) {
        Map<String, Double> known = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            if (t.stepsPerEpoch > 0) {
                known.putIfAbsent(t.batchKey, t.stepsPerEpoch);
            }
        }
        List<TrialRecord> out = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            out.add(t.stepsPerEpoch > 0 || !known.containsKey(t.batchKey) ? t : t.withStepsPerEpoch(known.get(t.batchKey)));
        }
        return out;
    }

    private static List<Curve> curves(SparkSession spark, AnalysisPlan plan) {
        return curves(spark, MeasureQueries.lossCurves(plan, "train_loss"));
    }

    /** Per group, quartiles of a measure against step: {@code sql} selects factors, step, n, [q1, median, q3]. */
    static List<Curve> curves(SparkSession spark, String sql) {
        Map<List<String>, List<Row>> byGroup = new LinkedHashMap<>();
        for (Row r : spark.sql(sql + " ORDER BY 1, step").collectAsList()) {
            byGroup.computeIfAbsent(List.copyOf(r.<String>getList(0)), k -> new ArrayList<>()).add(r);
        }
        List<Curve> curves = new ArrayList<>();
        byGroup.forEach((factors, rows) -> {
            int m = rows.size();
            long[] steps = new long[m];
            long[] n = new long[m];
            double[] q1 = new double[m];
            double[] med = new double[m];
            double[] q3 = new double[m];
            for (int i = 0; i < m; i++) {
                Row r = rows.get(i);
                steps[i] = r.getLong(1);
                n[i] = r.getLong(2);
                List<Object> q = r.getList(3);
                q1[i] = ((Number) q.get(0)).doubleValue();
                med[i] = ((Number) q.get(1)).doubleValue();
                q3[i] = ((Number) q.get(2)).doubleValue();
            }
            curves.add(new Curve(List.copyOf(factors), steps, n, q1, med, q3));
        });
        return curves;
    }

    private static List<LayerGradients> gradients(SparkSession spark, AnalysisPlan plan) {
        Map<List<Object>, List<Row>> byGroup = new LinkedHashMap<>();
        for (Row r : spark.sql(MeasureQueries.initialGradients(plan) + " ORDER BY 1, depth, layer").collectAsList()) {
            byGroup.computeIfAbsent(List.of(List.copyOf(r.<String>getList(0)), r.getLong(1)), k -> new ArrayList<>()).add(r);
        }
        List<LayerGradients> out = new ArrayList<>();
        byGroup.forEach((key, rows) -> {
            double[] norms = new double[rows.size()];
            long n = Long.MAX_VALUE;
            for (int i = 0; i < norms.length; i++) {
                norms[i] = ((Number) rows.get(i).get(4)).doubleValue();
                n = Math.min(n, rows.get(i).getLong(3));
            }
            @SuppressWarnings("unchecked")
            List<String> factors = List.copyOf((List<String>) key.get(0));
            out.add(new LayerGradients(factors, (Long) key.get(1), n, norms));
        });
        return out;
    }
}
