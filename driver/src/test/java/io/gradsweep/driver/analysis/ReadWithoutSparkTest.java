package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import io.gradsweep.driver.Main;
import io.gradsweep.driver.sweep.SparkSessions;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.LocalFolderFiles;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.study.Study;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small study in a local folder is read without Spark ({@link LocalStudyData}) into the same
 * {@link StudyData} as Spark's queries give, value for value (every double to the bit), on studies
 * trained here: one with diverged runs, a double factor (lr) and a long one (depth); one with
 * sharpness measured, a threshold, and runs that diverged early; and analyze's report from either
 * path is the same, byte for byte. The direct path, in a JVM of its own, starts no Spark.
 */
class ReadWithoutSparkTest {
    @TempDir
    static Path dir;
    static Path analysisSmall;
    static Path mechanismSmall;

    static Path partitionedByLr;

    @BeforeAll
    static void train() throws Exception {
        analysisSmall = trained("analysis-small", Path.of("src/test/resources/studies/analysis-small.yaml"));
        mechanismSmall = trained("mechanism-small", Path.of("src/test/resources/studies/mechanism-small.yaml"));
        // the same study partitioned by a double: its factor lr is read from the directory names
        Path byLr = dir.resolve("by-lr.yaml");
        String text = Files.readString(Path.of("src/test/resources/studies/analysis-small.yaml"));
        assertTrue(text.contains("partition_by: activation"));
        Files.writeString(byLr, text.replace("partition_by: activation", "partition_by: lr"));
        partitionedByLr = trained("by-lr", byLr);
    }

    private static Path trained(String name, Path studyFile) {
        Path out = dir.resolve(name);
        CliRun run = CliRun.of("run", studyFile.toString(), "--out", out.toString(), "--master", "local[2]");
        assertEquals(0, run.code, run.err);
        return out;
    }

    /** lr=0.05 and lr=4.0 in the directory names: Spark types them as doubles, whose text is the label. */
    @Test
    void aStudyPartitionedByADoubleFactorReadsTheSameWithoutSpark() throws Exception {
        assertTrue(Files.isDirectory(partitionedByLr.resolve("trials").resolve("lr=4.0")));
        Study study = study(partitionedByLr);
        assertSameData(partitionedByLr, AnalysisPlan.resolve(study, null, null, null, null, 1));
        assertSameData(partitionedByLr, AnalysisPlan.resolve(study, "lr", List.of("activation"), null, null, 1));
    }

    @Test
    void aStudyWithDivergedRunsReadsTheSameWithoutSpark() throws Exception {
        Study study = study(analysisSmall);
        assertSameData(analysisSmall, AnalysisPlan.resolve(study, null, null, null, null, 1));
        // a zip-free plan with the double factor compared and one cell factor: other labels, other groups
        assertSameData(analysisSmall, AnalysisPlan.resolve(study, "lr", List.of("depth"), null, null, 1));
    }

    @Test
    void aStudyWithSharpnessAndThresholdsReadsTheSameWithoutSpark() throws Exception {
        Study study = study(mechanismSmall);
        String described = assertSameData(mechanismSmall, AnalysisPlan.resolve(study, null, null, null, null, 1));
        assertTrue(described.contains("TrialMechanism") && described.contains("TrialCurvature"), "the test needs curvature data");
        // no cells: the first crossing is the whole study's (a window over every run)
        assertSameData(mechanismSmall, AnalysisPlan.resolve(study, null, List.of(), null, null, 1));
    }

    @Test
    void theReportIsTheSameByteForByteAndSparkIsUsedOnlyWhenAskedFor() throws Exception {
        for (Path study : List.of(analysisSmall, mechanismSmall)) {
            Path direct = dir.resolve(study.getFileName() + "-direct");
            Path spark = dir.resolve(study.getFileName() + "-spark");
            CliRun a = CliRun.of("analyze", study.toString(), "--out", direct.toString());
            assertEquals(0, a.code, a.err + a.out);
            assertTrue(a.out.contains("reading the tables without Spark"), a.out);
            CliRun b = CliRun.of("analyze", study.toString(), "--out", spark.toString(), "--master", "local[1]");
            assertEquals(0, b.code, b.err + b.out);
            assertFalse(b.out.contains("without Spark"), b.out);
            List<Path> files = new ArrayList<>(List.of(Path.of("summary.md"), Path.of("report.html")));
            try (Stream<Path> tables = Files.list(spark.resolve("tables"))) {
                tables.forEach(t -> files.add(Path.of("tables").resolve(t.getFileName())));
            }
            try (Stream<Path> plots = Files.list(spark)) {
                plots.filter(p -> p.toString().endsWith(".svg")).forEach(p -> files.add(p.getFileName()));
            }
            assertTrue(files.size() > 10, files.toString());
            for (Path f : files) {
                assertEquals(Files.readString(spark.resolve(f)), Files.readString(direct.resolve(f)), study + ": " + f);
            }
        }
    }

    /** A study whose run has committed no task yet is refused alike on both paths (exit 2). */
    @Test
    void aFolderWithoutAFinishedTrialIsRefusedAlike() throws Exception {
        Path out = Files.createDirectories(dir.resolve("nothing-yet"));
        OutputFolder.at(out.toString(), new Configuration()).writeManifest(new Manifest("tiny", "0123456789abcdef", "x",
                Manifest.State.RUNNING, Optional.empty(), Optional.empty(), 8, "activation", "then", Optional.empty(),
                Map.of(), Map.of(), Files.readString(Path.of("src/test/resources/studies/tiny.yaml"))));
        CliRun direct = CliRun.of("analyze", out.toString(), "--out", dir.resolve("nothing-direct").toString());
        CliRun spark = CliRun.of("analyze", out.toString(), "--out", dir.resolve("nothing-spark").toString(),
                "--master", "local[1]");
        assertEquals(2, direct.code, direct.out + direct.err);
        assertEquals(2, spark.code, spark.out + spark.err);
        assertTrue(direct.err.contains("holds no finished trial yet: nothing to analyse"), direct.err);
        assertEquals(spark.err, direct.err);
    }

    /** analyze of a small local study, in a JVM of its own: done, and no Spark context class ever loaded. */
    @Test
    void theDirectPathStartsNoSpark() throws Exception {
        Path classes = dir.resolve("classes.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("gradsweep.jvm.flags").trim().split("\\s+")));
        cmd.add("-Xlog:class+load=info:file=" + classes);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("analyze", analysisSmall.toString(), "--out", dir.resolve("own-jvm").toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("own.out").toFile())
                .redirectError(dir.resolve("own.err").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "analyze ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("own.err")));
        assertTrue(Files.readString(dir.resolve("own.out")).contains("without Spark"));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" io.gradsweep.driver.analysis.LocalStudyData "), "the log lists the classes loaded");
        for (String spark : List.of("org.apache.spark.SparkContext", "org.apache.spark.sql.SparkSession",
                "org.apache.spark.SparkEnv")) {
            assertFalse(loaded.contains(" " + spark + " "), spark + " was loaded");
        }
    }

    /** bin/gradsweep runs a study's analyze on C1 up to the same trial count as is read without Spark, which the help names. */
    @Test
    void theLauncherUsesTheSameBound() throws Exception {
        String launcher = Files.readString(Path.of("..", "bin", "gradsweep"));
        Matcher m = Pattern.compile("\\(\\( trials <= (\\d+) \\)\\)").matcher(launcher);
        assertTrue(m.find(), "bin/gradsweep's analyze bound");
        assertEquals(LocalStudyData.MAX_TRIALS, Long.parseLong(m.group(1)));
        CliRun help = CliRun.of("analyze", "--help");
        assertTrue(help.out.replaceAll("\\s+", " ").contains("a study of at most " + LocalStudyData.MAX_TRIALS + " trials"),
                help.out);
    }

    private static Study study(Path out) throws Exception {
        return Study.parse(OutputFolder.at(out.toString(), new Configuration()).manifest().orElseThrow().studyText(), "test");
    }

    /** Asserts Spark's and the direct reading's data equal, and returns its description. */
    private static String assertSameData(Path out, AnalysisPlan plan) throws Exception {
        Study study = study(out);
        OutputFolder folder = OutputFolder.at(out.toString(), new Configuration());
        StudyData bySpark;
        SparkSession spark = SparkSessions.start("local[1]", "read-without-spark-test", Map.of());
        try {
            StudyTables.fewShufflePartitions(spark);
            assertTrue(StudyTables.register(spark, folder, study.hash(), System.out));
            bySpark = StudyData.query(spark, plan);
        } finally {
            spark.stop();
        }
        LocalFolderFiles files = new LocalFolderFiles();
        CommittedTables tables = CommittedTables.read(files, new org.apache.hadoop.fs.Path(folder.uri()), study.hash());
        assertTrue(LocalStudyData.reads(tables));
        StudyData direct = LocalStudyData.read(tables, files, plan);

        assertEquals(describe(bySpark.trials), describe(direct.trials), "trials");
        assertEquals(describe(bySpark.curves), describe(direct.curves), "curves");
        assertEquals(describe(bySpark.gradients), describe(direct.gradients), "gradients");
        CurvatureData s = bySpark.curvature;
        CurvatureData d = direct.curvature;
        assertEquals(describe(s.sharpness), describe(d.sharpness), "sharpness");
        assertEquals(describe(s.edge), describe(d.edge), "edge");
        assertEquals(describe(s.layerMeans), describe(d.layerMeans), "layer means");
        // Spark returns these rows in no promised order (a GROUP BY without ORDER BY): compared as sets
        assertEquals(sorted(s.trials), sorted(d.trials), "per-trial curvature");
        assertEquals(sorted(s.mechanism), sorted(d.mechanism), "mechanism");
        assertFalse(bySpark.trials.isEmpty() || bySpark.curves.isEmpty() || bySpark.gradients.isEmpty()
                || s.layerMeans.isEmpty(), "the test needs data in every part");
        return describe(List.of(bySpark.trials, bySpark.curves, s.trials, s.mechanism, s.sharpness));
    }

    private static List<String> sorted(List<?> values) {
        return values.stream().map(ReadWithoutSparkTest::describe).sorted().toList();
    }

    /**
     * Every field of a value, recursively, numbers as Java writes them (Double.toString is exact:
     * two doubles write the same only when they are the same double), so equal texts mean equal data.
     */
    static String describe(Object o) {
        if (o == null || o instanceof Number || o instanceof String || o instanceof Boolean) {
            return String.valueOf(o);
        }
        if (o instanceof List<?> list) {
            return list.stream().map(ReadWithoutSparkTest::describe).toList().toString();
        }
        if (o instanceof double[] a) {
            return Arrays.toString(a);
        }
        if (o instanceof long[] a) {
            return Arrays.toString(a);
        }
        StringBuilder s = new StringBuilder(o.getClass().getSimpleName()).append('{');
        try {
            if (o instanceof Record) {
                for (RecordComponent c : o.getClass().getRecordComponents()) {
                    c.getAccessor().setAccessible(true);
                    s.append(c.getName()).append('=').append(describe(c.getAccessor().invoke(o))).append(", ");
                }
            } else {
                for (Field f : o.getClass().getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        s.append(f.getName()).append('=').append(describe(f.get(o))).append(", ");
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return s.append('}').toString();
    }
}
