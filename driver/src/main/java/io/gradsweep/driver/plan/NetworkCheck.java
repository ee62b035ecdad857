package io.gradsweep.driver.plan;

import io.gradsweep.core.train.TrialBudget;
import io.gradsweep.core.train.TrialSpec;
import io.gradsweep.worker.study.Study;
import io.gradsweep.worker.study.StudyTrial;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a study holding a network that cannot be built (see {@link TrialBudget#oversize}) before
 * anything runs, with the key path, the value and the arithmetic: otherwise the trial fails on an
 * executor with an OutOfMemoryError or a NegativeArraySizeException.
 */
public final class NetworkCheck {
    /** Assumed for a data set the driver cannot load (a file only executors see): the smallest network of the grid point. */
    private static final DataShape SMALLEST = new DataShape(1, 1, 1);

    private NetworkCheck() {
    }

    /** @throws IllegalArgumentException naming the study, the key path, the value, the trial and the arithmetic */
    public static void check(Study study, StudyTrial trial, DataShape shape) {
        TrialSpec spec = trial.spec();
        long depth = spec.integer("depth");
        long width = spec.integer("width");
        long capacity = TrialBudget.of(spec, shape.trainRows()).capacityRows();
        TrialBudget.oversize(shape.inputs(), shape.outputs(), depth, width, capacity).ifPresent(o -> {
            String path = study.keyPathOf(o.key());
            throw new IllegalArgumentException(study.source() + ": " + (path.isEmpty() ? o.key() : path) + ": depth "
                    + depth + ", width " + width + " on " + shape.inputs() + " inputs and " + shape.outputs()
                    + " outputs cannot be built: " + o.reason() + " (trial " + trial.index() + ")");
        });
    }

    /**
     * Checks each distinct (data set, depth, width, batch) of the study once; a data set that
     * cannot be loaded here is taken as the smallest (1 input, 1 output), so that only a network
     * too large on any data is refused.
     */
    public static void check(Study study) {
        Map<String, DataShape> shapes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<StudyTrial> it = study.trials(); it.hasNext();) {
            StudyTrial trial = it.next();
            TrialSpec spec = trial.spec();
            String dataset = spec.text("dataset");
            if (seen.add(dataset + '\n' + spec.integer("depth") + '\n' + spec.integer("width") + '\n'
                    + spec.integer("batch"))) {
                DataShape shape = shapes.computeIfAbsent(dataset, d -> {
                    try {
                        return DataShape.of(spec);
                    } catch (IllegalArgumentException e) {
                        return SMALLEST;
                    }
                });
                check(study, trial, shape);
            }
        }
    }
}
