package io.gradsweep.driver.analysis;

import java.util.List;
import java.util.StringJoiner;

/**
 * The Spark SQL that turns the {@code trials} and {@code traces} views into per-trial convergence
 * measures and per-group curves. The heavy scans over traces run on the executors; each query's
 * result is one row per trial or per group and step.
 */
final class MeasureQueries {
    /** A trial's value of each factor, as text: the compare factor first, then the --by factors. */
    static final String FACTORS = "factors";

    private MeasureQueries() {
    }

    private static String factorArray(AnalysisPlan plan) {
        StringJoiner j = new StringJoiner(", ", "array(", ") AS " + FACTORS);
        j.add(plan.compare().sqlLabel());
        for (Factor f : plan.by()) {
            j.add(f.sqlLabel());
        }
        return j.toString();
    }

    /** NaN and infinities to NULL, so SQL aggregates skip them (Spark sorts NaN above every number). */
    private static String finite(String column) {
        return "CASE WHEN isnan(" + column + ") OR abs(" + column + ") = double('Infinity') THEN NULL ELSE " + column + " END";
    }

    /**
     * One row per trial: its factors, replicate, status, threshold crossings and the measures that
     * need its whole trace. The area under the log10 train-loss curve is the trapezoid integral
     * over steps divided by the steps recorded: the mean log10 loss of the run (lower = faster).
     */
    static String perTrial(AnalysisPlan plan) {
        return """
                WITH points AS (
                  SELECT trial_key, step, train_loss, test_loss, train_accuracy, test_accuracy, gradient_norm, dead_fraction,
                         log10(train_loss) AS log_loss,
                         lag(step) OVER w AS prev_step, lag(log10(train_loss)) OVER w AS prev_log_loss
                  FROM traces
                  WINDOW w AS (PARTITION BY trial_key ORDER BY step)
                ),
                per_trial AS (
                  SELECT trial_key,
                         min(%s) AS best_train_loss,
                         min(%s) AS best_test_loss,
                         max(%s) AS best_test_accuracy,
                         max(%s) AS best_train_accuracy,
                         max(CASE WHEN size(dead_fraction) > 0
                             THEN aggregate(dead_fraction, 0D, (a, x) -> a + x) / size(dead_fraction) END) AS peak_dead_fraction,
                         max(CASE WHEN step = 0 AND size(gradient_norm) > 1
                             THEN double(element_at(gradient_norm, 1)) / double(element_at(gradient_norm, -1)) END) AS gradient_ratio_init,
                         sum((step - prev_step) * (log_loss + prev_log_loss) / 2) / nullif(max(step), 0) AS log_loss_area,
                         count(*) AS points,
                         array_sort(collect_list(step)) AS eval_steps
                  FROM points
                  GROUP BY trial_key
                )
                SELECT %s, t.replicate, t.split_seed, t.order_seed, t.init_seed, t.grid_index, t.status, t.message, t.steps_run, t.epochs_run, t.epochs, t.max_steps,
                       t.dataset, t.batch, coalesce(p.eval_steps, CAST(array() AS ARRAY<BIGINT>)) AS eval_steps, t.threshold_step, t.threshold_epoch,
                       t.final_train_loss, t.final_test_loss, t.final_train_accuracy, t.final_test_accuracy,
                       p.best_train_loss, p.best_test_loss, p.best_test_accuracy, p.best_train_accuracy,
                       p.peak_dead_fraction, p.gradient_ratio_init, p.log_loss_area, coalesce(p.points, 0) AS points
                FROM trials t LEFT JOIN per_trial p ON t.trial_key = p.trial_key
                """.formatted(finite("train_loss"), finite("test_loss"), finite("test_accuracy"), finite("train_accuracy"),
                        factorArray(plan));
    }

    /**
     * Train loss quartiles per (factors, step), over the trials that reached that step with a
     * finite loss (a diverged trial's trace ends where it diverged; the count says how many are left).
     */
    static String lossCurves(AnalysisPlan plan, String lossColumn) {
        return """
                SELECT %s, p.step, count(*) AS n,
                       percentile(p.%s, array(0.25, 0.5, 0.75)) AS q
                FROM traces p JOIN trials t ON p.trial_key = t.trial_key
                WHERE NOT isnan(p.%s) AND abs(p.%s) != double('Infinity')
                GROUP BY 1, p.step
                """.formatted(factorArray(plan), lossColumn, lossColumn, lossColumn);
    }

    /**
     * Quartiles per (factors, step) of any per-point expression over the trace rows where
     * {@code where} holds and the value is finite: the curvature curves.
     */
    static String curves(AnalysisPlan plan, String expression, String where) {
        return """
                SELECT %s, step, count(*) AS n, percentile(v, array(0.25, 0.5, 0.75)) AS q
                FROM (SELECT %s, p.step, %s AS v
                      FROM traces p JOIN trials t ON p.trial_key = t.trial_key
                      WHERE %s)
                WHERE v IS NOT NULL AND NOT isnan(v) AND abs(v) != double('Infinity')
                GROUP BY %s, step
                """.formatted(FACTORS, factorArray(plan), expression, where, FACTORS);
    }

    /**
     * The edge of stability at a trace point, as io.gradsweep.core.curvature.EdgeOfStability
     * defines it; NULL for adaptive optimisers.
     */
    static String edgeOfStability() {
        return "CASE t.optimizer WHEN 'sgd' THEN 2 / p.learning_rate"
                + " WHEN 'momentum' THEN 2 * (1 + t.momentum) / p.learning_rate"
                + " WHEN 'nesterov' THEN (2 + 2 * t.momentum) / ((1 + 2 * t.momentum) * p.learning_rate) END";
    }

    /**
     * Per trial: factors, replicate, max_sharpness, edge_step and, for each of the study's
     * thresholds, the sharpness of the last measured point at or before its crossing (NULL when
     * never crossed).
     */
    static String perTrialCurvature(AnalysisPlan plan) {
        StringJoiner atCrossing = new StringJoiner(", ");
        for (int i = 0; i < plan.thresholds().size(); i++) {
            String crossing = "element_at(t.threshold_step, " + (i + 1) + ")";
            atCrossing.add("max_by(CASE WHEN p.step <= " + crossing + " THEN p.sharpness END, CASE WHEN p.step <= "
                    + crossing + " THEN p.step END)");
        }
        return """
                SELECT %s, t.replicate, t.split_seed, t.order_seed, t.init_seed, t.max_sharpness, t.edge_step,
                       array(%s) AS sharpness_at_threshold
                FROM trials t LEFT JOIN traces p ON p.trial_key = t.trial_key AND NOT isnan(p.sharpness)
                GROUP BY t.trial_key, 1, t.replicate, t.split_seed, t.order_seed, t.init_seed, t.max_sharpness, t.edge_step
                """.formatted(factorArray(plan), atCrossing);
    }

    /**
     * Quartiles of each hidden layer's mean activation per (factors, depth, layer, step): the
     * per-layer bias shift. The group key is the factors followed by the depth and the layer
     * (1 = input side) as text, so {@link StudyData#curves} reads it as any other curve.
     */
    static String layerActivationCurves(AnalysisPlan plan) {
        return """
                SELECT concat(%s, array(CAST(depth AS STRING), CAST(layer AS STRING))) AS group_key, step, count(*) AS n,
                       percentile(v, array(0.25, 0.5, 0.75)) AS q
                FROM (SELECT %s, t.depth, m.pos + 1 AS layer, p.step, double(m.v) AS v
                      FROM traces p JOIN trials t ON p.trial_key = t.trial_key
                      LATERAL VIEW posexplode(p.activation_mean) m AS pos, v)
                WHERE NOT isnan(v) AND abs(v) != double('Infinity')
                GROUP BY %s, depth, layer, step
                """.formatted(FACTORS, factorArray(plan), FACTORS);
    }

    /**
     * Per trial: its grid index (unique in the study, so each run is matched to its own summaries
     * even where runs of a group share seeds) and, for each of the study's thresholds, what the
     * mechanism table correlates with the time to it, over the run's points before the cell's
     * first crossing of that threshold (the earliest threshold_epoch of the cell's runs that did
     * not fail; cell = the --by factors): that crossing epoch, the mean of the run's measured
     * sharpness, the mean over the points of the mean over hidden layers of |activation mean|, and
     * the last step each of the two summarises. "Before" is by epoch, so the window is the same time for every
     * run of a cell whatever its batch size; non-finite values (a diverging run's last points) are
     * skipped. {@code sharpness} false: the traces have no sharpness column (NULL sharpness).
     */
    static String perTrialMechanism(AnalysisPlan plan, boolean sharpness) {
        StringJoiner cell = new StringJoiner(", ");
        plan.by().forEach(f -> cell.add(f.sqlLabel()));
        String window = cell.length() == 0 ? "()" : "(PARTITION BY " + cell + ")";
        StringJoiner crossing = new StringJoiner(", ");
        StringJoiner sharp = new StringJoiner(", ");
        StringJoiner shift = new StringJoiner(", ");
        StringJoiner sharpEnd = new StringJoiner(", ");
        StringJoiner shiftEnd = new StringJoiner(", ");
        for (int i = 1; i <= plan.thresholds().size(); i++) {
            crossing.add("min(CASE WHEN t.status <> 'failed' THEN element_at(t.threshold_epoch, " + i + ") END) OVER " + window);
            // a relative hair below the crossing: a point's epoch is recomputed here, the crossing's was stored
            String before = "pt.epoch < element_at(r.first_crossing, " + i + ") * (1 - 1e-9)";
            sharp.add("avg(CASE WHEN " + before + " THEN pt.sharpness END)");
            shift.add("avg(CASE WHEN " + before + " THEN pt.shift END)");
            sharpEnd.add("max(CASE WHEN " + before + " AND pt.sharpness IS NOT NULL THEN pt.step END)");
            shiftEnd.add("max(CASE WHEN " + before + " AND pt.shift IS NOT NULL THEN pt.step END)");
        }
        return """
                WITH runs AS (
                  SELECT t.trial_key, t.grid_index, t.steps_run, t.epochs_run, array(%s) AS first_crossing
                  FROM trials t
                ),
                points AS (
                  SELECT p.trial_key, p.step,
                         CASE WHEN p.step = 0 THEN 0D ELSE p.step * r.epochs_run / nullif(r.steps_run, 0) END AS epoch,
                         %s AS sharpness,
                         %s AS shift
                  FROM traces p JOIN runs r ON p.trial_key = r.trial_key
                )
                SELECT r.grid_index, r.first_crossing,
                       array(%s) AS sharpness_before, array(%s) AS shift_before,
                       array(%s) AS sharpness_last_step, array(%s) AS shift_last_step
                FROM runs r LEFT JOIN points pt ON pt.trial_key = r.trial_key
                GROUP BY r.trial_key, r.grid_index, r.first_crossing
                """.formatted(crossing, sharpness ? finite("p.sharpness") : "CAST(NULL AS DOUBLE)",
                        finite("CASE WHEN size(p.activation_mean) > 0 THEN aggregate(p.activation_mean, 0D, (a, x) -> a + abs(x))"
                                + " / size(p.activation_mean) END"), sharp, shift, sharpEnd, shiftEnd);
    }

    /** Median gradient norm of each layer at initialisation (step 0), per (factors, depth, layer). */
    static String initialGradients(AnalysisPlan plan) {
        return """
                SELECT %s, t.depth, g.layer, count(*) AS n, percentile(g.norm, 0.5) AS median_norm
                FROM traces p JOIN trials t ON p.trial_key = t.trial_key
                LATERAL VIEW posexplode(p.gradient_norm) g AS layer, norm
                WHERE p.step = 0
                GROUP BY 1, t.depth, g.layer
                """.formatted(factorArray(plan));
    }

    static List<String> factorNames(AnalysisPlan plan) {
        List<String> names = new java.util.ArrayList<>();
        names.add(plan.compare().name());
        plan.by().forEach(f -> names.add(f.name()));
        return names;
    }
}
