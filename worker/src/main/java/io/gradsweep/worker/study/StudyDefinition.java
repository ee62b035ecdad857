package io.gradsweep.worker.study;

import java.util.List;
import java.util.Map;

/**
 * A study file after validation: canonical values throughout. {@code base} holds only the settings
 * that differ from the defaults (so writing a default out does not change the study's hash);
 * {@code origins} maps a setting to the key path that sets it and {@code lines} a key path to its
 * line, for messages.
 */
record StudyDefinition(String name, long seed, int replicates, long maxTrials, Map<String, Object> base,
                       List<Double> thresholds, String partitionBy, Grid grid, List<WhenRule> rules,
                       List<Condition> excludes, Map<String, String> origins, Map<String, Integer> lines,
                       AnalysisSpec analysis, java.util.Optional<ReplicationRule> replicationRule) {
}
