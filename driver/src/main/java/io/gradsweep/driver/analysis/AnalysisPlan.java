package io.gradsweep.driver.analysis;

import io.gradsweep.worker.study.AnalysisSpec;
import io.gradsweep.worker.study.Dimension;
import io.gradsweep.worker.study.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an analysis compares: the factor whose values are the arms ({@code --compare}), the factors
 * whose combinations are the cells ({@code --by}), the loss thresholds, the reference arm and the
 * bootstrap seed. Resolved against the study, so a misspelt factor is refused with the names allowed.
 */
public final class AnalysisPlan {
    private final Factor compare;
    private final List<Factor> by;
    private final List<Double> thresholds;
    private final Optional<Double> headlineThreshold;
    private final Optional<String> reference;
    private final long seed;
    /** Where the headline threshold came from: "analysis.threshold", "--threshold", or "" (picked from the data). */
    private final String thresholdSource;
    /** Where the reference came from: "analysis.reference" or "--reference" (for messages). */
    private final String referenceSource;
    private final double level;
    private final List<String> secondary;
    private final java.util.Map<String, Double> smallestEffect;

    private AnalysisPlan(Factor compare, List<Factor> by, List<Double> thresholds, Optional<Double> headlineThreshold,
            Optional<String> reference, long seed, String thresholdSource, String referenceSource, double level,
            List<String> secondary, java.util.Map<String, Double> smallestEffect) {
        this.compare = compare;
        this.by = List.copyOf(by);
        this.thresholds = List.copyOf(thresholds);
        this.headlineThreshold = headlineThreshold;
        this.reference = reference;
        this.seed = seed;
        this.thresholdSource = thresholdSource;
        this.referenceSource = referenceSource;
        this.level = level;
        this.secondary = List.copyOf(secondary);
        this.smallestEffect = java.util.Map.copyOf(smallestEffect);
    }

    /** The measures compared besides the time to threshold when the study declares none. */
    static final List<String> DEFAULT_SECONDARY = List.of("log_loss_area", "final_test_accuracy", "best_test_loss");

    /**
     * Resolves the requested names against the study's grid. A flag overrides the study's
     * {@code analysis:} block, which overrides the defaults: compare the first grid dimension,
     * group by the others, the study's thresholds.
     *
     * @param compareName null for the default
     * @param byNames null for the default; empty for no cells
     * @param threshold null to analyse all the study's thresholds and pick the headline's from the data
     */
    public static AnalysisPlan resolve(Study study, String compareName, List<String> byNames, Double threshold,
            String reference, long seed) {
        AnalysisSpec declared = study.analysis();
        String compareFlag = compareName != null || declared.compare().isEmpty() ? "--compare" : "analysis.compare";
        compareName = compareName != null ? compareName : declared.compare().orElse(null);
        if (byNames == null && declared.by().isPresent()) {
            byNames = declared.by().get();
        }
        String thresholdSource = threshold != null ? "--threshold" : declared.threshold().isPresent() ? "analysis.threshold" : "";
        threshold = threshold != null ? threshold : declared.threshold().orElse(null);
        String referenceSource = reference != null || declared.reference().isEmpty() ? "--reference" : "analysis.reference";
        reference = reference != null ? reference : declared.reference().orElse(null);
        List<Dimension> dims = study.dimensions();
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("study '" + study.name() + "' has no grid dimension: there is nothing to compare");
        }
        Factor compare = compareName == null ? factor(dims.get(0)) : find(dims, compareName, compareFlag);
        if (reference != null) {
            // checked here, from the study alone, so that a misspelt arm is refused before any table is read;
            // a value as the study file writes it (elu, 0.0001) stands for the table's (elu(alpha=1.0), 1.0E-4)
            Dimension d = dimension(dims, compare);
            for (int i = 0; i < d.size(); i++) {
                if (d.values().get(i).equals(reference) || sameNumber(d.canonicalValues().get(i), reference)) {
                    reference = d.canonicalValues().get(i);
                    break;
                }
            }
            List<String> arms = Groups.values(study, compare, d.size());
            if (!arms.contains(reference)) {
                throw new IllegalArgumentException(referenceSource + " " + reference + ": not a value of " + compare.name()
                        + "; its values are " + arms);
            }
        }
        List<Factor> by = new ArrayList<>();
        if (byNames == null) {
            for (Dimension d : dims) {
                // a seed source varied by the grid is what pairs runs across the arms, not a cell
                if (!d.name().equals(compare.name()) && !isSeedSource(d)) {
                    by.add(factor(d));
                }
            }
        } else {
            for (String name : byNames) {
                Factor f = find(dims, name, "--by");
                if (f.name().equals(compare.name())) {
                    throw new IllegalArgumentException("--by " + name + ": it is already the --compare factor");
                }
                if (by.contains(f)) {
                    throw new IllegalArgumentException("--by " + name + ": given twice");
                }
                by.add(f);
            }
        }
        List<Double> thresholds = new ArrayList<>(study.thresholds());
        if (threshold != null && !thresholds.contains(threshold)) {
            throw new IllegalArgumentException("--threshold " + threshold + ": the study records only the thresholds "
                    + thresholds + " (steps to a threshold are recorded during training, so only those can be analysed)");
        }
        return new AnalysisPlan(compare, by, thresholds, Optional.ofNullable(threshold), Optional.ofNullable(reference), seed,
                thresholdSource, referenceSource, declared.level(), declared.secondary().orElse(DEFAULT_SECONDARY),
                declared.smallestEffect());
    }

    /** A dimension that varies only seed sources (split_seed, order_seed, init_seed). */
    static boolean isSeedSource(Dimension d) {
        return io.gradsweep.core.train.TrialSpec.SEED_SOURCES.containsAll(d.keys());
    }

    private static Factor factor(Dimension d) {
        return new Factor(d.name(), d.keys());
    }

    /** 0.0001 and 1.0E-4: the same number written two ways. */
    private static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Dimension dimension(List<Dimension> dims, Factor f) {
        return dims.stream().filter(d -> d.name().equals(f.name())).findFirst().orElseThrow();
    }

    private static Factor find(List<Dimension> dims, String name, String flag) {
        List<String> names = new ArrayList<>();
        for (Dimension d : dims) {
            if (d.name().equals(name) || d.keys().contains(name)) {
                return factor(d);
            }
            names.add(d.name());
        }
        throw new IllegalArgumentException(flag + " " + name + ": not a dimension of the study's grid; its dimensions are " + names);
    }

    public Factor compare() {
        return compare;
    }

    public List<Factor> by() {
        return by;
    }

    /** The study's thresholds, in file order (as the trials table's threshold lists are). */
    public List<Double> thresholds() {
        return thresholds;
    }

    public Optional<Double> headlineThreshold() {
        return headlineThreshold;
    }

    /** The arm the others are compared with; empty = the compare factor's first value. */
    public Optional<String> reference() {
        return reference;
    }

    public long seed() {
        return seed;
    }

    /** "analysis.threshold" (declared: the primary endpoint), "--threshold", or "" (picked from the data: exploratory). */
    public String thresholdSource() {
        return thresholdSource;
    }

    /** "analysis.reference" or "--reference": the name to give in a message about the reference. */
    public String referenceSource() {
        return referenceSource;
    }

    /** The significance level; intervals cover 1 - level. */
    public double level() {
        return level;
    }

    /** The smallest effect of interest the study declares, per measure column; others get the measure's default. */
    public java.util.Map<String, Double> smallestEffect() {
        return smallestEffect;
    }

    /** The measures compared pairwise besides the time to threshold, by column name. */
    public List<String> secondary() {
        return secondary;
    }
}
