package io.gradsweep.core.train;

import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.data.Dataset;
import io.gradsweep.core.data.TrainTest;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.nn.Network;
import io.gradsweep.core.optim.LearningRateSchedule;
import io.gradsweep.core.optim.Optimizer;
import io.gradsweep.core.optim.OptimizerSettings;
import io.gradsweep.core.random.Seeds;

/**
 * The objects a trial trains with, built from its spec. Seeds follow the determinism contract:
 * the data from (seed, dataset, split source), the batch order from (seed, dataset, order source),
 * the initial weights from (seed, init source) and each layer's shape; nothing else. Each source
 * is its seed setting ({@code split_seed}, {@code order_seed}, {@code init_seed}) or, by default,
 * the replicate: with none set, all three are the replicate and the streams are those of before.
 */
public final class TrialSetup {
    private final TrialSpec spec;
    private final TrainTest data;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final TrialBudget budget;
    private final long batchSeed;

    private TrialSetup(TrialSpec spec, TrainTest data, Network network, Loss loss, Optimizer optimizer,
                       LearningRateSchedule schedule, TrialBudget budget, long batchSeed) {
        this.spec = spec;
        this.data = data;
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.budget = budget;
        this.batchSeed = batchSeed;
    }

    /** Loads the data and builds the network; throws if the data cannot be had. */
    public static TrialSetup of(TrialSpec spec) {
        long dataSeed = dataSeed(spec);
        TrainTest data = DataSets.load(DataSpec.parse(spec.text("dataset")), dataSeed);
        Dataset train = data.train();
        TrialBudget budget = TrialBudget.of(spec, train.rows());
        TrialBudget.oversize(train.features(), train.outputs(), spec.integer("depth"), spec.integer("width"),
                budget.capacityRows()).ifPresent(o -> {
                    throw new SpecException(o.key(), o.reason());
                });
        Network network = buildNetwork(spec, train.features(), train.outputs(), (int) budget.capacityRows());
        Loss loss;
        try {
            loss = Loss.parse(spec.text("loss"), train.task());
        } catch (IllegalArgumentException e) {
            throw new SpecException("loss", e.getMessage());
        }
        OptimizerSettings settings = new OptimizerSettings(spec.text("optimizer"), spec.real("momentum"),
                spec.real("beta1"), spec.real("beta2"), spec.real("epsilon"), spec.real("rho"),
                spec.real("weight_decay"));
        Optimizer optimizer = Optimizer.create(settings, network.parameters());
        LearningRateSchedule schedule = schedule(spec, budget.stepsPerEpoch(), budget.totalSteps());
        return new TrialSetup(spec, data, network, loss, optimizer, schedule, budget, orderSeed(spec));
    }

    /** The seed of the data set's generation, split and subsample: (study seed, dataset, split source) only. */
    public static long dataSeed(TrialSpec spec) {
        return Seeds.derive(spec.seed(), "data", spec.text("dataset"), spec.seedOf("split_seed"));
    }

    /**
     * The seed of the minibatch order: (study seed, dataset, order source) only. It is derived
     * the way it was when the data seed was also the order's parent, so the defaults draw the
     * batches they drew before.
     */
    public static long orderSeed(TrialSpec spec) {
        return Seeds.derive(Seeds.derive(spec.seed(), "data", spec.text("dataset"), spec.seedOf("order_seed")), "batches");
    }

    /** The seed of the initial weights: (study seed, init source) only; layers add their shapes. */
    public static long initSeed(TrialSpec spec) {
        return Seeds.derive(spec.seed(), "init", spec.seedOf("init_seed"));
    }

    /** The network of {@code spec} for the given input and output widths, freshly initialised. */
    public static Network buildNetwork(TrialSpec spec, int inputs, int outputs, int capacity) {
        return Network.create(inputs, outputs, (int) spec.integer("depth"), (int) spec.integer("width"),
                Activations.parse(spec.text("activation")), Initializer.parse(spec.text("init")),
                spec.real("init_gain"), (float) spec.real("bias_init"), initSeed(spec), capacity);
    }

    private static LearningRateSchedule schedule(TrialSpec spec, long stepsPerEpoch, long totalSteps) {
        double lr = spec.real("lr");
        long warmup = spec.integer("warmup_steps");
        long period = Math.max(1, Math.round(spec.real("decay_every_epochs") * stepsPerEpoch));
        double gamma = spec.real("decay_gamma");
        return switch (spec.text("schedule")) {
            case "constant" -> LearningRateSchedule.constant(lr, warmup);
            case "step" -> LearningRateSchedule.step(lr, gamma, period, warmup);
            case "exponential" -> LearningRateSchedule.exponential(lr, gamma, period, warmup);
            case "cosine" -> LearningRateSchedule.cosine(lr, spec.real("min_lr"), totalSteps, warmup);
            default -> throw new SpecException("schedule", "unknown schedule " + spec.text("schedule"));
        };
    }

    public TrialSpec spec() {
        return spec;
    }

    public TrainTest data() {
        return data;
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Steps, epochs and evaluation points of this trial. */
    public TrialBudget budget() {
        return budget;
    }

    /** The seed of the minibatch order. */
    public long batchSeed() {
        return batchSeed;
    }
}
