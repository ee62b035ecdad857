package io.gradsweep.driver.cli;

import io.gradsweep.driver.analysis.CellPrecision;
import io.gradsweep.driver.analysis.StudyTables;
import io.gradsweep.driver.sweep.AdaptiveRounds;
import io.gradsweep.driver.sweep.HadoopSettings;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.SparkSessions;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.study.ReplicationRule;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyException;
import io.gradsweep.worker.study.StudyTrial;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code plan STUDY --pilot DIR}: from the trials a pilot folder holds, each cell's half-width now
 * and the replicates the adaptive rule is likely to give it ({@link AdaptiveRounds#likelyNeeded}),
 * with the trials that would make. The pilot's study must analyse the same cells at the same
 * threshold; its own replicates may be fixed.
 */
final class PilotEstimate {
    private PilotEstimate() {
    }

    static void print(PrintStream out, Study study, String dir) {
        ReplicationRule rule = study.replicationRule().orElseThrow(() -> new UsageException("--pilot " + dir + ": "
                + study.source() + " has a fixed number of replicates; a pilot estimates an adaptive rule's"
                + " (replicates: {min, max, step, half_width})"));
        OutputFolder folder = OutputFolder.at(dir, HadoopSettings.fromSystemProperties());
        Study pilot;
        try {
            Manifest m = folder.manifest().orElseThrow(() -> new UsageException("--pilot " + dir + ": holds no "
                    + OutputFolder.MANIFEST + ": not an output folder of a run"));
            pilot = Study.parse(m.studyText(), dir + "/" + OutputFolder.MANIFEST);
        } catch (OutputFolder.NotOurs | StudyException e) {
            throw new UsageException("--pilot " + dir + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--pilot " + dir + ": cannot read it: " + e.getMessage());
        }
        if (!pilot.analysis().threshold().equals(study.analysis().threshold())
                || !grid(pilot).equals(grid(study))) {
            throw new UsageException("--pilot " + dir + ": its study ('" + pilot.name() + "') has another grid or"
                    + " analysis.threshold than " + study.source() + "; a pilot must analyse the same cells at the same threshold");
        }
        CellPrecision cells = new CellPrecision(study);
        Map<List<String>, Long> pointsAtMax = new LinkedHashMap<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext(); ) {
            pointsAtMax.merge(cells.cellOf(it.next()), 1L, Long::sum);
        }
        Map<List<String>, CellPrecision.Precision> now;
        SparkSession spark = SparkSessions.start(null, "gradsweep plan --pilot", Map.of());
        try {
            StudyTables.fewShufflePartitions(spark);
            now = new CellPrecision(pilot).precision(spark, folder, cell -> null, out);
        } catch (IOException e) {
            throw new UsageException("--pilot " + dir + ": cannot read its tables: " + e.getMessage());
        } finally {
            spark.stop();
        }
        out.printf(Locale.ROOT, "pilot       %s: per cell, the pairs there, the half-width of the primary paired effect's"
                + " interval (epochs) and the replicates likely needed for %s: n x (half-width / target)^2, a"
                + " normal-approximation estimate, rounded up to a round, at most %d%n", dir,
                num(rule.halfWidth()), rule.max());
        long likely = 0;
        for (Map.Entry<List<String>, Long> e : pointsAtMax.entrySet()) {
            CellPrecision.Precision p = now.get(e.getKey());
            int pairs = p == null ? 0 : p.pairs();
            double hw = p == null ? Double.NaN : p.halfWidth();
            int needed = AdaptiveRounds.likelyNeeded(rule, pairs, hw);
            likely += e.getValue() * needed / rule.max();
            out.printf(Locale.ROOT, "            %s: %d pairs, half-width %s -> %d replicates%s%n", cells.label(e.getKey()),
                    pairs, Double.isFinite(hw) ? num(hw) : "open", needed,
                    Double.isFinite(hw) ? "" : " (the maximum: no run of a pair may be censored, and the pairs must be"
                            + " enough for an interval)");
        }
        out.printf(Locale.ROOT, "            likely %,d trials of at most %,d%n", likely, study.trialCount());
    }

    /** The grid's dimensions as names and canonical values: what makes two studies' cells the same. */
    private static List<List<Object>> grid(Study s) {
        return s.dimensions().stream().map(d -> List.<Object>of(d.name(), d.canonicalValues())).toList();
    }

    /** Three significant digits at most, no trailing zeros: 0, 0.25, 0.412. */
    private static String num(double x) {
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
