package io.gradsweep.worker.folder;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}: which study a folder holds and how its last run ended. Its
 * {@code "format"} marker and study hash are what make a folder gradsweep's; a file that is merely
 * named manifest.json (a browser extension's, a web app's) is {@link Reading#foreign foreign}, and
 * nothing in its folder is ever deleted. Manifests written before the marker existed are recognised
 * by their exact gradsweep fields, so that folders written then still resume.
 *
 * <p>An adaptive study's run adds {@code "rounds"}: per round of replication, the replicates each
 * cell trained to and, once the round is analysed, how many cells are settled and at the maximum
 * ({@link AdaptiveRound}). A manifest without the key (a fixed study's, or one written before it
 * existed) reads as no rounds.
 *
 * <p>{@code "java"} names the JDK of the last run's driver (in local mode also the JVM that trained
 * its trials); absent in manifests written before it existed, which read it as "".
 */
public record Manifest(String study, String studyHash, String codeVersion, State state, Optional<String> failure,
                       Optional<String> error, long trials, String partitionBy, String started, Optional<String> ended,
                       Map<String, Long> counts, Map<String, String> spark, String studyText,
                       java.util.List<AdaptiveRound> rounds, String jdk) {
    /** The marker of this layout; a later incompatible layout gets /2. */
    public static final String FORMAT = "gradsweep-output/1";
    private static final String TOOL = "gradsweep";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a run ended, or that it is still running (or was killed while it ran). */
    public enum State {
        RUNNING, COMPLETE, FAILED, INTERRUPTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<State> of(String label) {
            for (State s : values()) {
                if (s.label().equals(label)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** What a manifest.json turned out to be. */
    public sealed interface Reading {
        /** Gradsweep's (with the marker, or an older one of ours without). */
        record Ours(Manifest manifest) implements Reading {
        }

        /** Not gradsweep's: {@code why} says what was found instead. */
        record Foreign(String why) implements Reading {
        }
    }

    public Manifest {
        counts = Map.copyOf(counts);
        spark = Map.copyOf(spark);
        rounds = java.util.List.copyOf(rounds);
    }

    /** A manifest with no rounds of adaptive replication (a fixed study's) and no JDK named. */
    public Manifest(String study, String studyHash, String codeVersion, State state, Optional<String> failure,
                    Optional<String> error, long trials, String partitionBy, String started, Optional<String> ended,
                    Map<String, Long> counts, Map<String, String> spark, String studyText) {
        this(study, studyHash, codeVersion, state, failure, error, trials, partitionBy, started, ended, counts, spark,
                studyText, java.util.List.of(), "");
    }

    /** This JVM as the manifest names it: version, VM and vendor, e.g. "17.0.15 (OpenJDK 64-Bit Server VM, Debian)". */
    public static String thisJdk() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    public Manifest withJdk(String newJdk) {
        return new Manifest(study, studyHash, codeVersion, state, failure, error, trials, partitionBy, started, ended,
                counts, spark, studyText, rounds, newJdk);
    }

    /** The state and, for a failure, its kind: "complete", "failed: no space", "interrupted". */
    public String describeState() {
        return state.label() + failure.map(f -> ": " + f).orElse("");
    }

    public Manifest withState(State newState, Optional<String> newFailure, Optional<String> newError,
                              Optional<String> newEnded) {
        return new Manifest(study, studyHash, codeVersion, newState, newFailure, newError, trials, partitionBy,
                started, newEnded, counts, spark, studyText, rounds, jdk);
    }

    public Manifest withCounts(Map<String, Long> newCounts) {
        return new Manifest(study, studyHash, codeVersion, state, failure, error, trials, partitionBy, started, ended,
                newCounts, spark, studyText, rounds, jdk);
    }

    public Manifest withRounds(java.util.List<AdaptiveRound> newRounds) {
        return new Manifest(study, studyHash, codeVersion, state, failure, error, trials, partitionBy, started, ended,
                counts, spark, studyText, newRounds, jdk);
    }

    /** The file's bytes: pretty-printed JSON, keys in a fixed order. */
    public byte[] toJson() {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("tool", TOOL);
        m.put("study", study);
        m.put("study_hash", studyHash);
        m.put("code_version", codeVersion);
        m.put("state", state.label());
        failure.ifPresent(f -> m.put("failure", f));
        error.ifPresent(e -> m.put("error", e));
        m.put("trials", trials);
        m.put("partition_by", partitionBy);
        m.put("started", started);
        ended.ifPresent(e -> m.put("ended", e));
        if (!counts.isEmpty() || state == State.COMPLETE) {
            ObjectNode c = m.putObject("counts");
            new TreeMap<>(counts).forEach(c::put);
        }
        ObjectNode s = m.putObject("spark");
        new TreeMap<>(spark).forEach(s::put);
        m.put("study_text", studyText);
        if (!jdk.isEmpty()) {
            m.put("java", jdk);
        }
        if (!rounds.isEmpty()) {
            var list = m.putArray("rounds");
            rounds.forEach(r -> list.add(r.toJson(JSON)));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest of strings and numbers always serialises", e);
        }
    }

    /** Reads a manifest.json's bytes, telling gradsweep's from anything else of that name. */
    public static Reading read(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return new Reading.Foreign("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            return new Reading.Foreign("unreadable (" + e.getMessage() + ")");
        }
        if (n == null || !n.isObject()) {
            return new Reading.Foreign("not a JSON object");
        }
        boolean marked = n.has("format");
        if (marked && !FORMAT.equals(n.path("format").asText())) {
            return new Reading.Foreign("\"format\": " + n.get("format") + ", not \"" + FORMAT + "\"");
        }
        // before the marker: the fields every manifest of ours had, with their types
        if (!TOOL.equals(n.path("tool").asText(null))) {
            return new Reading.Foreign("no \"format\": \"" + FORMAT + "\" and no \"tool\": \"gradsweep\" (keys "
                    + keys(n) + ")");
        }
        String hash = n.path("study_hash").asText("");
        if (!n.path("study_hash").isTextual() || !HASH.matcher(hash).matches()) {
            return new Reading.Foreign("\"study_hash\" is " + n.get("study_hash") + ", not a hex study hash");
        }
        Optional<State> state = State.of(n.path("state").asText(""));
        if (!n.path("study").isTextual() || state.isEmpty() || !n.path("trials").canConvertToLong()) {
            return new Reading.Foreign("\"study\", \"state\" or \"trials\" missing or of another type");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        n.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        Map<String, String> spark = new LinkedHashMap<>();
        n.path("spark").fields().forEachRemaining(e -> spark.put(e.getKey(), e.getValue().asText()));
        return new Reading.Ours(new Manifest(n.path("study").asText(), hash, n.path("code_version").asText(""),
                state.get(), text(n, "failure"), text(n, "error"), n.path("trials").asLong(),
                n.path("partition_by").asText(""), n.path("started").asText(""), text(n, "ended"), counts, spark,
                n.path("study_text").asText(""), AdaptiveRound.listOf(n.path("rounds")), n.path("java").asText("")));
    }

    private static Optional<String> text(JsonNode n, String key) {
        return n.hasNonNull(key) ? Optional.of(n.get(key).asText()) : Optional.empty();
    }

    private static String keys(JsonNode n) {
        StringBuilder s = new StringBuilder();
        n.fieldNames().forEachRemaining(k -> s.append(s.length() == 0 ? "" : ", ").append(k));
        return s.length() > 200 ? s.substring(0, 200) + "..." : s.toString();
    }
}
