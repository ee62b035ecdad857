package io.gradsweep.core.data;

/** A fitted per-column affine map x -> (x - offset) / scale, from {@link Scaling#fit}. */
public final class Scaler {
    private final Scaling scaling;
    private final double[] offset;
    private final double[] scale;

    Scaler(Scaling scaling, double[] offset, double[] scale) {
        this.scaling = scaling;
        this.offset = offset;
        this.scale = scale;
    }

    /** The same examples with scaled features; the input data set is untouched. */
    public Dataset apply(Dataset data) {
        int d = offset.length;
        if (data.features() != d) {
            throw new IllegalArgumentException(data + ": has " + data.features() + " features, the scaler was fitted"
                    + " on " + d);
        }
        if (scaling == Scaling.NONE) {
            return data;
        }
        float[] x = data.x();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            out[i] = (float) ((x[i] - offset[j]) / scale[j]);
        }
        return data.withFeatures(out);
    }

    public Scaling scaling() {
        return scaling;
    }

    /** The value subtracted from column j (mean or minimum). */
    public double offset(int j) {
        return offset[j];
    }

    /** The divisor of column j (std or range; 1 for a constant column). */
    public double scale(int j) {
        return scale[j];
    }
}
