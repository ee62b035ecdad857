package io.gradsweep.driver.cli;

import io.gradsweep.core.bench.StepBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradsweep bench}: training steps per second of the reference networks, the Java side of
 * bench/compare-pytorch.sh. Prints one line per repeat and a median per network.
 */
@Command(name = "bench", sortOptions = false,
        description = {"measure training steps per second of the reference networks", "",
            "Measures training steps per second of an MLP inputs -> width x depth -> classes with softmax"
                    + " cross-entropy and SGD on random data, one thread: the workload bench/pytorch_peer.py runs in"
                    + " PyTorch. Each depth gets a warm-up, then --repeats timed runs of --seconds; the median and"
                    + " the best run are printed with GFLOP/s (6 x batch x weights per step). On a shared, noisy"
                    + " machine the best run is the steadier figure for comparing two builds; compare"
                    + " implementations side by side (bench/compare-pytorch.sh). Output lines are key=value pairs.",
            ""})
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--depth", paramLabel = "D1,D2", defaultValue = "2,8",
            description = "hidden layers, one network per value (default ${DEFAULT-VALUE})")
    String depthText;

    @Option(names = "--width", paramLabel = "N", defaultValue = "128",
            description = "units per hidden layer (default ${DEFAULT-VALUE})")
    String widthText;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "64",
            description = "input features (default ${DEFAULT-VALUE})")
    String inputsText;

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10",
            description = "output classes, at least 2 (default ${DEFAULT-VALUE})")
    String classesText;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "minibatch size (default ${DEFAULT-VALUE})")
    String batchText;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "hidden-layer activation (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "length of each timed run (default ${DEFAULT-VALUE})")
    String secondsText;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "timed runs per depth (default ${DEFAULT-VALUE})")
    String repeatsText;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "3",
            description = "untimed warm-up per depth, for the JIT (default ${DEFAULT-VALUE})")
    String warmupText;

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Integer> depths = new ArrayList<>();
        for (String d : depthText.split(",")) {
            try {
                depths.add(Integer.parseInt(d.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--depth " + d + ": must be a comma-separated list of integers >= 0");
            }
            if (depths.get(depths.size() - 1) < 0) {
                throw new UsageException("--depth " + d + ": must be >= 0");
            }
        }
        int width = FlagValues.intAtLeast("--width", widthText, 1);
        int inputs = FlagValues.intAtLeast("--inputs", inputsText, 1);
        int classes = FlagValues.intAtLeast("--classes", classesText, 2);
        int batch = FlagValues.intAtLeast("--batch", batchText, 1);
        double seconds = FlagValues.positive("--seconds", secondsText);
        int repeats = FlagValues.intAtLeast("--repeats", repeatsText, 1);
        double warmup = FlagValues.positive("--warmup-seconds", warmupText);
        out.printf(Locale.ROOT, "java=%s vm=%s%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        for (int depth : depths) {
            StepBenchmark bench;
            try {
                bench = new StepBenchmark(inputs, width, depth, classes, batch, activation);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--activation " + activation + ": " + e.getMessage());
            }
            bench.stepsPerSecond(warmup);
            double[] rates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                rates[r] = bench.stepsPerSecond(seconds);
                out.printf(Locale.ROOT, "impl=gradsweep depth=%d width=%d activation=%s repeat=%d steps_per_s=%.1f%n",
                        depth, width, activation, r, rates[r]);
            }
            double median = median(rates);
            double best = Arrays.stream(rates).max().orElseThrow();
            out.printf(Locale.ROOT, "impl=gradsweep depth=%d width=%d activation=%s median_steps_per_s=%.1f gflops=%.2f"
                    + " best_steps_per_s=%.1f best_gflops=%.2f%n", depth, width, activation, median,
                    median * bench.flopsPerStep() / 1e9, best, best * bench.flopsPerStep() / 1e9);
        }
        return 0;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
