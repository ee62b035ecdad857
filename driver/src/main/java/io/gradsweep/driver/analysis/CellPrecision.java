package io.gradsweep.driver.analysis;

import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How precise each cell's answer is, for adaptive replication: the half-width of the interval the
 * report prints for the primary paired effect, computed by the report's own {@link Analysis} on
 * the cells and arms of the study's {@code analysis:} block (as {@code analyze} without flags).
 *
 * <p>The primary paired effect is the headline's "both reached: difference": arm minus reference
 * in epochs to {@code analysis.threshold}, the Hodges-Lehmann estimate of the paired differences
 * with its exact interval. A pair in which a run never reached the threshold (or stopped before
 * the other got there) gives only a bound, so the cell's effect has an open side: its half-width is
 * infinite, as it is when the pairs are too few for an interval of the study's coverage. With
 * several arms against the reference, a cell's half-width is the widest of its comparisons: it is
 * settled only when every comparison in it is.
 */
public final class CellPrecision {
    private final Study study;
    private final AnalysisPlan plan;

    public CellPrecision(Study study) {
        this.study = study;
        // analyze's defaults: the study's analysis block, the first arm as reference unless declared
        this.plan = AnalysisPlan.resolve(study, null, null, null, null, 1);
    }

    /** The cell of a trial, as the report's cells are keyed. */
    public List<String> cellOf(StudyTrial trial) {
        return Groups.cellOf(trial, plan);
    }

    /** "depth=8, lr=0.1", or "all trials" when the analysis has no cells. */
    public String label(List<String> cell) {
        return Analysis.cellLabel(plan, cell, 0);
    }

    /** A cell's half-width (+infinity: an open bound or too few pairs) and the pairs of its widest comparison. */
    public record Precision(double halfWidth, int pairs) {
    }

    /**
     * Each cell's half-width from the trials committed in {@code folder}, counting only replicates
     * below the cell's {@code replicates} (a later round's trials, committed before a kill, must not
     * change the decision of an earlier one). Cells absent from {@code replicates} are not computed.
     *
     * @return per cell, the half-width in epochs; +infinity for an open bound or too few pairs
     */
    public Map<List<String>, Double> halfWidths(SparkSession spark, OutputFolder folder,
            Map<List<String>, Integer> replicates, PrintStream log) throws IOException {
        Map<List<String>, Double> out = new LinkedHashMap<>();
        precision(spark, folder, replicates::get, log).forEach((cell, p) -> {
            if (replicates.containsKey(cell)) {
                out.put(cell, p.halfWidth());
            }
        });
        replicates.keySet().forEach(c -> out.putIfAbsent(c, Double.POSITIVE_INFINITY));
        return out;
    }

    /**
     * Every cell's precision from the trials committed in {@code folder}, of the replicates below
     * {@code replicates.apply(cell)} (null: all of them); empty when the folder holds no trial yet.
     */
    public Map<List<String>, Precision> precision(SparkSession spark, OutputFolder folder,
            java.util.function.Function<List<String>, Integer> replicates, PrintStream log) throws IOException {
        Map<List<String>, Precision> out = new LinkedHashMap<>();
        if (!StudyTables.register(spark, folder, study.hash(), log)) {
            return out;
        }
        StudyData data = StudyData.trialsOnly(spark, plan, t -> {
            Integer n = replicates.apply(t.cell());
            return n == null || t.replicate < n;
        });
        for (TimeComparison c : Analysis.of(study, plan, data).headlineComparisons) {
            Precision p = new Precision(halfWidth(c), c.pairs);
            out.merge(c.cell, p, (a, b) -> b.halfWidth() > a.halfWidth() ? b : a);
        }
        return out;
    }

    /** Half the width of the "both reached" interval; infinite when a pair lacks a difference or there is no interval. */
    static double halfWidth(TimeComparison c) {
        if (c.pairs == 0 || c.bothReached.n() < c.pairs || !c.bothReached.attainable()) {
            return Double.POSITIVE_INFINITY;
        }
        return (c.bothReached.interval().upper() - c.bothReached.interval().lower()) / 2;
    }
}
