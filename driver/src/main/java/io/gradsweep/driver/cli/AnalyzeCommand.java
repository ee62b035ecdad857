package io.gradsweep.driver.cli;

import io.gradsweep.driver.analysis.AnalysisPlan;
import io.gradsweep.driver.analysis.StudyAnalyzer;
import io.gradsweep.driver.report.ReportFolder;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.apache.hadoop.conf.Configuration;

/** {@code gradsweep analyze DIR}: statistics across seeds, plots and one HTML report from a study's tables. */
@Command(name = "analyze", sortOptions = false,
        description = {"statistics across seeds, plots and an HTML report of a study's results", "",
            "Reads the study in DIR (its trials/ and traces/ tables, with Spark SQL; a study of at most 2000"
                    + " trials in a local folder is read directly, without Spark, unless --master or"
                    + " --properties-file is given) and writes a report:"
                    + " REPORT_DIR/report.html (one self-contained page), REPORT_DIR/summary.md, the tables as CSV in"
                    + " REPORT_DIR/tables/ and the plots as PNG and SVG in REPORT_DIR itself. A study still running,"
                    + " or partly failed, is analysed with what is there; the report counts what is missing per"
                    + " group.", "",
            "The study file's analysis: block (compare, by, reference, threshold, level, secondary,"
                    + " smallest_effect) gives the defaults; a flag overrides it.", ""},
        footer = {"",
            "Only the files of the tables that are whole, gradsweep's and each trial's only copy are read; any"
                    + " other file is named with the reason it is left out (as gradsweep status does).", "",
            "Exit codes: 0 done, 1 Spark failed, 2 bad input (DIR holds no study, a bad flag value, or a"
                    + " REPORT_DIR that is not a report folder)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "DIR", arity = "0..*", hideParamSyntax = true,
            description = "the study's output folder, as given to run --out")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--compare", paramLabel = "FACTOR", description = "the grid dimension whose values are compared"
            + " (default: analysis.compare, else the first one)")
    String compare;

    @Option(names = "--by", paramLabel = "F1,F2", description = "the dimensions that make the cells compared within"
            + " (default: analysis.by, else the other dimensions; --by '' for none)")
    String byText;

    @Option(names = "--threshold", paramLabel = "LOSS", description = "the train-loss threshold of the headline"
            + " comparison; one of the study's thresholds (default: analysis.threshold, the declared primary"
            + " endpoint; else the tightest one at least half the runs reached, labelled exploratory)")
    String thresholdText;

    @Option(names = "--reference", paramLabel = "VALUE", description = "the arm the others are compared with"
            + " (default: analysis.reference, else the first value of FACTOR)")
    String reference;

    @Option(names = "--out", paramLabel = "REPORT_DIR", description = "where the report goes (default: DIR/report; a"
            + " local folder, new, empty or holding an earlier report: any other folder is refused)")
    String reportDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the bootstrap and"
            + " permutation draws (default ${DEFAULT-VALUE}): the same seed gives the same report")
    String seedText;

    @Option(names = "--linear-loss", arity = "0..1", paramLabel = "true|false", converter = SwitchValue.class,
            defaultValue = "false", fallbackValue = "true",
            description = "draw the loss curves on a linear axis (default: log)")
    boolean linearLoss;

    @Option(names = "--cells-on-executors", arity = "0..1", paramLabel = "true|false", converter = SwitchValue.class,
            defaultValue = "false", fallbackValue = "true",
            description = "compute each cell's statistics in a Spark task, the runs staying on the executors (default:"
                    + " only above " + io.gradsweep.driver.analysis.CellTasks.DRIVER_TRIALS_TEXT + " trials; the pooled"
                    + " tables that need every run on one machine are then left out)")
    boolean cellsOnExecutors;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default local[*], or what spark-submit set); given, a small local study"
                    + " is read with Spark too (the report is the same)")
    String masterText;

    @Option(names = "--properties-file", paramLabel = "FILE",
            description = "Spark settings, as for run (e.g. a local cluster's spark.conf); given, a small local"
                    + " study is read with Spark too")
    String propertiesFile;

    private final PrintStream out;

    public AnalyzeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (dirs.size() != 1) {
            throw new UsageException("analyze takes one study output folder, got " + dirs
                    + "; see gradsweep analyze --help");
        }
        String dir = dirs.get(0);
        List<String> by = byText == null ? null
                : Arrays.stream(byText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Double threshold = thresholdText != null ? FlagValues.positive("--threshold", thresholdText) : null;
        long seed = FlagValues.intAtLeast("--seed", seedText, 0);
        String master = RunCommand.checkMaster(masterText);
        java.util.Map<String, String> sparkSettings = RunCommand.sparkSettings(propertiesFile);

        OutputFolder folder = OutputFolder.at(dir, new Configuration());
        Study study = studyOf(folder);
        AnalysisPlan plan;
        try {
            plan = AnalysisPlan.resolve(study, compare, by, threshold, reference, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path reportPath = Path.of(reportDir != null ? reportDir : localReportDir(folder));
        try {
            ReportFolder.prepare(reportPath); // before Spark: a folder that is not a report's is refused at once
        } catch (ReportFolder.Refused e) {
            throw new UsageException("--out " + reportPath + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot write the report to " + reportPath + ": " + e.getMessage());
        }
        try {
            StudyAnalyzer analyzer = new StudyAnalyzer(study, folder, plan, master, sparkSettings, out);
            if (linearLoss) {
                analyzer.linearLoss();
            }
            if (cellsOnExecutors) {
                analyzer.cellsOnExecutors();
            }
            // a Spark master or settings asked for (spark-submit sets spark.master) are honoured: Spark reads
            if (masterText == null && propertiesFile == null && System.getProperty("spark.master") == null) {
                analyzer.readSmallLocalStudiesWithoutSpark();
            }
            StudyAnalyzer.Result r = analyzer.writeReport(reportPath);
            out.println("report: " + r.html());
            out.println("summary: " + r.markdown());
            return 0;
        } catch (IllegalArgumentException e) { // e.g. no finished trial yet: known only once the tables are listed
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot analyse " + folder.uri() + ": " + e.getMessage());
        }
    }

    private static String localReportDir(OutputFolder folder) {
        java.net.URI uri = java.net.URI.create(folder.uri());
        if (!"file".equals(uri.getScheme())) {
            throw new UsageException(folder.uri() + " is not a local folder: give the report a local --out REPORT_DIR");
        }
        return Path.of(uri).resolve(ReportFolder.DEFAULT_NAME).toString();
    }

    /** The study that made the folder, from the manifest's copy of the study file. */
    private static Study studyOf(OutputFolder folder) {
        try {
            var manifest = folder.manifest();
            if (manifest.isEmpty()) {
                throw new UsageException(folder.uri() + " holds no " + OutputFolder.MANIFEST + ": no study has run there");
            }
            return Study.parse(manifest.get().studyText(), folder.uri() + "/" + OutputFolder.MANIFEST);
        } catch (OutputFolder.NotOurs e) {
            throw new UsageException(e.getMessage());
        } catch (StudyException e) {
            throw new UsageException("the study in " + folder.uri() + "'s manifest no longer parses with this version: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + folder.uri() + ": " + e.getMessage());
        }
    }
}
