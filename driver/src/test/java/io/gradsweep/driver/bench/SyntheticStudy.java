package io.gradsweep.driver.bench;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TrialStatus;
import io.gradsweep.core.trace.TrialSummary;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import io.gradsweep.worker.table.PartFiles;
import io.gradsweep.worker.table.PartitionPaths;
import io.gradsweep.worker.table.StagedFile;
import io.gradsweep.worker.table.TableSchema;
import io.gradsweep.worker.table.TraceRow;
import io.gradsweep.worker.table.TracesTable;
import io.gradsweep.worker.table.TrialRow;
import io.gradsweep.worker.table.TrialsTable;
import io.gradsweep.worker.task.TaskPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a finished study's output folder without training, for measuring {@code analyze} at
 * 10^5 and 10^6 trials: the real study parser gives the trials (4 activations x 2 depths x 2
 * learning rates x R replicates), the real part-file writer writes them (footers, partition
 * folders, commit by rename) and a real manifest marks the folder. The traces are plausible, not
 * trained: an exponential decay of the train loss to a floor, with a rate per activation, depth
 * and learning rate and a per-replicate spread, evaluated at 12 log-spaced steps; 2% diverge.
 * WIDTHS above 1 adds a width dimension of that many values (16, 17, ...), which changes no run
 * but multiplies the cells: the same trials can be laid out as few large cells or many small ones.
 *
 * <p>{@code java -cp ... io.gradsweep.driver.bench.SyntheticStudy OUT_DIR REPLICATES [TRIALS_PER_TASK [WIDTHS]]}
 */
public final class SyntheticStudy {
    static final int STEPS_PER_EPOCH = 23;
    static final int EPOCHS = 10;

    private SyntheticStudy() {
    }

    static String studyText(int replicates, int widths) {
        String width = widths <= 1 ? "" : "  width: " + java.util.stream.IntStream.range(16, 16 + widths)
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "[", "]")) + "\n";
        return """
                # synthetic: written by SyntheticStudy, never trained
                study: synthetic-%d
                seed: 7
                replicates: %d
                base:
                  dataset: digits
                %s  epochs: %d
                  eval_log_per_decade: 5
                grid:
                  activation: [relu, elu, tanh, gelu]
                  depth: [2, 4]
                  lr: [0.01, 0.1]
                %sthresholds: [1.0, 0.5, 0.2]
                partition_by: activation
                """.formatted(replicates, replicates, widths <= 1 ? "  width: 16\n" : "", EPOCHS, width);
    }

    public static void main(String[] args) throws IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args[0]).toAbsolutePath();
        int replicates = Integer.parseInt(args[1]);
        int perTask = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int widths = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Study study = Study.parse(studyText(replicates, widths), "synthetic.yaml");
        Files.createDirectories(out);
        Configuration conf = new Configuration();
        Path root = new Path(out.toUri());
        FileSystem fs = root.getFileSystem(conf);
        long started = System.nanoTime();
        long written = 0;
        List<StudyTrial> task = new ArrayList<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext();) {
            task.add(it.next());
            if (task.size() == perTask || !it.hasNext()) {
                writeTask(fs, root, study, task);
                written += task.size();
                task.clear();
            }
        }
        Manifest m = new Manifest(study.name(), study.hash(), "synthetic", Manifest.State.COMPLETE, Optional.empty(),
                Optional.empty(), study.trialCount(), study.partitionBy(), Instant.now().toString(),
                Optional.of(Instant.now().toString()), Map.of(), Map.of(), study.text());
        Files.write(out.resolve("manifest.json"), m.toJson());
        System.out.printf("%d trials written to %s in %.1f s%n", written, out, (System.nanoTime() - started) / 1e9);
    }

    private static void writeTask(FileSystem fs, Path root, Study study, List<StudyTrial> trials) throws IOException {
        long[] indexes = trials.stream().mapToLong(StudyTrial::index).toArray();
        String taskKey = TaskPlan.of(study.hash(), indexes, 1.0).taskKey();
        Map<String, List<TrialRow>> trialRows = new TreeMap<>();
        Map<String, List<TraceRow>> traceRows = new TreeMap<>();
        for (StudyTrial t : trials) {
            List<TracePoint> points = new ArrayList<>();
            TrialSummary summary = simulate(t, study.thresholds(), points);
            TrialRow row = new TrialRow(study.name(), study.hash(), t.key(), t.index(), t.spec(), summary, "synthetic",
                    "synthetic");
            trialRows.computeIfAbsent(t.partitionValue(), v -> new ArrayList<>()).add(row);
            List<TraceRow> rows = traceRows.computeIfAbsent(t.partitionValue(), v -> new ArrayList<>());
            for (TracePoint p : points) {
                rows.add(new TraceRow(t.key(), row.trialId(), t.replicate(), t.index(), p));
            }
        }
        List<StagedFile> staged = new ArrayList<>();
        for (String value : trialRows.keySet()) {
            staged.add(stage(fs, root, study, taskKey, TracesTable.schema(), value, traceRows.get(value)));
        }
        for (String value : trialRows.keySet()) {
            staged.add(stage(fs, root, study, taskKey, TrialsTable.schema(), value, trialRows.get(value)));
        }
        for (StagedFile f : staged) {
            f.commit();
        }
    }

    private static <R> StagedFile stage(FileSystem fs, Path root, Study study, String taskKey, TableSchema<R> table,
            String value, List<R> rows) throws IOException {
        Path dir = PartitionPaths.directory(new Path(root, table.name()), study.partitionBy(), value);
        return PartFiles.stage(fs, dir, taskKey, table.withoutColumn(study.partitionBy()), rows, study.hash());
    }

    /** A plausible run: loss(step) = floor + (2.3 - floor) exp(-rate step / steps per epoch). */
    static TrialSummary simulate(StudyTrial t, List<Double> thresholds, List<TracePoint> points) {
        Map<String, Object> s = t.spec().settings();
        String activation = String.valueOf(s.get("activation"));
        int depth = ((Number) s.get("depth")).intValue();
        double lr = ((Number) s.get("lr")).doubleValue();
        SplittableRandom random = new SplittableRandom(t.index() * 0x9E3779B97F4A7C15L + 17);
        double base = activation.startsWith("relu") ? 0.9 : activation.startsWith("elu") ? 1.0
                : activation.startsWith("tanh") ? 0.7 : 0.95;
        double rate = base * (lr >= 0.1 ? 1.6 : 0.5) / Math.sqrt(depth) * Math.exp(0.25 * random.nextGaussian());
        double floor = 0.05 + 0.05 * random.nextDouble();
        boolean diverges = random.nextDouble() < 0.02;
        long totalSteps = (long) EPOCHS * STEPS_PER_EPOCH;
        List<Long> steps = new ArrayList<>();
        steps.add(0L);
        for (int i = 0; i <= 12; i++) {
            long step = Math.min(totalSteps, Math.round(Math.pow(10, i * Math.log10(totalSteps) / 12)));
            if (step > steps.get(steps.size() - 1)) {
                steps.add(step);
            }
        }
        long stopAt = diverges ? steps.get(1 + random.nextInt(steps.size() - 1)) : totalSteps;
        long[] thresholdStep = new long[thresholds.size()];
        double[] thresholdEpoch = new double[thresholds.size()];
        java.util.Arrays.fill(thresholdStep, -1);
        java.util.Arrays.fill(thresholdEpoch, Double.NaN);
        double loss = Double.NaN;
        double accuracy = 0.1;
        for (long step : steps) {
            if (step > stopAt) {
                break;
            }
            double epoch = step / (double) STEPS_PER_EPOCH;
            loss = diverges && step == stopAt ? Double.NaN
                    : floor + (2.3 - floor) * Math.exp(-rate * epoch) * Math.exp(0.02 * random.nextGaussian());
            accuracy = Double.isNaN(loss) ? 0.1 : Math.min(1, 1.05 - loss / 2.4);
            float[] gradients = new float[depth + 1];
            float[] dead = new float[depth];
            for (int l = 0; l <= depth; l++) {
                gradients[l] = (float) (0.5 * Math.pow(0.8, depth - l) * Math.exp(0.1 * random.nextGaussian()));
            }
            for (int l = 0; l < depth; l++) {
                dead[l] = activation.startsWith("relu") ? (float) (0.05 * random.nextDouble()) : 0f;
            }
            points.add(new TracePoint(step, epoch, loss, loss, accuracy, loss * 1.1, accuracy * 0.97, gradients, dead,
                    new float[depth], new float[depth], lr, step * 1000));
            for (int k = 0; k < thresholds.size(); k++) {
                if (thresholdStep[k] < 0 && loss <= thresholds.get(k)) {
                    thresholdStep[k] = step;
                    thresholdEpoch[k] = epoch;
                }
            }
        }
        long stepsRun = diverges ? stopAt : totalSteps;
        TrialStatus status = diverges ? TrialStatus.DIVERGED : TrialStatus.OK;
        return new TrialSummary(status, diverges ? "train loss is NaN" : null, stepsRun, stepsRun / (double) STEPS_PER_EPOCH,
                loss, accuracy, loss * 1.1, accuracy * 0.97, thresholds.stream().mapToDouble(Double::doubleValue).toArray(),
                thresholdStep, thresholdEpoch, 0, 1_000_000);
    }
}
