package io.gradsweep.driver.cli;

import io.gradsweep.core.trace.TrialSummary;
import java.util.Locale;

/** A trial summary in a few readable lines. */
final class SummaryText {
    private SummaryText() {
    }

    static String of(TrialSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "status %s after %d steps (%.2f epochs) in %.2f s, %.3g GFLOP%n",
                s.status().label(), s.stepsRun(), s.epochsRun(), s.wallNanos() / 1e9, s.flops() / 1e9));
        s.message().ifPresent(m -> b.append("  ").append(m).append('\n'));
        b.append(String.format(Locale.ROOT, "final train loss %.5g, accuracy %.4f; test loss %.5g, accuracy %.4f",
                s.finalTrainLoss(), s.finalTrainAccuracy(), s.finalTestLoss(), s.finalTestAccuracy()));
        double[] t = s.thresholds();
        for (int i = 0; i < t.length; i++) {
            int index = i;
            b.append(String.format(Locale.ROOT, "%ntrain loss <= %s: ", t[i]));
            b.append(s.thresholdStep(i).isPresent()
                    ? String.format(Locale.ROOT, "step %d (epoch %.2f)", s.thresholdStep(i).getAsLong(),
                            s.thresholdEpoch(index).orElseThrow())
                    : "never (censored at step " + s.stepsRun() + ")");
        }
        if (!Double.isNaN(s.maxSharpness())) {
            b.append(String.format(Locale.ROOT, "%nlargest sharpness %.5g; edge of stability: %s", s.maxSharpness(),
                    s.edgeStep().isPresent() ? "step " + s.edgeStep().getAsLong()
                            : "not reached (or none for an adaptive optimiser)"));
        }
        return b.toString();
    }
}
