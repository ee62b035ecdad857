package io.gradsweep.core.optim;

import java.util.List;

/**
 * The learning rate as a function of the step (counted from 0): constant, step decay, exponential
 * decay, or cosine annealing to a floor, each with an optional linear warm-up in front. Decay
 * periods are in steps; callers convert epochs. StrictMath keeps the rate identical everywhere.
 */
public final class LearningRateSchedule {
    public static final List<String> NAMES = List.of("constant", "step", "exponential", "cosine");

    private final String kind;
    private final double base;
    private final double gamma;
    private final long period;
    private final long totalSteps;
    private final double floor;
    private final long warmupSteps;

    private LearningRateSchedule(String kind, double base, double gamma, long period, long totalSteps, double floor,
                                 long warmupSteps) {
        this.kind = kind;
        this.base = base;
        this.gamma = gamma;
        this.period = period;
        this.totalSteps = totalSteps;
        this.floor = floor;
        this.warmupSteps = warmupSteps;
    }

    public static LearningRateSchedule constant(double base, long warmupSteps) {
        return new LearningRateSchedule("constant", base, 1, 1, 1, 0, warmupSteps);
    }

    /** lr = base * gamma^floor(t / period). */
    public static LearningRateSchedule step(double base, double gamma, long period, long warmupSteps) {
        return new LearningRateSchedule("step", base, gamma, Math.max(1, period), 1, 0, warmupSteps);
    }

    /** lr = base * gamma^(t / period): gamma per period, smoothly. */
    public static LearningRateSchedule exponential(double base, double gamma, long period, long warmupSteps) {
        return new LearningRateSchedule("exponential", base, gamma, Math.max(1, period), 1, 0, warmupSteps);
    }

    /** lr = floor + (base - floor) (1 + cos(pi t / total)) / 2, after warm-up (Loshchilov and Hutter 2017). */
    public static LearningRateSchedule cosine(double base, double floor, long totalSteps, long warmupSteps) {
        return new LearningRateSchedule("cosine", base, 1, 1, Math.max(1, totalSteps), floor, warmupSteps);
    }

    /** The rate for step t (0-based): during warm-up base * (t+1) / warmup, then the schedule from its start. */
    public double rate(long t) {
        if (t < warmupSteps) {
            return base * (t + 1) / warmupSteps;
        }
        long s = t - warmupSteps;
        return switch (kind) {
            case "constant" -> base;
            case "step" -> base * StrictMath.pow(gamma, (double) (s / period));
            case "exponential" -> base * StrictMath.pow(gamma, (double) s / period);
            case "cosine" -> {
                long span = Math.max(1, totalSteps - warmupSteps);
                double progress = Math.min(1.0, (double) s / span);
                yield floor + (base - floor) * 0.5 * (1 + StrictMath.cos(StrictMath.PI * progress));
            }
            default -> throw new IllegalStateException(kind);
        };
    }

    public String kind() {
        return kind;
    }
}
