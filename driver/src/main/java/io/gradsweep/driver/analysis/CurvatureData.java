package io.gradsweep.driver.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the curvature part of the report takes from Spark: per group and step the quartiles of
 * sharpness, of the edge of stability and of each hidden layer's mean activation (the bias shift),
 * per trial the time to the edge and the sharpness at the primary threshold's crossing, and per
 * trial the sharpness and bias-shift summaries the mechanism table correlates with the time to a
 * threshold. The sharpness parts are empty when the traces have no sharpness column (studies run
 * before it existed) or no trial measured it; the bias-shift parts are there either way.
 */
final class CurvatureData {
    /**
     * One trial's curvature numbers; NaN where not measured, edgeStep -1 when never reached. Its
     * pair key is the headline's: the effective seeds, so a crossed seed design pairs as it does there.
     */
    record TrialCurvature(List<String> factors, PairKey pair, double maxSharpness, long edgeStep,
                          double[] sharpnessAtThreshold) {
    }

    /** One hidden layer's mean-activation quartiles in a group (the curve's factors) of runs of one depth. */
    record LayerCurve(Curve curve, long depth, int layer) {
    }

    /**
     * One trial's mechanism summaries, per study threshold (see
     * {@link MeasureQueries#perTrialMechanism}), and the last step each summarises: NaN and -1
     * where there is none (no point before the crossing, nothing measured, or no run of the cell crossed).
     */
    record TrialMechanism(long gridIndex, double[] firstCrossingEpoch, double[] sharpnessBefore, double[] shiftBefore,
                          long[] sharpnessLastStep, long[] shiftLastStep) {
    }

    final List<Curve> sharpness;
    final List<Curve> edge;
    final List<LayerCurve> layerMeans;
    final List<TrialCurvature> trials;
    final List<TrialMechanism> mechanism;

    private CurvatureData(List<Curve> sharpness, List<Curve> edge, List<LayerCurve> layerMeans,
                          List<TrialCurvature> trials, List<TrialMechanism> mechanism) {
        this.sharpness = sharpness;
        this.edge = edge;
        this.layerMeans = layerMeans;
        this.trials = trials;
        this.mechanism = mechanism;
    }

    /** {@code perTrial} false: the curves only (the per-trial records stay empty, as they stay on the executors). */
    static CurvatureData query(SparkSession spark, AnalysisPlan plan, boolean perTrial) {
        List<LayerCurve> means = layerCurves(spark, plan);
        boolean measured = Arrays.asList(spark.table("traces").columns()).contains("sharpness");
        List<TrialMechanism> mechanism = plan.thresholds().isEmpty() || !perTrial ? List.of() : mechanism(spark, plan, measured);
        if (!measured) {
            return new CurvatureData(List.of(), List.of(), means, List.of(), mechanism);
        }
        List<Curve> sharpness = StudyData.curves(spark, MeasureQueries.curves(plan, "p.sharpness", "NOT isnan(p.sharpness)"));
        if (sharpness.isEmpty()) {
            return new CurvatureData(List.of(), List.of(), means, List.of(), mechanism);
        }
        List<Curve> edge = StudyData.curves(spark, MeasureQueries.curves(plan, MeasureQueries.edgeOfStability(),
                "NOT isnan(p.sharpness) AND " + MeasureQueries.edgeOfStability() + " IS NOT NULL"));
        List<TrialCurvature> trials = new ArrayList<>();
        for (Row r : perTrial ? spark.sql(MeasureQueries.perTrialCurvature(plan)).collectAsList() : List.<Row>of()) {
            double[] atThreshold = doubles(r.getList(7));
            PairKey pair = PairKey.of(((Number) r.get(1)).intValue(), r.getLong(2), r.getLong(3), r.getLong(4));
            trials.add(new TrialCurvature(List.copyOf(r.<String>getList(0)), pair,
                    r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.isNullAt(6) ? -1 : r.getLong(6), atThreshold));
        }
        return new CurvatureData(sharpness, edge, means, trials, mechanism);
    }

    /** The parts, computed elsewhere: by {@link LocalStudyData} without Spark. */
    static CurvatureData of(List<Curve> sharpness, List<Curve> edge, List<LayerCurve> layerMeans,
                            List<TrialCurvature> trials, List<TrialMechanism> mechanism) {
        return new CurvatureData(sharpness, edge, layerMeans, trials, mechanism);
    }

    private static List<LayerCurve> layerCurves(SparkSession spark, AnalysisPlan plan) {
        return layerCurves(StudyData.curves(spark, MeasureQueries.layerActivationCurves(plan)));
    }

    /** The curves of {@link MeasureQueries#layerActivationCurves}, whose keys end in the depth and the layer, per layer. */
    static List<LayerCurve> layerCurves(List<Curve> keyed) {
        List<LayerCurve> out = new ArrayList<>();
        for (Curve c : keyed) {
            List<String> key = c.factors();
            int k = key.size();
            Curve group = new Curve(List.copyOf(key.subList(0, k - 2)), c.steps(), c.n(), c.q1(), c.median(), c.q3());
            out.add(new LayerCurve(group, Long.parseLong(key.get(k - 2)), Integer.parseInt(key.get(k - 1))));
        }
        return out;
    }

    private static List<TrialMechanism> mechanism(SparkSession spark, AnalysisPlan plan, boolean sharpness) {
        List<TrialMechanism> out = new ArrayList<>();
        for (Row r : spark.sql(MeasureQueries.perTrialMechanism(plan, sharpness)).collectAsList()) {
            out.add(new TrialMechanism(r.getLong(0), doubles(r.getList(1)), doubles(r.getList(2)), doubles(r.getList(3)),
                    steps(r.getList(4)), steps(r.getList(5))));
        }
        return out;
    }

    /** A list of nullable steps, null as -1. */
    private static long[] steps(List<Object> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i) == null ? -1 : ((Number) values.get(i)).longValue();
        }
        return out;
    }

    /** A list of nullable numbers as doubles, null as NaN. */
    private static double[] doubles(List<Object> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i) == null ? Double.NaN : ((Number) values.get(i)).doubleValue();
        }
        return out;
    }
}
