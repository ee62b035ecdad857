package io.gradsweep.driver.cli;

import io.gradsweep.core.bench.StepBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code gradsweep bench}: training steps per second of the reference networks, the Java side of
 * bench/compare-pytorch.sh. Prints one line per repeat and a median per network.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static String help() {
        return """
                Usage: gradsweep bench [--depth 2,8] [--width 128] [--inputs 64] [--classes 10] [--batch 64]
                                       [--activation relu] [--seconds 2] [--repeats 5] [--warmup-seconds 3]

                Measures training steps per second of an MLP inputs -> width x depth -> classes with softmax
                cross-entropy and SGD on random data, one thread: the workload bench/pytorch_peer.py runs in
                PyTorch. Each depth gets a warm-up, then --repeats timed runs of --seconds; the median and the
                best run are printed with GFLOP/s (6 x batch x weights per step). On a shared, noisy machine
                the best run is the steadier figure for comparing two builds; compare implementations side
                by side (bench/compare-pytorch.sh). Output lines are key=value pairs.
                """;
    }

    public static int run(String[] args, PrintStream out) {
        Flags flags = Flags.parse(args, List.of("help"));
        if (flags.has("help")) {
            out.print(help());
            return 0;
        }
        List<Integer> depths = new ArrayList<>();
        for (String d : flags.take("depth", "2,8").split(",")) {
            try {
                depths.add(Integer.parseInt(d.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--depth " + d + ": must be a comma-separated list of integers >= 0");
            }
            if (depths.get(depths.size() - 1) < 0) {
                throw new UsageException("--depth " + d + ": must be >= 0");
            }
        }
        int width = flags.takeInt("width", 128, 1);
        int inputs = flags.takeInt("inputs", 64, 1);
        int classes = flags.takeInt("classes", 10, 2);
        int batch = flags.takeInt("batch", 64, 1);
        String activation = flags.take("activation", "relu");
        double seconds = flags.takePositive("seconds", 2);
        int repeats = flags.takeInt("repeats", 5, 1);
        double warmup = flags.takePositive("warmup_seconds", 3);
        if (!flags.remaining().isEmpty()) {
            throw new UsageException("unknown flag --" + flags.remaining().keySet().iterator().next()
                    + "; see gradsweep bench --help");
        }
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
