package io.gradsweep.driver.analysis;

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

    private AnalysisPlan(Factor compare, List<Factor> by, List<Double> thresholds, Optional<Double> headlineThreshold,
            Optional<String> reference, long seed) {
        this.compare = compare;
        this.by = List.copyOf(by);
        this.thresholds = List.copyOf(thresholds);
        this.headlineThreshold = headlineThreshold;
        this.reference = reference;
        this.seed = seed;
    }

    /**
     * Resolves the requested names against the study's grid. Defaults: compare the first grid
     * dimension, group by the others, the study's thresholds.
     *
     * @param compareName null for the default
     * @param byNames null for the default; empty for no cells
     * @param threshold null to analyse all the study's thresholds and pick the headline's from the data
     */
    public static AnalysisPlan resolve(Study study, String compareName, List<String> byNames, Double threshold,
            String reference, long seed) {
        List<Dimension> dims = study.dimensions();
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("study '" + study.name() + "' has no grid dimension: there is nothing to compare");
        }
        Factor compare = compareName == null ? factor(dims.get(0)) : find(dims, compareName, "--compare");
        List<Factor> by = new ArrayList<>();
        if (byNames == null) {
            for (Dimension d : dims) {
                if (!d.name().equals(compare.name())) {
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
        return new AnalysisPlan(compare, by, thresholds, Optional.ofNullable(threshold), Optional.ofNullable(reference), seed);
    }

    private static Factor factor(Dimension d) {
        return new Factor(d.name(), d.keys());
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
}
