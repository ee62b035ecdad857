package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the curvature part of the report takes from Spark: per group and step the quartiles of
 * sharpness, of the edge of stability and of the mean activation (averaged over hidden layers: the
 * bias shift), and per trial the time to the edge and the sharpness at the primary threshold's
 * crossing. Empty when the traces have no sharpness column (studies run before it existed) or no
 * trial measured it; the bias-shift curves are there either way.
 */
final class CurvatureData {
    /**
     * One trial's curvature numbers; NaN where not measured, edgeStep -1 when never reached. Its
     * pair key is the headline's: the effective seeds, so a crossed seed design pairs as it does there.
     */
    record TrialCurvature(List<String> factors, PairKey pair, double maxSharpness, long edgeStep,
                          double[] sharpnessAtThreshold) {
    }

    final List<Curve> sharpness;
    final List<Curve> edge;
    final List<Curve> activationMean;
    final List<TrialCurvature> trials;

    private CurvatureData(List<Curve> sharpness, List<Curve> edge, List<Curve> activationMean,
                          List<TrialCurvature> trials) {
        this.sharpness = sharpness;
        this.edge = edge;
        this.activationMean = activationMean;
        this.trials = trials;
    }

    static CurvatureData query(SparkSession spark, AnalysisPlan plan) {
        List<Curve> means = StudyData.curves(spark, MeasureQueries.curves(plan,
                "aggregate(p.activation_mean, 0D, (acc, x) -> acc + x) / size(p.activation_mean)",
                "size(p.activation_mean) > 0"));
        if (!Arrays.asList(spark.table("traces").columns()).contains("sharpness")) {
            return new CurvatureData(List.of(), List.of(), means, List.of());
        }
        List<Curve> sharpness = StudyData.curves(spark, MeasureQueries.curves(plan, "p.sharpness", "NOT isnan(p.sharpness)"));
        if (sharpness.isEmpty()) {
            return new CurvatureData(List.of(), List.of(), means, List.of());
        }
        List<Curve> edge = StudyData.curves(spark, MeasureQueries.curves(plan, MeasureQueries.edgeOfStability(),
                "NOT isnan(p.sharpness) AND " + MeasureQueries.edgeOfStability() + " IS NOT NULL"));
        List<TrialCurvature> trials = new ArrayList<>();
        for (Row r : spark.sql(MeasureQueries.perTrialCurvature(plan)).collectAsList()) {
            List<Object> at = r.getList(7);
            double[] atThreshold = new double[at.size()];
            for (int i = 0; i < atThreshold.length; i++) {
                atThreshold[i] = at.get(i) == null ? Double.NaN : ((Number) at.get(i)).doubleValue();
            }
            PairKey pair = PairKey.of(((Number) r.get(1)).intValue(), r.getLong(2), r.getLong(3), r.getLong(4));
            trials.add(new TrialCurvature(List.copyOf(r.<String>getList(0)), pair,
                    r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.isNullAt(6) ? -1 : r.getLong(6), atThreshold));
        }
        return new CurvatureData(sharpness, edge, means, trials);
    }
}
