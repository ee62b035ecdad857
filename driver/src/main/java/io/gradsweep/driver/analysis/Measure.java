package io.gradsweep.driver.analysis;

import java.util.function.ToDoubleFunction;

/** A per-trial scalar the report summarises per group and compares between arms. */
enum Measure {
    FINAL_TRAIN_LOSS("final train loss", "nats", true, t -> t.finalTrainLoss),
    BEST_TRAIN_LOSS("best train loss", "nats", true, t -> t.bestTrainLoss),
    FINAL_TEST_LOSS("final test loss", "nats", true, t -> t.finalTestLoss),
    BEST_TEST_LOSS("best test loss", "nats", true, t -> t.bestTestLoss),
    FINAL_TRAIN_ACCURACY("final train accuracy", "fraction", false, t -> t.finalTrainAccuracy),
    BEST_TRAIN_ACCURACY("best train accuracy", "fraction", false, t -> t.bestTrainAccuracy),
    FINAL_TEST_ACCURACY("final test accuracy", "fraction", false, t -> t.finalTestAccuracy),
    BEST_TEST_ACCURACY("best test accuracy", "fraction", false, t -> t.bestTestAccuracy),
    LOG_LOSS_AREA("area under log10 train loss", "mean log10 nats over steps", true, t -> t.logLossArea),
    GRADIENT_RATIO_INIT("first/last layer gradient norm at init", "ratio", false, t -> t.gradientRatioInit),
    PEAK_DEAD_FRACTION("peak dead-unit fraction", "fraction of hidden units", true, t -> t.peakDeadFraction);

    final String label;
    final String unit;
    final boolean lowerIsBetter;
    /** A count over a fixed number of rows or units: its values come in steps (see {@link Resolution}). */
    final boolean fraction;
    private final ToDoubleFunction<TrialRecord> value;

    Measure(String label, String unit, boolean lowerIsBetter, ToDoubleFunction<TrialRecord> value) {
        this.label = label;
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
        this.fraction = unit.equals("fraction");
        this.value = value;
    }

    double of(TrialRecord t) {
        return value.applyAsDouble(t);
    }

    /**
     * The smallest difference that matters when the study declares none: one percentage point of
     * a fraction, 0.01 in mean log10 loss (about 2.3% of the loss), and for a loss or a ratio 1% of
     * the reference arm's median in the cell.
     *
     * @return a margin in the measure's unit
     */
    double defaultSmallestEffect(double referenceMedian) {
        if (unit.startsWith("fraction") || this == LOG_LOSS_AREA) {
            return 0.01;
        }
        return 0.01 * Math.abs(referenceMedian);
    }

    /** How {@link #defaultSmallestEffect} is chosen, for a caption. */
    String defaultSmallestEffectRule() {
        if (unit.startsWith("fraction")) {
            return "0.01 (one percentage point)";
        }
        if (this == LOG_LOSS_AREA) {
            return "0.01 (about 2.3% of the loss)";
        }
        return "1% of the reference arm's median in the cell";
    }

    /** The measure whose {@link #column()} is {@code column} (the names the study's analysis block uses). */
    static Measure ofColumn(String column) {
        for (Measure m : values()) {
            if (m.column().equals(column)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no measure '" + column + "'");
    }

    /** The column name in the CSV tables. */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
