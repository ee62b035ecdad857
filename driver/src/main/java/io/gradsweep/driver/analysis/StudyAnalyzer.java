package io.gradsweep.driver.analysis;

import io.gradsweep.core.CodeVersion;
import io.gradsweep.driver.report.CsvTable;
import io.gradsweep.driver.report.HtmlReport;
import io.gradsweep.driver.report.MarkdownReport;
import io.gradsweep.driver.report.Report;
import io.gradsweep.driver.report.ReportFigure;
import io.gradsweep.driver.report.ReportFolder;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.SparkSessions;
import io.gradsweep.worker.study.Study;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * {@code analyze}'s pipeline: query the study's tables on Spark, compute the statistics on the
 * driver, and write the report (HTML, Markdown, CSV tables, PNG and SVG plots).
 */
public final class StudyAnalyzer {
    /** Where each part of the report went. */
    public record Result(Path html, Path markdown, Path tables, int trials) {
    }

    private final Study study;
    private final OutputFolder folder;
    private final AnalysisPlan plan;
    private final String master;
    private final Map<String, String> sparkSettings;
    private final PrintStream log;
    private boolean logLoss = true;
    private long driverTrials = CellTasks.DRIVER_TRIALS;
    private boolean readSmallLocalWithoutSpark;

    public StudyAnalyzer(Study study, OutputFolder folder, AnalysisPlan plan, String master,
            Map<String, String> sparkSettings, PrintStream log) {
        this.study = study;
        this.folder = folder;
        this.plan = plan;
        this.master = master;
        this.sparkSettings = sparkSettings;
        this.log = log;
    }

    /**
     * Reads a small study in a local folder without Spark (see {@link LocalStudyData#readSmallLocal}); without
     * this call, or for any other study, the tables are read with Spark.
     */
    public StudyAnalyzer readSmallLocalStudiesWithoutSpark() {
        readSmallLocalWithoutSpark = true;
        return this;
    }

    /** Draws loss on a linear axis instead of the default log axis. */
    public StudyAnalyzer linearLoss() {
        logLoss = false;
        return this;
    }

    /** Computes each cell in a Spark task whatever the study's size (by default only above {@link CellTasks#DRIVER_TRIALS}). */
    public StudyAnalyzer cellsOnExecutors() {
        driverTrials = -1;
        return this;
    }

    public Result writeReport(Path dir) throws IOException {
        Manifest manifest = folder.manifest().orElseThrow();
        ReportFolder.prepare(dir);
        // an adaptive study's cells plan the replicates its rounds gave them (by the run's cell labels)
        Map<String, Integer> rounds = manifest.rounds().isEmpty() ? Map.of()
                : manifest.rounds().get(manifest.rounds().size() - 1).cells().stream().collect(
                        java.util.stream.Collectors.toMap(c -> c.cell(), c -> c.replicates()));
        Analysis analysis = analyse(cell -> rounds.get(Analysis.cellLabel(plan, cell, 0)));
        StudyData data = analysis.data;
        ReportTables tables = new ReportTables(analysis);
        ReportPlots plots = new ReportPlots(analysis, logLoss);
        plots.figures.addAll(new CurvatureFigures(analysis, data.curvature).figures);
        plots.figures.addAll(new BiasShiftFigures(analysis, data.curvature.layerMeans).figures);
        TableBuilder curvature = CurvatureTable.of(analysis, data.curvature);
        if (curvature != null) {
            tables.tables.add(curvature);
        }
        if (!data.runsOnExecutors()) { // these need every run on one machine
            MechanismTable.of(analysis, data.curvature).ifPresent(tables.tables::add);
        }
        (data.runsOnExecutors() ? Optional.<SeedVariance>empty() : SeedVariance.of(analysis)).ifPresent(v -> { // a crossed design of seed sources: where the spread comes from
            tables.tables.add(v.table);
            v.figure().ifPresent(plots.figures::add);
        });
        Optional<ReplicationTable> replication = ReplicationTable.of(study.replicationRule(), manifest.rounds());
        replication.ifPresent(x -> tables.tables.add(x.table));
        Report report = document(analysis, tables, plots, manifest, replication);

        Files.createDirectories(dir.resolve("tables"));
        for (TableBuilder t : tables.tables) {
            CsvTable.write(t.csv(), dir.resolve("tables").resolve(t.name + ".csv"));
        }
        for (ReportPlots.Figure f : plots.figures) {
            f.image().writeSvg(dir.resolve(f.name() + ".svg"));
        }
        Path html = dir.resolve("report.html");
        HtmlReport.write(report, html);
        Path markdown = MarkdownReport.write(report, dir, "summary.md");
        return new Result(html, markdown, dir.resolve("tables"), Math.toIntExact(data.trialCount));
    }

    /**
     * Reads the study's tables and computes its statistics: without Spark for a small local study
     * when asked ({@link LocalStudyData}), else on Spark: on the driver from every run for a study of
     * up to {@link CellTasks#DRIVER_TRIALS} trials, else each cell in a Spark task.
     */
    private Analysis analyse(java.util.function.Function<List<String>, Integer> plannedReplicates) throws IOException {
        long started = System.nanoTime();
        if (readSmallLocalWithoutSpark && driverTrials >= 0) { // --cells-on-executors asks for Spark tasks
            Optional<StudyData> direct = LocalStudyData.readSmallLocal(folder, study, plan, log);
            if (direct.isPresent()) {
                log.printf(Locale.ROOT, "read %d trials in %.1f s; computing statistics%n", direct.get().trials.size(),
                        (System.nanoTime() - started) / 1e9);
                return Analysis.of(study, plan, direct.get(), plannedReplicates);
            }
        }
        SparkSession spark = SparkSessions.start(master, "gradsweep analyze " + study.name(), sparkSettings);
        StudyTables.fewShufflePartitions(spark);
        try {
            if (!StudyTables.register(spark, folder, study.hash(), log)) {
                throw new IllegalArgumentException(folder.uri() + " holds no finished trial yet: nothing to analyse");
            }
            long trials = CellTasks.trials(spark);
            if (trials <= driverTrials) {
                StudyData data = StudyData.query(spark, plan);
                log.printf(Locale.ROOT, "read %d trials in %.1f s; computing statistics%n", data.trials.size(),
                        (System.nanoTime() - started) / 1e9);
                return Analysis.of(study, plan, data, plannedReplicates);
            }
            log.printf(Locale.ROOT, "%,d trials%s: each cell's statistics are computed in a Spark task%n", trials,
                    driverTrials < 0 ? "" : String.format(Locale.ROOT, ", more than the %,d the driver reads run by run",
                            driverTrials));
            StudyData data = StudyData.perGroupOnly(spark, plan, trials);
            Groups groups = Groups.of(study, plan, List.of(), plannedReplicates);
            CellTasks.Computed cells = CellTasks.compute(spark, plan, groups);
            log.printf(Locale.ROOT, "computed %,d cells' statistics in %.1f s%n", cells.cells().size(),
                    (System.nanoTime() - started) / 1e9);
            return new Analysis(study, plan, data, groups, cells.context(), cells.cells());
        } finally {
            spark.stop();
        }
    }

    private Report document(Analysis a, ReportTables tables, ReportPlots plots, Manifest manifest,
            Optional<ReplicationTable> replication) {
        Report r = new Report("Study " + study.name() + ": " + plan.compare().name() + " compared"
                + (plan.by().isEmpty() ? "" : " by " + String.join(", ", plan.by().stream().map(Factor::name).toList())));
        if (a.headline >= 0 && !a.headlineComparisons.isEmpty()) {
            r.heading("Answer: does " + plan.compare().name() + " change the epochs to train loss "
                    + plan.thresholds().get(a.headline) + "?");
            List<String> answer = new java.util.ArrayList<>(CellAnswers.of(a.headlineComparisons, a::cellLabel,
                    a.exploratory, a.level));
            replication.ifPresent(x -> answer.addAll(x.sentences)); // which cells stopped at the maximum unsettled
            r.answer(answer);
        }
        r.contents();
        r.heading("Headline");
        long present = a.groupResults.stream().mapToLong(g -> g.counts.present()).sum();
        long planned = a.groupResults.stream().mapToLong(g -> g.counts.expected()).sum();
        r.paragraph(String.format(Locale.ROOT, "%d of %d planned trials are in the tables%s. Arms: %s = %s; reference %s."
                + " Cells: %s.", present, planned, present >= planned ? ""
                        : replication.isPresent() ? " (adaptive: the cells planned as many replicates as their rounds"
                                + " gave them; see the replication table)"
                        : " (the rest are missing: see the groups table)",
                plan.compare().name(), a.groups.arms, a.reference,
                plan.by().isEmpty() ? "none (all trials in one cell)" : a.groups.cells.size() + " combinations of "
                        + String.join(", ", plan.by().stream().map(Factor::name).toList())));
        List<String> findings = tables.findings();
        if (findings.isEmpty()) {
            r.paragraph("No time-to-threshold comparison: " + (a.headline < 0 ? "the study records no threshold."
                    : "there is only one arm."));
        }
        findings.forEach(r::paragraph);
        r.table(tables.headline.build());
        for (ReportPlots.Figure f : plots.figures) {
            if (f.name().startsWith("loss-curves")) {
                r.figure(ReportFigure.of(f.name() + ".png", f.image(), f.caption(), f.caption()));
            }
        }
        r.heading("Tables");
        r.paragraph("Every table is also in tables/ as CSV, a number per column: an estimate's interval in columns of"
                + " its own (named '... lower' and '... upper'), an empty cell where there is no number (n/a, an open"
                + " bound, no interval). Tables of more than " + io.gradsweep.driver.report.HtmlReport.FOLD_ROWS
                + " rows are folded: click to open them. The statistics are described in each caption; bootstrap"
                + " intervals use seed " + plan.seed() + ", so the same data and seed give the same report.");
        if (a.data.runsOnExecutors()) {
            r.paragraph(String.format(Locale.ROOT, "The runs of this study's %,d trials stayed on the executors (%s): each"
                    + " cell's statistics were computed there, and the tables that need every run on one machine are left"
                    + " out (the interquartile means and performance profiles pooled over cells, the seed-variance,"
                    + " mechanism and curvature tables).", a.data.trialCount, driverTrials < 0 ? "--cells-on-executors"
                            : String.format(Locale.ROOT, "more than the %,d trials the driver reads run by run", driverTrials)));
        }
        for (TableBuilder t : tables.tables) {
            if (t != tables.headline) {
                r.subheading(t.title());
                r.table(t.build());
            }
        }
        r.heading("Plots");
        for (ReportPlots.Figure f : plots.figures) {
            if (!f.name().startsWith("loss-curves")) {
                r.figure(ReportFigure.of(f.name() + ".png", f.image(), f.caption(), f.caption()));
            }
        }
        r.heading("Provenance");
        r.paragraph(String.format(Locale.ROOT, "Study %s, hash %s, from %s. Trials run by gradsweep %s; last run %s"
                + " (started %s%s). Analysed by gradsweep %s with --compare %s --by %s --seed %d%s.", study.name(),
                study.hash(), folder.uri(), manifest.codeVersion(), manifest.describeState(),
                manifest.started(), manifest.ended().map(e -> ", ended " + e).orElse(""),
                CodeVersion.get(), plan.compare().name(),
                plan.by().isEmpty() ? "''" : String.join(",", plan.by().stream().map(Factor::name).toList()), plan.seed(),
                plan.headlineThreshold().map(t -> " --threshold " + t).orElse("")));
        r.subheading("Study file");
        r.preformatted(study.text());
        return r;
    }

}
