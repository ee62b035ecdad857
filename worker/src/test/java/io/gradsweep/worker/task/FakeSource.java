package io.gradsweep.worker.task;

import io.gradsweep.core.train.TrialSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A study's grid as a plain list of settings maps, standing in for the study parser. Serializable
 * (specs are built on demand) so that a Spark closure can carry it.
 */
final class FakeSource implements TrialSource, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String hash;
    private final String partitionBy;
    private final List<HashMap<String, Object>> grid = new ArrayList<>();

    FakeSource(String name, String hash, String partitionBy, List<Map<String, Object>> grid) {
        this.name = name;
        this.hash = hash;
        this.partitionBy = partitionBy;
        for (Map<String, Object> settings : grid) {
            this.grid.add(new HashMap<>(settings));
        }
    }

    /**
     * Five tiny trials: three that train, one that diverges, one whose data cannot be read. Trial 0
     * reaches the thresholds at step 0, at step 3 and never (censored).
     */
    static FakeSource fiveTrials(String partitionBy) {
        Map<String, Object> base = Map.of("dataset", "iris", "width", 8L, "depth", 2L, "epochs", 2L,
                "eval_every_steps", 1L, "thresholds", new ArrayList<>(List.of(1.5, 1.3, 0.01)));
        return new FakeSource("tiny", "feedc0de", partitionBy, List.of(
                with(base, Map.of("activation", "relu")),
                with(base, Map.of("activation", "relu", "replicate", 1L)),
                with(base, Map.of("activation", "elu(alpha=0.5)")),
                with(base, Map.of("activation", "relu", "lr", 1e6)),
                with(base, Map.of("activation", "elu(alpha=0.5)", "dataset", "csv(path=/nonexistent.csv,label=y)"))));
    }

    static Map<String, Object> with(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> m = new HashMap<>(base);
        m.putAll(changes);
        return m;
    }

    int size() {
        return grid.size();
    }

    long[] allIndexes() {
        long[] all = new long[grid.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    @Override
    public String studyName() {
        return name;
    }

    @Override
    public String studyHash() {
        return hash;
    }

    @Override
    public String partitionBy() {
        return partitionBy;
    }

    @Override
    public Optional<PlannedTrial> trial(long index) {
        return trial(index, v -> v);
    }

    /** The trial with its partition value passed through {@code render}, to fake a study that renders it wrongly. */
    Optional<PlannedTrial> trial(long index, UnaryOperator<String> render) {
        if (index < 0 || index >= grid.size()) {
            return Optional.empty();
        }
        TrialSpec spec = TrialSpec.of(grid.get((int) index));
        String value = partitionBy.isEmpty() ? "" : render.apply(String.valueOf(spec.settings().get(partitionBy)));
        return Optional.of(new PlannedTrial(index, spec.replicate(), spec, spec.trialId() + "-" + spec.replicate(),
                value));
    }
}
