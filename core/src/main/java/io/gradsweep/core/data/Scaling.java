package io.gradsweep.core.data;

import java.util.Locale;

/** How features are rescaled, always fitted on the training set only and applied to both sets. */
public enum Scaling {
    /** Features as they are. */
    NONE,
    /** Each column to mean 0 and standard deviation 1 on the training set (population std). */
    STANDARD,
    /** Each column to [0, 1] on the training set (test values may fall outside). */
    MINMAX;

    /** Statistics of {@code train} for this scaling; a constant column maps to 0, never NaN. */
    public Scaler fit(Dataset train) {
        int n = train.rows();
        int d = train.features();
        float[] x = train.x();
        double[] offset = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            scale[j] = 1;
        }
        switch (this) {
            case NONE -> {
            }
            case STANDARD -> {
                // two passes in double, in row order: exact enough and the same bits on every run
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        offset[j] += x[i * d + j];
                    }
                }
                for (int j = 0; j < d; j++) {
                    offset[j] /= n;
                }
                double[] ss = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        double c = x[i * d + j] - offset[j];
                        ss[j] += c * c;
                    }
                }
                for (int j = 0; j < d; j++) {
                    double std = StrictMath.sqrt(ss[j] / n);
                    scale[j] = std > 0 ? std : 1; // constant column: x - mean = 0, so any scale gives 0
                }
            }
            case MINMAX -> {
                double[] max = new double[d];
                for (int j = 0; j < d; j++) {
                    offset[j] = Double.POSITIVE_INFINITY;
                    max[j] = Double.NEGATIVE_INFINITY;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        offset[j] = Math.min(offset[j], x[i * d + j]);
                        max[j] = Math.max(max[j], x[i * d + j]);
                    }
                }
                for (int j = 0; j < d; j++) {
                    double range = max[j] - offset[j];
                    scale[j] = range > 0 ? range : 1;
                }
            }
            default -> throw new AssertionError(this);
        }
        return new Scaler(this, offset, scale);
    }

    /** Fits on {@code data.train()} and applies the result to both sets. */
    public TrainTest apply(TrainTest data) {
        if (this == NONE) {
            return data;
        }
        Scaler scaler = fit(data.train());
        return new TrainTest(scaler.apply(data.train()), scaler.apply(data.test()));
    }

    /** Lower-case name, as written in a data spec. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a data spec's {@code scaling=...}, case-insensitive. */
    public static Scaling parse(String s) {
        for (Scaling v : values()) {
            if (v.key().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("scaling '" + s + "' is unknown; allowed: none, standard, minmax");
    }
}
