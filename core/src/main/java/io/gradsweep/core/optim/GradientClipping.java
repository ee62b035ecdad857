package io.gradsweep.core.optim;

import io.gradsweep.core.nn.Parameter;
import java.util.List;

/** Clipping by global norm: if ||g|| over all parameters exceeds the limit, scale every g by limit / ||g||. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The global L2 norm of all gradients, summed in a fixed order in double. */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            for (float g : p.grad()) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /** Clips in place; returns the norm before clipping. A limit of 0 or less means no clipping. */
    public static double clip(List<Parameter> parameters, double maxNorm) {
        double norm = globalNorm(parameters);
        if (maxNorm > 0 && norm > maxNorm) {
            float scale = (float) (maxNorm / norm);
            for (Parameter p : parameters) {
                float[] g = p.grad();
                for (int j = 0; j < g.length; j++) {
                    g[j] *= scale;
                }
            }
        }
        return norm;
    }
}
