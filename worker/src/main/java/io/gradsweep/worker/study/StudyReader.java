package io.gradsweep.worker.study;

import io.gradsweep.core.train.Suggest;
import io.gradsweep.core.train.TrialSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a parsed study file in full and builds its {@link StudyDefinition}: the top-level keys
 * here, the grid in {@link GridReader}, when/exclude in {@link RuleReader}. Every problem is
 * collected before anything is thrown.
 */
final class StudyReader {
    static final List<String> TOP_KEYS = List.of("study", "seed", "replicates", "base", "grid", "when", "exclude",
            "thresholds", "partition_by", "max_trials", "analysis");
    static final long DEFAULT_MAX_TRIALS = 10_000_000L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

    private final Problems problems;
    private final Map<String, Object> root;

    private StudyReader(Problems problems, Map<String, Object> root) {
        this.problems = problems;
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static StudyDefinition read(Yaml.Tree tree, String source) {
        Problems problems = new Problems(source, tree.lines());
        if (!(tree.root() instanceof Map)) {
            problems.add("", "expected a mapping of study keys (" + String.join(", ", TOP_KEYS) + "), found "
                    + Yaml.kind(tree.root()));
            problems.throwIfAny();
        }
        StudyDefinition d = new StudyReader(problems, (Map<String, Object>) tree.root()).read(tree.lines());
        problems.throwIfAny();
        return d;
    }

    private StudyDefinition read(Map<String, Integer> lines) {
        for (String key : root.keySet()) {
            if (!TOP_KEYS.contains(key)) {
                problems.add(key, "unknown study key '" + key + "'" + Suggest.didYouMean(key, TOP_KEYS)
                        + (SettingKeys.KEYS.contains(key) ? "; trial settings go under base: or grid:" : ""));
            }
        }
        long maxTrials = integer("max_trials", DEFAULT_MAX_TRIALS, 1, Long.MAX_VALUE);
        String name = name();
        long seed = integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        Optional<ReplicationRule> rule = replicationRule();
        // an adaptive study's index space holds its maximum; run trains the rounds' share of it
        int replicates = rule.isPresent() ? rule.get().max() : (int) integer("replicates", 1, 1, Integer.MAX_VALUE);

        Map<String, Object> base = base();
        GridReader gridReader = new GridReader(problems, maxTrials);
        List<Dimension> dimensions = gridReader.read(root.get("grid"));
        Map<String, String> gridKeys = gridReader.keyPaths();
        for (String key : base.keySet()) {
            if (gridKeys.containsKey(key)) {
                problems.add(Problems.key("base", key), key + " is also varied by " + gridKeys.get(key)
                        + "; a setting is either shared (base) or varied (grid)");
            }
        }
        checkSeedSources(base, gridKeys, replicates);
        RuleReader rules = new RuleReader(problems, gridKeys);
        List<WhenRule> when = rules.when(root.get("when"));
        List<Condition> excludes = rules.exclude(root.get("exclude"));
        List<Double> thresholds = thresholds(base);
        String partitionBy = partitionBy(dimensions);
        AnalysisSpec analysis = AnalysisSpecReader.read(problems, root.get("analysis"), dimensions, thresholds);
        if (rule.isPresent() && analysis != null && analysis.threshold().isEmpty()) {
            problems.add("replicates.half_width", "an adaptive rule's precision target is for the primary endpoint, so the"
                    + " study must declare one: analysis: {threshold: T} with T one of its thresholds");
        }
        long indexSpace = indexSpace(dimensions, replicates, maxTrials);
        if (!problems.isEmpty()) {
            return null;
        }

        Object[] settings = SettingKeys.defaults();
        Map<String, Object> nonDefault = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        base.forEach((k, v) -> {
            settings[SettingKeys.slot(k)] = v;
            origins.put(k, Problems.key("base", k));
            if (!Objects.equals(v, SettingKeys.defaultValue(k))) {
                nonDefault.put(k, v);
            }
        });
        origins.putAll(rules.setPaths());
        origins.putAll(gridKeys);
        RuleReach.check(problems, dimensions, settings, when);
        if (!problems.isEmpty()) {
            return null;
        }
        Grid grid = new Grid(dimensions, settings, when, excludes);
        assert grid.points() * replicates == indexSpace;
        return new StudyDefinition(name, seed, replicates, maxTrials, nonDefault, thresholds, partitionBy, grid,
                when, excludes, origins, lines, analysis, rule);
    }

    /**
     * With every seed source set (in base or by the grid) nothing follows the replicate, so a
     * second replicate would train bitwise copies of the first: refused rather than wasted.
     */
    private void checkSeedSources(Map<String, Object> base, Map<String, String> gridKeys, int replicates) {
        List<String> where = new ArrayList<>();
        for (String source : TrialSpec.SEED_SOURCES) {
            if (gridKeys.containsKey(source)) {
                where.add(source + " by " + gridKeys.get(source));
            } else if (base.containsKey(source) && !Objects.equals(base.get(source), SettingKeys.defaultValue(source))) {
                where.add(source + " in base");
            } else {
                return;
            }
        }
        if (replicates > 1) {
            problems.add("replicates", replicates + " is not allowed when every seed source is set (" + String.join(", ", where)
                    + "): nothing follows the replicate, so the replicates would be identical; use replicates: 1, or"
                    + " leave a source to follow the replicate");
        }
    }

    /**
     * {@code replicates: {min, max, step, half_width}}, an adaptive rule; empty for a number (or
     * nothing). Each key is checked and named on its own.
     */
    private Optional<ReplicationRule> replicationRule() {
        if (!(root.get("replicates") instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        int before = problems.count();
        for (Object key : map.keySet()) {
            if (!ReplicationRule.KEYS.contains(String.valueOf(key))) {
                problems.add("replicates." + key, "unknown key; an adaptive rule has " + String.join(", ", ReplicationRule.KEYS)
                        + Suggest.didYouMean(String.valueOf(key), ReplicationRule.KEYS));
            }
        }
        long min = ruleInteger(map, "min", 2);
        long max = ruleInteger(map, "max", 2);
        long step = ruleInteger(map, "step", 1);
        Object hw = map.get("half_width");
        double halfWidth = hw instanceof Long l ? l : hw instanceof Double d ? d : Double.NaN;
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            problems.badValue("replicates.half_width", hw, "a number > 0: the primary paired effect's interval half-width to"
                    + " reach, in its unit (epochs)");
        }
        if (min > 0 && max > 0 && max < min) {
            problems.add("replicates.max", max + " is not allowed: expected an integer >= replicates.min (" + min + ")");
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new ReplicationRule((int) min, (int) max, (int) step, halfWidth));
    }

    /** An integer key of the rule, at least {@code least}; -1 after recording the problem. */
    private long ruleInteger(Map<?, ?> map, String key, long least) {
        Object v = map.get(key);
        if (v instanceof Long n && n >= least && n <= Integer.MAX_VALUE) {
            return n;
        }
        problems.badValue("replicates." + key, v, v == null ? "missing: an integer >= " + least
                : "an integer >= " + least + (key.equals("min") ? " (a paired interval needs at least 2 pairs)" : ""));
        return -1;
    }

    private String name() {
        Object v = root.get("study");
        if (v == null) {
            problems.add("study", root.containsKey("study") ? "the study needs a name"
                    : "missing: every study file starts with 'study: NAME' (a-z, 0-9, _ and -), the name its"
                    + " output carries");
            return null;
        }
        if (!(v instanceof String s) || !NAME.matcher(s).matches()) {
            problems.badValue("study", v, "a name of a-z, 0-9, _ and -");
            return null;
        }
        return s;
    }

    private long integer(String key, long fallback, long min, long max) {
        if (!root.containsKey(key)) {
            return fallback;
        }
        Object v = root.get(key);
        if (v instanceof Long n && n >= min && n <= max) {
            return n;
        }
        String range = min == Long.MIN_VALUE ? "an integer" : max == Long.MAX_VALUE ? "an integer >= " + min
                : "an integer from " + min + " to " + max;
        problems.badValue(key, v, range);
        return fallback;
    }

    /** Canonical base settings, in file order; bad ones are recorded and left out. */
    private Map<String, Object> base() {
        Map<String, Object> base = new LinkedHashMap<>();
        Object raw = root.get("base");
        if (raw == null) {
            return base;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add("base", "expected a mapping of trial settings (e.g. dataset: digits), found " + Yaml.kind(raw));
            return base;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            String path = Problems.key("base", key);
            if (!SettingKeys.check(problems, key, path, true, List.of())) {
                continue;
            }
            if (e.getValue() instanceof Map) {
                problems.badValue(path, e.getValue(), "one value; lists and ranges go under grid:");
                continue;
            }
            Object v = SettingKeys.canonical(problems, key, e.getValue(), path, "");
            if (v != null) {
                base.put(key, v);
            }
        }
        return base;
    }

    /** The top-level list, or base.thresholds (one place only); each a number > 0. */
    @SuppressWarnings("unchecked")
    private List<Double> thresholds(Map<String, Object> base) {
        if (!root.containsKey("thresholds")) {
            Object fromBase = base.remove("thresholds");
            return fromBase == null ? List.of() : (List<Double>) fromBase;
        }
        if (base.containsKey("thresholds")) {
            problems.add("base.thresholds", "thresholds are given at the top level too; keep one");
        }
        Object raw = root.get("thresholds");
        if (!(raw instanceof List<?> list)) {
            problems.badValue("thresholds", raw, "a list of train-loss thresholds, numbers > 0, e.g. [0.5, 0.1]");
            return List.of();
        }
        List<Double> thresholds = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String path = Problems.index("thresholds", i);
            if (!(item instanceof Long || item instanceof Double)) {
                problems.badValue(path, item, "a number > 0 (a train loss)");
                continue;
            }
            Object v = SettingKeys.canonical(problems, "thresholds", List.of(item), path, "");
            if (v != null) {
                thresholds.addAll((List<Double>) v);
            }
        }
        return List.copyOf(thresholds);
    }

    private String partitionBy(List<Dimension> dimensions) {
        Object raw = root.get("partition_by");
        if (raw == null) {
            return dimensions.isEmpty() ? "activation" : dimensions.get(0).keys().get(0);
        }
        if (!(raw instanceof String key) || !SettingKeys.KEYS.contains(key)) {
            String suggestion = raw instanceof String s ? Suggest.didYouMean(s, SettingKeys.KEYS) : "";
            problems.add("partition_by", Yaml.show(raw) + " is not a trial setting" + suggestion
                    + "; the trial setting whose value names the output partition, e.g. activation");
            return null;
        }
        return key;
    }

    /** Grid points x replicates, refused above max_trials before anything is expanded. */
    private long indexSpace(List<Dimension> dimensions, int replicates, long maxTrials) {
        long n = replicates;
        List<String> factors = new ArrayList<>();
        boolean overflow = false;
        for (Dimension d : dimensions) {
            factors.add(Integer.toString(d.size()));
            try {
                n = Math.multiplyExact(n, d.size());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        factors.add(replicates + " replicate" + (replicates == 1 ? "" : "s"));
        if (overflow || n > maxTrials) {
            problems.add("max_trials", "the study has " + (overflow ? "more than 2^63" : String.format(Locale.ROOT, "%,d", n))
                    + " trials before exclusions (" + String.join(" x ", factors) + "), more than max_trials ("
                    + String.format(Locale.ROOT, "%,d", maxTrials) + "); shrink the grid or raise max_trials");
        }
        return n;
    }
}
