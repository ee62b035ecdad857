package io.gradsweep.bench;

import io.gradsweep.core.train.Trainer;
import io.gradsweep.core.train.TrialSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trials of bench/compare-study.yaml (digits, width 64, depths 2-16, nine activations, two
 * replicates, SGD lr 0.02, batch 64, 30 epochs, evaluation once per epoch) trained one after
 * another in this JVM, without Spark or Parquet: the training core's share of a study, for
 * comparing two builds or two JDKs side by side. Prints each activation's summed trial seconds.
 *
 * <p>{@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.gradsweep.bench.StudyTrialTimes [ACTIVATION ...]} (keep the grid in step with the yaml).
 */
public final class StudyTrialTimes {
    private static final List<String> ACTIVATIONS =
            List.of("relu", "leaky_relu", "elu", "selu", "gelu", "silu", "softplus", "tanh", "sigmoid");
    private static final int[] DEPTHS = {2, 4, 8, 16};

    private StudyTrialTimes() {
    }

    public static void main(String[] args) {
        List<String> activations = args.length > 0 ? List.of(args) : ACTIVATIONS;
        Map<String, Double> seconds = new LinkedHashMap<>();
        double total = 0;
        for (int replicate = 0; replicate < 2; replicate++) {
            for (String activation : activations) {
                for (int depth : DEPTHS) {
                    Map<String, Object> settings = new LinkedHashMap<>(Map.of("dataset", "digits", "width", 64,
                            "init", "he_normal", "optimizer", "sgd", "lr", 0.02, "batch", 64, "epochs", 30, "seed", 7));
                    settings.putAll(Map.of("activation", activation, "depth", depth, "replicate", replicate));
                    TrialSpec spec = TrialSpec.of(settings);
                    long start = System.nanoTime();
                    Trainer.run(spec, p -> { });
                    double s = (System.nanoTime() - start) / 1e9;
                    seconds.merge(activation, s, Double::sum);
                    total += s;
                }
            }
        }
        seconds.forEach((a, s) -> System.out.printf(Locale.ROOT, "%10s %7.2f s%n", a, s));
        System.out.printf(Locale.ROOT, "%10s %7.2f s  (java %s)%n", "total", total, System.getProperty("java.version"));
    }
}
