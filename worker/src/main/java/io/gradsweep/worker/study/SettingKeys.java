package io.gradsweep.worker.study;

import io.gradsweep.core.train.SpecException;
import io.gradsweep.core.train.Suggest;
import io.gradsweep.core.train.TrialSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial settings as a study file uses them: each key has a slot in an Object[] (a grid point's
 * settings are an array, cheap to copy a million times), and every value goes through
 * {@link TrialSpec#canonicalValue}, so the rules of a value live in the core alone.
 */
final class SettingKeys {
    static final List<String> KEYS = TrialSpec.keys();
    private static final Map<String, Integer> SLOTS = new HashMap<>();
    private static final Object[] DEFAULTS = new Object[KEYS.size()];

    static {
        Map<String, Object> defaults = TrialSpec.defaults().settings();
        for (int i = 0; i < KEYS.size(); i++) {
            SLOTS.put(KEYS.get(i), i);
            DEFAULTS[i] = defaults.get(KEYS.get(i));
        }
    }

    private SettingKeys() {
    }

    static int slot(String key) {
        Integer s = SLOTS.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return s;
    }

    /** Every setting's canonical default, by slot (a fresh copy). */
    static Object[] defaults() {
        return DEFAULTS.clone();
    }

    static Object defaultValue(String key) {
        return DEFAULTS[slot(key)];
    }

    /**
     * True when {@code key} may be written at {@code path} (in base, grid, when or exclude); else
     * records why not. seed and replicate belong to the study, thresholds to its top level.
     */
    static boolean check(Problems problems, String key, String path, boolean thresholdsAllowed, List<String> extra) {
        if (key.equals("seed")) {
            problems.add(path, "seed is the study's: set it once at the top level ('seed: 7'), not per trial");
            return false;
        }
        if (key.equals("replicate")) {
            problems.add(path, "replicate numbers come from the top-level 'replicates' (replicates: 20 gives 0..19)");
            return false;
        }
        if (key.equals("thresholds") && !thresholdsAllowed) {
            problems.add(path, "thresholds are set once, by the top-level 'thresholds' list; they do not change"
                    + " training, so they are not varied");
            return false;
        }
        if (!SLOTS.containsKey(key) && !extra.contains(key)) {
            List<String> known = new ArrayList<>(KEYS);
            known.remove("seed");
            known.remove("replicate");
            known.addAll(extra);
            problems.add(path, "unknown setting '" + key + "'" + Suggest.didYouMean(key, known));
            return false;
        }
        return true;
    }

    /** The canonical value of {@code raw} for {@code key}, or null after recording the problem at {@code path}. */
    static Object canonical(Problems problems, String key, Object raw, String path, String prefix) {
        try {
            return TrialSpec.canonicalValue(key, raw);
        } catch (SpecException e) {
            problems.add(path, prefix + e.reason());
            return null;
        }
    }
}
