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
 * With {@code --evaluation-share} first, it times each activation's replicate-0 trials at depths
 * 8 and 16 with evaluation once per epoch and with only the first and last points (best of two
 * after a warm-up each), and prints the share of the trial that evaluation takes.
 */
public final class StudyTrialTimes {
    private static final List<String> ACTIVATIONS =
            List.of("relu", "leaky_relu", "elu", "selu", "gelu", "silu", "softplus", "tanh", "sigmoid");
    private static final int[] DEPTHS = {2, 4, 8, 16};

    private StudyTrialTimes() {
    }

    private static TrialSpec spec(String activation, int depth, int replicate, long evalEverySteps) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("dataset", "digits", "width", 64,
                "init", "he_normal", "optimizer", "sgd", "lr", 0.02, "batch", 64, "epochs", 30, "seed", 7));
        settings.putAll(Map.of("activation", activation, "depth", depth, "replicate", replicate,
                "eval_every_steps", evalEverySteps));
        return TrialSpec.of(settings);
    }

    private static double seconds(TrialSpec spec) {
        long start = System.nanoTime();
        Trainer.run(spec, p -> { });
        return (System.nanoTime() - start) / 1e9;
    }

    private static void evaluationShare(List<String> activations) {
        long never = 1_000_000_000L; // evaluating "every" this many steps: only at step 0 and at the end
        for (String activation : activations) {
            for (int depth : new int[] {8, 16}) {
                seconds(spec(activation, depth, 0, 0));
                seconds(spec(activation, depth, 0, never));
                double with = Math.min(seconds(spec(activation, depth, 0, 0)), seconds(spec(activation, depth, 0, 0)));
                double without = Math.min(seconds(spec(activation, depth, 0, never)),
                        seconds(spec(activation, depth, 0, never)));
                System.out.printf(Locale.ROOT, "%10s depth %2d: %.2f s evaluating once per epoch, %.2f s at the first"
                        + " and last points only: evaluation %.0f%% of the trial%n", activation, depth, with, without,
                        100 * (with - without) / with);
            }
        }
    }

    public static void main(String[] args) {
        boolean share = args.length > 0 && args[0].equals("--evaluation-share");
        List<String> named = List.of(args).subList(share ? 1 : 0, args.length);
        List<String> activations = named.isEmpty() ? ACTIVATIONS : named;
        if (share) {
            evaluationShare(activations);
            return;
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        double total = 0;
        for (int replicate = 0; replicate < 2; replicate++) {
            for (String activation : activations) {
                for (int depth : DEPTHS) {
                    double s = seconds(spec(activation, depth, replicate, 0));
                    seconds.merge(activation, s, Double::sum);
                    total += s;
                }
            }
        }
        seconds.forEach((a, s) -> System.out.printf(Locale.ROOT, "%10s %7.2f s%n", a, s));
        System.out.printf(Locale.ROOT, "%10s %7.2f s  (java %s)%n", "total", total, System.getProperty("java.version"));
    }
}
