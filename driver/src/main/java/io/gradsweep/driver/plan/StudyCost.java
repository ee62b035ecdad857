package io.gradsweep.driver.plan;

import io.gradsweep.core.train.TrialBudget;
import io.gradsweep.core.train.TrialSpec;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One streaming pass over a study's trials: how many, how much training arithmetic, which shapes
 * are most common and how the output splits into partitions. Holds one entry per distinct data
 * set, width, depth and batch, and at most {@link #MAX_PARTITIONS} partition names: never a trial.
 */
public final class StudyCost {
    static final int MAX_PARTITIONS = 1000;

    private long trials;
    private double flops;
    private double sharpnessFlops;
    private final Map<String, DataShape> shapes = new LinkedHashMap<>();
    private final Map<String, Long> datasetTrials = new HashMap<>();
    private final Map<Long, Long> widths = new HashMap<>();
    private final Map<Long, Double> depthFlops = new HashMap<>();
    private final Map<Long, Long> batches = new HashMap<>();
    private final Map<String, Long> partitions = new TreeMap<>();
    private boolean morePartitions;
    /** The largest gap between late evaluation points as a fraction of a trial's budget (steps). */
    private double coarsestEvaluation;

    private StudyCost() {
    }

    /**
     * Walks every trial (which also checks every grid point; see {@link Study#trialCount}), and
     * refuses a network that cannot be built (see {@link NetworkCheck}).
     *
     * @throws io.gradsweep.worker.study.StudyException for a grid point no trial could run with
     * @throws IllegalArgumentException for a data set that cannot be loaded, or a network too large
     */
    public static StudyCost of(Study study) {
        StudyCost c = new StudyCost();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext();) {
            StudyTrial trial = it.next();
            DataShape shape;
            try {
                shape = c.shape(trial.spec());
            } catch (IllegalArgumentException e) {
                String path = study.keyPathOf("dataset");
                throw new IllegalArgumentException(study.source() + ": " + (path.isEmpty() ? "" : path + ": ")
                        + e.getMessage() + " (trial " + trial.index() + ")", e);
            }
            NetworkCheck.check(study, trial, shape);
            c.add(trial, shape);
        }
        return c;
    }

    /**
     * The cost of {@code samples} trials spread evenly over the index space, for a quick estimate
     * of a study too large to walk (see {@link #flopsPerTrial}); each distinct data set is
     * still loaded once.
     */
    public static StudyCost sample(Study study, int samples) {
        StudyCost c = new StudyCost();
        long space = study.indexSpace();
        long step = Math.max(1, space / samples);
        for (long i = 0; i < space && c.trials < samples; i += step) {
            study.trial(i).ifPresent(t -> c.add(t, c.shape(t.spec())));
        }
        return c;
    }

    /** Mean training FLOPs of the trials walked; 0 when none. */
    public double flopsPerTrial() {
        return trials == 0 ? 0 : flops / trials;
    }

    private DataShape shape(TrialSpec spec) {
        String dataset = spec.text("dataset");
        DataShape shape = shapes.get(dataset);
        if (shape == null) {
            shape = DataShape.of(spec);
            shapes.put(dataset, shape);
        }
        return shape;
    }

    private void add(StudyTrial trial, DataShape shape) {
        TrialSpec spec = trial.spec();
        String dataset = spec.text("dataset");
        long depth = spec.integer("depth");
        long width = spec.integer("width");
        long batch = spec.integer("batch");
        TrialBudget budget = TrialBudget.of(spec, shape.trainRows());
        double trialSharpness = sharpnessFlops(spec, budget, shape.trainRows(), shape.weights(depth, width));
        double trialFlops = 6.0 * shape.weights(depth, width) * budget.rowsTrained() + trialSharpness;
        sharpnessFlops += trialSharpness;
        // late evaluation points come every eval_every_steps, else once per epoch (log-spaced ones are early only)
        if (budget.totalSteps() > 0) {
            coarsestEvaluation = Math.max(coarsestEvaluation,
                    (double) Math.min(budget.totalSteps(), budget.evaluateEvery()) / budget.totalSteps());
        }
        flops += trialFlops;
        depthFlops.merge(depth, trialFlops, Double::sum);
        trials++;
        datasetTrials.merge(dataset, 1L, Long::sum);
        widths.merge(width, 1L, Long::sum);
        batches.merge(batch, 1L, Long::sum);
        if (partitions.containsKey(trial.partitionValue()) || partitions.size() < MAX_PARTITIONS) {
            partitions.merge(trial.partitionValue(), 1L, Long::sum);
        } else {
            morePartitions = true;
        }
    }

    /**
     * The sharpness measurements of one trial, at their cap: at each measured point (every
     * sharpness_every-th, step 0 first) sharpness_iterations Hessian-vector products, each two
     * forward and backward passes over the sharpness rows. Warm starts usually stop sooner (README,
     * "Sharpness": measured products per point); a negative dominant eigenvalue can double it.
     */
    static double sharpnessFlops(TrialSpec spec, TrialBudget budget, long trainRows, long weights) {
        long every = spec.integer("sharpness_every");
        if (every == 0) {
            return 0;
        }
        long points = (budget.evaluations().count() + every - 1) / every;
        long rows = spec.integer("sharpness_rows") == 0 ? trainRows : Math.min(trainRows, spec.integer("sharpness_rows"));
        return points * spec.integer("sharpness_iterations") * 2 * 6.0 * weights * rows;
    }

    /** The part of {@link #flops} that measures sharpness (at its cap); 0 when no trial does. */
    public double sharpnessFlops() {
        return sharpnessFlops;
    }

    /**
     * The largest gap between a trial's late evaluation points as a fraction of its budget: a
     * threshold crossing is known only to that gap, so a time-to-threshold endpoint cannot resolve
     * differences finer than it.
     */
    public double coarsestEvaluation() {
        return coarsestEvaluation;
    }

    public long trials() {
        return trials;
    }

    /**
     * 6 x weights x rows trained on, summed: forward and backward of every training step, plus
     * {@link #sharpnessFlops}; other evaluations not counted.
     */
    public double flops() {
        return flops;
    }

    /** Each distinct data set with its shape, in order of first use. */
    public Map<String, DataShape> shapes() {
        return shapes;
    }

    public String mostCommonDataset() {
        return mostCommon(datasetTrials);
    }

    public long mostCommonWidth() {
        return mostCommon(widths);
    }

    /** The depth whose trials hold the most work: the one whose speed matters most for the estimate. */
    public long heaviestDepth() {
        return mostCommon(depthFlops);
    }

    public long mostCommonBatch() {
        return mostCommon(batches);
    }

    /** Partition value to its trials, sorted; at most {@link #MAX_PARTITIONS}. */
    public Map<String, Long> partitions() {
        return partitions;
    }

    /** True when there were more partitions than {@link #partitions} holds. */
    public boolean morePartitions() {
        return morePartitions;
    }

    /** The most frequent key; ties go to the smallest, so the choice does not depend on hash order. */
    @SuppressWarnings("unchecked")
    private static <K, V extends Comparable<V>> K mostCommon(Map<K, V> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<K, V>comparingByValue()
                        .thenComparing((Map.Entry<K, V> e) -> (Comparable<Object>) e.getKey(),
                                Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }
}
