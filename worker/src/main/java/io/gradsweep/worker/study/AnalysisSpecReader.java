package io.gradsweep.worker.study;

import io.gradsweep.core.train.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a study's {@code analysis:} block against its grid and thresholds; every problem names its key path. */
final class AnalysisSpecReader {
    private AnalysisSpecReader() {
    }

    @SuppressWarnings("unchecked")
    static AnalysisSpec read(Problems problems, Object raw, List<Dimension> dimensions, List<Double> thresholds) {
        if (raw == null) {
            return AnalysisSpec.none();
        }
        if (!(raw instanceof Map)) {
            problems.add("analysis", "expected a mapping of analysis keys (" + String.join(", ", AnalysisSpec.KEYS)
                    + "), found " + Yaml.kind(raw));
            return AnalysisSpec.none();
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        for (String key : m.keySet()) {
            if (!AnalysisSpec.KEYS.contains(key)) {
                problems.add(Problems.key("analysis", key), "unknown analysis key '" + key + "'"
                        + Suggest.didYouMean(key, AnalysisSpec.KEYS) + "; allowed: " + String.join(", ", AnalysisSpec.KEYS));
            }
        }
        List<String> names = dimensions.stream().map(Dimension::name).toList();
        Optional<String> compare = Optional.ofNullable(m.get("compare")).map(v -> dimension(problems, "analysis.compare", v, dimensions));
        Optional<List<String>> by = Optional.empty();
        if (m.containsKey("by")) {
            List<String> list = new ArrayList<>();
            Object v = m.get("by");
            if (!(v instanceof List<?> items)) {
                problems.badValue("analysis.by", v, "a list of grid dimensions (" + String.join(", ", names) + "), [] for none");
            } else {
                for (int i = 0; i < items.size(); i++) {
                    String d = dimension(problems, Problems.index("analysis.by", i), items.get(i), dimensions);
                    if (d != null && compare.isPresent() && d.equals(compare.get())) {
                        problems.add(Problems.index("analysis.by", i), d + " is already analysis.compare");
                    } else if (d != null && list.contains(d)) {
                        problems.add(Problems.index("analysis.by", i), d + " is given twice");
                    } else if (d != null) {
                        list.add(d);
                    }
                }
                by = Optional.of(list);
            }
        }
        Optional<String> reference = Optional.empty();
        if (m.containsKey("reference")) {
            Object v = m.get("reference");
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                reference = Optional.of(String.valueOf(v));
            } else {
                problems.badValue("analysis.reference", v, "one value of the compared dimension, as the trials table writes it");
            }
        }
        Optional<Double> threshold = Optional.empty();
        if (m.containsKey("threshold")) {
            Object v = m.get("threshold");
            if (v instanceof Number n && thresholds.contains(n.doubleValue())) {
                threshold = Optional.of(n.doubleValue());
            } else {
                problems.badValue("analysis.threshold", v, thresholds.isEmpty()
                        ? "nothing: the study records no thresholds (add thresholds: [...])"
                        : "one of the study's thresholds " + thresholds + " (only those are recorded during training)");
            }
        }
        double level = AnalysisSpec.DEFAULT_LEVEL;
        if (m.containsKey("level")) {
            Object v = m.get("level");
            if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 0.5) {
                level = n.doubleValue();
            } else {
                problems.badValue("analysis.level", v, "a significance level above 0 and at most 0.5, e.g. 0.05");
            }
        }
        Optional<List<String>> secondary = Optional.empty();
        if (m.containsKey("secondary")) {
            Object v = m.get("secondary");
            if (!(v instanceof List<?> items)) {
                problems.badValue("analysis.secondary", v, "a list of measures: " + String.join(", ", AnalysisSpec.MEASURES));
            } else {
                List<String> list = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    if (item instanceof String s && AnalysisSpec.MEASURES.contains(s)) {
                        if (!list.contains(s)) {
                            list.add(s);
                        }
                    } else {
                        problems.badValue(Problems.index("analysis.secondary", i), item, "one of "
                                + String.join(", ", AnalysisSpec.MEASURES)
                                + (item instanceof String s ? Suggest.didYouMean(s, AnalysisSpec.MEASURES) : ""));
                    }
                }
                secondary = Optional.of(list);
            }
        }
        Map<String, Double> smallest = new java.util.LinkedHashMap<>();
        if (m.containsKey("smallest_effect")) {
            Object v = m.get("smallest_effect");
            if (!(v instanceof Map<?, ?> entries)) {
                problems.badValue("analysis.smallest_effect", v, "a mapping of measure: smallest difference that matters,"
                        + " e.g. {final_test_accuracy: 0.01}");
            } else {
                for (Map.Entry<?, ?> e : entries.entrySet()) {
                    String path = Problems.key("analysis.smallest_effect", String.valueOf(e.getKey()));
                    List<String> allowed = new ArrayList<>(AnalysisSpec.MEASURES);
                    allowed.add(0, AnalysisSpec.EPOCHS);
                    if (!allowed.contains(String.valueOf(e.getKey()))) {
                        problems.add(path, "not a measure" + Suggest.didYouMean(String.valueOf(e.getKey()), allowed)
                                + "; allowed: " + String.join(", ", allowed));
                    } else if (e.getValue() instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
                        smallest.put(String.valueOf(e.getKey()), n.doubleValue());
                    } else {
                        problems.badValue(path, e.getValue(), "a number > 0, in the measure's unit");
                    }
                }
            }
        }
        return new AnalysisSpec(compare, by, reference, threshold, level, secondary, smallest);
    }

    private static String dimension(Problems problems, String path, Object v, List<Dimension> dimensions) {
        for (Dimension d : dimensions) {
            if (v instanceof String s && (d.name().equals(s) || d.keys().contains(s))) {
                return d.name();
            }
        }
        List<String> names = dimensions.stream().map(Dimension::name).toList();
        problems.badValue(path, v, "a dimension of the study's grid: " + String.join(", ", names)
                + (v instanceof String s ? Suggest.didYouMean(s, names) : ""));
        return null;
    }
}
