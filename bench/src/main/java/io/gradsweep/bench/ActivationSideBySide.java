package io.gradsweep.bench;

import io.gradsweep.core.activation.Activation;
import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.activation.PreviousScalarActivations;
import io.gradsweep.core.random.SplitMix64;
import java.util.Arrays;

/**
 * The shipped (vector) and the previous (scalar) activation loops alternated in one JVM, 40 rounds
 * of 50 calls each on a 64 x 128 batch, printing the best round of each in ns/element; and the
 * shipped training forward pass, which computes f and f' together ({@code forward(z, y, d, n)}:
 * the only activation pass of a training step, whose backward pass then multiplies by d). On a
 * loaded machine the best of alternated rounds is steadier than JMH's means over separate forks,
 * which run at different moments of the load. Usage: {@code java --add-modules=jdk.incubator.vector
 * -cp bench/target/benchmarks.jar io.gradsweep.bench.ActivationSideBySide gelu silu ...}
 */
public final class ActivationSideBySide {
    private ActivationSideBySide() {
    }

    public static void main(String[] args) {
        int n = 64 * 128;
        float[] z = new float[n];
        float[] y = new float[n];
        float[] g = new float[n];
        float[] d = new float[n];
        SplitMix64 rng = new SplitMix64(3);
        for (int i = 0; i < n; i++) {
            z[i] = (float) (2 * rng.nextGaussian());
        }
        for (String name : args) {
            Activation a = Activations.parse(name);
            PreviousScalarActivations.Bulk p = PreviousScalarActivations.of(name);
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            double bestTraining = Double.MAX_VALUE;
            for (int round = 0; round < 40; round++) {
                for (int impl = 0; impl < 2; impl++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < 50; k++) {
                        if (impl == 0) {
                            a.forward(z, y, n);
                        } else {
                            p.forward(z, y, n);
                        }
                    }
                    long t1 = System.nanoTime();
                    for (int k = 0; k < 50; k++) {
                        Arrays.fill(g, 1f); // a fresh gradient: repeated products would sink into subnormals
                        if (impl == 0) {
                            a.backward(z, y, g, n);
                        } else {
                            p.backward(z, y, g, n);
                        }
                    }
                    long t2 = System.nanoTime();
                    best[impl * 2] = Math.min(best[impl * 2], (t1 - t0) / 50.0 / n);
                    best[impl * 2 + 1] = Math.min(best[impl * 2 + 1], (t2 - t1) / 50.0 / n);
                }
                long t0 = System.nanoTime();
                for (int k = 0; k < 50; k++) {
                    a.forward(z, y, d, n);
                }
                bestTraining = Math.min(bestTraining, (System.nanoTime() - t0) / 50.0 / n);
            }
            System.out.printf("%-10s forward vector %6.2f previous %6.2f (x%.1f) | backward vector %6.2f previous %6.2f"
                    + " (x%.1f) | f and f' vector %6.2f ns/element%n", name, best[0], best[2], best[2] / best[0],
                    best[1], best[3], best[3] / best[1], bestTraining);
        }
    }
}
