package io.gradsweep.worker.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints a study declares before it runs, in its optional {@code analysis:} block: which
 * grid dimension is compared, against which arm, the primary threshold, the significance level
 * and the secondary measures. {@code analyze} uses them as its defaults; a threshold declared
 * here is the primary endpoint, one picked from the data is labelled exploratory. Not part of the
 * study's hash: it changes no trial.
 *
 * @param compare the grid dimension whose values are the arms; empty = the first dimension
 * @param by the dimensions whose combinations are the cells; empty = the other dimensions
 * @param reference the arm the others are compared with, as the trials table writes it; empty = the first value
 * @param threshold the primary endpoint: epochs to this train loss (one of the study's thresholds)
 * @param level the significance level (and 1 - the coverage of the intervals)
 * @param secondary measures compared besides the primary endpoint, by column name (see {@link #MEASURES})
 * @param smallestEffect per measure (column name, or {@code epochs} for the time to the threshold), the
 *     smallest difference that matters: a smaller
 *     one is called negligible when the equivalence test shows it; measures not given get analyze's defaults
 */
public record AnalysisSpec(Optional<String> compare, Optional<List<String>> by, Optional<String> reference,
                           Optional<Double> threshold, double level, Optional<List<String>> secondary,
                           Map<String, Double> smallestEffect) {
    public static final List<String> KEYS = List.of("compare", "by", "reference", "threshold", "level", "secondary",
            "smallest_effect");
    /** The per-run measures analyze can compare, by the column names of its tables. */
    public static final List<String> MEASURES = List.of("final_train_loss", "best_train_loss", "final_test_loss",
            "best_test_loss", "final_train_accuracy", "best_train_accuracy", "final_test_accuracy", "best_test_accuracy",
            "log_loss_area", "gradient_ratio_init", "peak_dead_fraction");
    public static final double DEFAULT_LEVEL = 0.05;
    /** The smallest_effect key of the time to the threshold, in epochs. */
    public static final String EPOCHS = "epochs";

    public AnalysisSpec {
        by = by.map(List::copyOf);
        secondary = secondary.map(List::copyOf);
        smallestEffect = Map.copyOf(smallestEffect);
    }

    /** No {@code analysis:} block: every choice left to analyze's defaults. */
    public static AnalysisSpec none() {
        return new AnalysisSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LEVEL,
                Optional.empty(), Map.of());
    }
}
