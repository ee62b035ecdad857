package io.gradsweep.core.train;

import io.gradsweep.core.Sha256;
import io.gradsweep.core.activation.Activations;
import io.gradsweep.core.data.DataSets;
import io.gradsweep.core.data.DataSpec;
import io.gradsweep.core.init.Initializer;
import io.gradsweep.core.loss.Loss;
import io.gradsweep.core.optim.LearningRateSchedule;
import io.gradsweep.core.optim.OptimizerSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines one trial, resolved and validated: the provenance that travels with
 * every row the trial produces. Its canonical JSON (keys sorted, every default filled in) is the
 * trial's identity; {@link #trialId} hashes it without the replicate, so the replicates of one
 * configuration share a trialId.
 */
public final class TrialSpec {
    /** Every key a trial accepts, in the order --help shows them. */
    static final List<Setting> SETTINGS = List.of(
            Setting.integer("seed", 0, Long.MIN_VALUE, "study seed: every random stream derives from it"),
            Setting.integer("replicate", 0, 0,
                    "replicate number: selects the split, batch order and initial weights that follow it"),
            Setting.seedSource("split_seed",
                    "seed of the data set's generation, split and subsample (replicate = the replicate's)"),
            Setting.seedSource("order_seed", "seed of the minibatch order (replicate = the replicate's)"),
            Setting.seedSource("init_seed", "seed of the initial weights (replicate = the replicate's)"),
            Setting.text("dataset", "digits", TrialSpec::checkDataset,
                    "data set and its options, e.g. digits, digits(scaling=minmax,test_fraction=0.3), spirals(n=400,noise=0.1)"),
            Setting.text("activation", "relu", TrialSpec::checkActivation,
                    "hidden-layer activation, e.g. relu, elu(alpha=1.0), leaky_relu(alpha=0.01)"),
            Setting.integer("depth", 2, 0, "hidden layers (0 = a linear model)"),
            Setting.integer("width", 128, 1, "units per hidden layer"),
            Setting.choice("init", "he_normal", Initializer.labels(), "weight initialiser"),
            Setting.real("init_gain", 1, 0, true, Double.POSITIVE_INFINITY, false, "multiplies the initialiser's scale"),
            Setting.real("bias_init", 0, Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false,
                    "initial value of every bias"),
            Setting.choice("loss", "auto", lossChoices(), "auto = cross_entropy, bce or mse by the data set's task"),
            Setting.choice("optimizer", "sgd", OptimizerSettings.NAMES, "optimiser"),
            Setting.real("lr", 0.01, 0, true, Double.POSITIVE_INFINITY, false, "learning rate"),
            Setting.real("momentum", 0.9, 0, false, 1, true, "momentum and nesterov: velocity decay"),
            Setting.real("beta1", 0.9, 0, false, 1, true, "adam, adamw: first-moment decay"),
            Setting.real("beta2", 0.999, 0, false, 1, true, "adam, adamw: second-moment decay"),
            Setting.real("epsilon", 1e-8, 0, true, Double.POSITIVE_INFINITY, false,
                    "adam, adamw, rmsprop, adagrad: denominator guard"),
            Setting.real("rho", 0.99, 0, false, 1, true, "rmsprop: squared-gradient decay"),
            Setting.real("weight_decay", 0, 0, false, Double.POSITIVE_INFINITY, false,
                    "L2 on weights (decoupled for adamw); biases are not decayed"),
            Setting.real("clip_norm", 0, 0, false, Double.POSITIVE_INFINITY, false,
                    "clip gradients to this global norm (0 = off)"),
            Setting.choice("schedule", "constant", LearningRateSchedule.NAMES, "learning-rate schedule"),
            Setting.real("decay_gamma", 0.1, 0, true, Double.POSITIVE_INFINITY, false,
                    "step and exponential: factor per decay period"),
            Setting.real("decay_every_epochs", 10, 0, true, Double.POSITIVE_INFINITY, false,
                    "step and exponential: decay period in epochs"),
            Setting.real("min_lr", 0, 0, false, Double.POSITIVE_INFINITY, false, "cosine: the floor"),
            Setting.integer("warmup_steps", 0, 0, "linear warm-up steps in front of the schedule"),
            Setting.integer("batch", 64, 1, "minibatch size"),
            Setting.integer("epochs", 10, 0, "passes over the training rows"),
            Setting.integer("max_steps", 0, 0, "step budget; when > 0 it replaces epochs"),
            Setting.integer("eval_every_steps", 0, 0, "evaluate every k steps (0 = once per epoch)"),
            Setting.integer("eval_log_per_decade", 0, 0, "also evaluate at log-spaced steps, this many per decade"),
            Setting.integer("eval_subset", 512, 1,
                    "training rows (the first of the shuffled split) used for gradient norms and unit statistics"),
            Setting.realList("thresholds", 0, true, "train-loss thresholds whose first crossing is recorded"),
            Setting.real("target_loss", 0, 0, false, Double.POSITIVE_INFINITY, false,
                    "stop once the train loss is at or below this (0 = never)"),
            Setting.real("divergence_factor", 100, 1, true, Double.POSITIVE_INFINITY, false,
                    "diverged when the minibatch loss exceeds this multiple of the initial loss"),
            Setting.real("time_limit_seconds", 0, 0, false, Double.POSITIVE_INFINITY, false,
                    "end the trial with status timeout after this long (0 = no limit)"),
            Setting.integer("sharpness_every", 0, 0,
                    "measure the top Hessian eigenvalue at every k-th evaluation point, step 0 included (0 = never)")
                    .silentAtDefault(),
            Setting.integer("sharpness_iterations", 20, 1, "sharpness: most Hessian-vector products per power iteration (a second runs when the largest-magnitude eigenvalue is negative)")
                    .silentAtDefault(),
            Setting.real("sharpness_tolerance", 1e-3, 0, false, Double.POSITIVE_INFINITY, false,
                    "sharpness: stop once the estimate changes by at most this fraction (0 = always the most)")
                    .silentAtDefault(),
            Setting.integer("sharpness_rows", 0, 0,
                    "sharpness: the loss is the mean over the first this many training rows (0 = all)")
                    .silentAtDefault());

    /** The seed sources, each following the replicate unless set: {@link TrialSetup} uses them. */
    public static final List<String> SEED_SOURCES = List.of("split_seed", "order_seed", "init_seed");

    private static final Map<String, Setting> BY_KEY = new LinkedHashMap<>();

    static {
        for (Setting s : SETTINGS) {
            BY_KEY.put(s.key(), s);
        }
    }

    private final Map<String, Object> values;

    private TrialSpec(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    private static List<String> lossChoices() {
        List<String> l = new ArrayList<>();
        l.add("auto");
        l.addAll(Loss.names());
        return l;
    }

    /** Syntax and name only: the parameters are checked when the data is loaded (it may be a file elsewhere). */
    private static void checkDataset(String text) {
        String name = DataSpec.parse(text).name();
        if (!DataSets.names().contains(name)) {
            throw new IllegalArgumentException("unknown data set '" + name + "'; known: "
                    + String.join(", ", DataSets.names()));
        }
    }

    private static void checkActivation(String text) {
        Activations.parse(text);
    }

    /** The defaults for every key. */
    public static TrialSpec defaults() {
        return of(Map.of());
    }

    /**
     * A spec from user-written settings (numbers or strings); missing keys take their defaults.
     * An unknown key or a bad value throws {@link SpecException} naming it.
     */
    public static TrialSpec of(Map<String, ?> settings) {
        if (!BY_KEY.keySet().containsAll(settings.keySet())) {
            for (String key : new TreeMap<>(settings).keySet()) { // the first unknown key in sorted order
                if (!BY_KEY.containsKey(key)) {
                    throw new SpecException(key, "unknown setting" + Suggest.didYouMean(key, BY_KEY.keySet()));
                }
            }
        }
        Map<String, Object> values = new TreeMap<>();
        for (Setting s : SETTINGS) {
            Object raw = settings.containsKey(s.key()) ? settings.get(s.key()) : s.defaultValue();
            values.put(s.key(), canonical(s, raw));
        }
        if ((Long) values.get("epochs") == 0 && (Long) values.get("max_steps") == 0) {
            throw new SpecException("epochs", "0 is not allowed when max_steps is 0: the trial would train nothing");
        }
        return new TrialSpec(values);
    }

    /** Every setting key, in the order --help shows them. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Setting s : SETTINGS) {
            keys.add(s.key());
        }
        return List.copyOf(keys);
    }

    /** True for the settings whose values are integers (depth, width, batch, ...). */
    public static boolean isInteger(String key) {
        return setting(key).type() == Setting.Type.INTEGER;
    }

    /**
     * The canonical value (Long, Double, String or List of Double) of one setting, checked on its
     * own: a study file checks each value it names with this, so the rules live here. Rules
     * between settings (epochs 0 needs max_steps) are checked by {@link #of}.
     *
     * @throws SpecException for an unknown key (with "did you mean") or a bad value
     */
    public static Object canonicalValue(String key, Object raw) {
        return canonical(setting(key), raw);
    }

    private static Setting setting(String key) {
        Setting s = BY_KEY.get(key);
        if (s == null) {
            throw new SpecException(key, "unknown setting" + Suggest.didYouMean(key, BY_KEY.keySet()));
        }
        return s;
    }

    private static Object canonical(Setting s, Object raw) {
        Object v = s.convert(raw);
        return switch (s.key()) {
            case "activation" -> Activations.parse((String) v).canonical();
            case "dataset" -> DataSpec.parse((String) v).toString();
            default -> v;
        };
    }

    /** This spec with some settings changed. */
    public TrialSpec with(Map<String, ?> changes) {
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(changes);
        return of(merged);
    }

    /** Key, default and help of every setting, for --help and the docs. */
    public static List<String[]> describeSettings() {
        List<String[]> rows = new ArrayList<>();
        for (Setting s : SETTINGS) {
            rows.add(new String[] {s.key(), s.shownDefault(), s.allowed(), s.help()});
        }
        return rows;
    }

    /** All settings, keys sorted, values Long, Double, String or List of Double. */
    public Map<String, Object> settings() {
        return values;
    }

    public long integer(String key) {
        return (Long) require(key);
    }

    public double real(String key) {
        return (Double) require(key);
    }

    public String text(String key) {
        return (String) require(key);
    }

    @SuppressWarnings("unchecked")
    public List<Double> realList(String key) {
        return (List<Double>) require(key);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return v;
    }

    public long seed() {
        return integer("seed");
    }

    public int replicate() {
        return (int) integer("replicate");
    }

    /**
     * The seed of one source of randomness ({@link #SEED_SOURCES}): the setting when it is set,
     * else the replicate number, so a trial that sets none draws exactly what it drew before the
     * sources existed, and {@code init_seed: 3} draws the weights replicate 3 draws.
     */
    public long seedOf(String source) {
        if (!SEED_SOURCES.contains(source)) {
            throw new IllegalArgumentException("no seed source " + source + "; they are " + SEED_SOURCES);
        }
        long v = integer(source);
        return v == Setting.FROM_REPLICATE ? replicate() : v;
    }

    /** True when {@code source} is set rather than following the replicate. */
    public boolean seedIsSet(String source) {
        return integer(source) != Setting.FROM_REPLICATE;
    }

    /**
     * Canonical JSON: keys sorted, all defaults present but those of settings added later whose
     * default changes nothing (the sharpness settings, a seed source that follows the replicate), no
     * whitespace: so a spec that sets none of them has the JSON (and the trialId) it had before they
     * existed, and earlier output stays resumable.
     */
    public String canonicalJson() {
        return CanonicalJson.write(identity());
    }

    /** 16 hex digits of SHA-256 over the canonical JSON without the replicate. */
    public String trialId() {
        Map<String, Object> withoutReplicate = identity();
        withoutReplicate.remove("replicate");
        return Sha256.hex(CanonicalJson.write(withoutReplicate), 8);
    }

    private Map<String, Object> identity() {
        Map<String, Object> written = new TreeMap<>(values);
        for (Setting s : SETTINGS) {
            if (s.isSilent(values.get(s.key()))) {
                written.remove(s.key());
            }
        }
        return written;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialSpec t && t.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return canonicalJson();
    }
}
