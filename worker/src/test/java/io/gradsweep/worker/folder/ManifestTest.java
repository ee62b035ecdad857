package io.gradsweep.worker.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes a manifest.json gradsweep's: the format marker and a study hash, or the exact fields of older ones. */
class ManifestTest {
    private static Manifest.Reading read(String json) {
        return Manifest.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aManifestRoundTripsWithItsMarkerStateAndFailure() {
        Manifest m = new Manifest("tiny", "53bdec32ed45aa0011", "0.1.0", Manifest.State.FAILED, Optional.of("no space"),
                Optional.of("No space left on device"), 8, "activation", "2026-01-01T00:00:00Z",
                Optional.of("2026-01-01T00:01:00Z"), Map.of("ok", 3L), Map.of("spark.master", "local[2]"), "study: tiny")
                .withJdk("17.0.15 (OpenJDK 64-Bit Server VM, Debian)");
        String json = new String(m.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\" : \"gradsweep-output/1\"") && json.contains("\"failure\" : \"no space\"")
                && json.contains("\"java\" : \"17.0.15 (OpenJDK 64-Bit Server VM, Debian)\""), json);
        Manifest back = assertInstanceOf(Manifest.Reading.Ours.class, Manifest.read(m.toJson())).manifest();
        assertEquals(m, back);
        assertEquals("failed: no space", back.describeState());
    }

    @Test
    void anAdaptiveStudysRoundsRoundTripAndAManifestWithoutThemHasNone() {
        Manifest m = new Manifest("tiny", "53bdec32ed45aa0011", "0.1.0", Manifest.State.RUNNING, Optional.empty(),
                Optional.empty(), 8, "activation", "2026-01-01T00:00:00Z", Optional.empty(), Map.of(), Map.of(), "study: tiny")
                .withRounds(java.util.List.of(
                        new AdaptiveRound(1, java.util.List.of(
                                new AdaptiveRound.Cell("depth=2", 5, 0.75, AdaptiveRound.CellState.SETTLED),
                                new AdaptiveRound.Cell("depth=8", 5, Double.NaN, AdaptiveRound.CellState.OPEN))),
                        new AdaptiveRound(2, java.util.List.of(
                                new AdaptiveRound.Cell("depth=2", 5, Double.NaN, AdaptiveRound.CellState.TRAINING),
                                new AdaptiveRound.Cell("depth=8", 10, Double.NaN, AdaptiveRound.CellState.TRAINING)))));
        String json = new String(m.toJson(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"half_width\" : null") && json.contains("\"state\" : \"settled\""), json);
        Manifest back = assertInstanceOf(Manifest.Reading.Ours.class, Manifest.read(m.toJson())).manifest();
        assertEquals(m, back);
        assertEquals("round 1: 1 of 2 cells settled, 0 at the maximum without settling, 1 open", back.rounds().get(0).describe());
        assertEquals("round 2: training, not analysed yet (2 of 2 cells)", back.rounds().get(1).describe());
        assertEquals(java.util.List.of(), new Manifest("tiny", "53bdec32ed45aa0011", "0.1.0", Manifest.State.RUNNING,
                Optional.empty(), Optional.empty(), 8, "activation", "s", Optional.empty(), Map.of(), Map.of(), "t").rounds());
        assertTrue(!new String(back.withRounds(java.util.List.of()).toJson(), StandardCharsets.UTF_8).contains("rounds"),
                "a fixed study's manifest keeps the keys it always had");
    }

    @Test
    void aManifestWrittenBeforeTheMarkerIsStillOurs() {
        // as the run of commit af4361f wrote it (keys and types), abridged
        Manifest m = assertInstanceOf(Manifest.Reading.Ours.class, read("""
                {"tool" : "gradsweep", "study" : "tiny", "study_hash" : "53bdec32ed45c0ffee53bdec32ed45c0ffee",
                 "code_version" : "0.1.0-SNAPSHOT", "state" : "complete", "trials" : 8, "partition_by" : "activation",
                 "started" : "2026-11-25T21:10:15Z", "ended" : "2026-11-25T21:11:13Z", "counts" : {"ok" : 8},
                 "spark" : {"spark.master" : "local[2]"}, "study_text" : "study: tiny"}""")).manifest();
        assertEquals(Manifest.State.COMPLETE, m.state());
        assertEquals(Map.of("ok", 8L), m.counts());
    }

    @Test
    void anyOtherManifestJsonIsForeignAndSaysWhatItHolds() {
        Manifest.Reading.Foreign ext = assertInstanceOf(Manifest.Reading.Foreign.class,
                read("{\"manifest_version\": 3, \"name\": \"tabs\", \"background\": {}}"));
        assertTrue(ext.why().contains("manifest_version") && ext.why().contains("name"), ext.why());
        assertInstanceOf(Manifest.Reading.Foreign.class, read("{\"tool\": \"gradsweep\"}"));
        assertInstanceOf(Manifest.Reading.Foreign.class, read("{\"tool\": \"gradsweep\", \"study_hash\": \"\","
                + " \"study\": \"x\", \"state\": \"complete\", \"trials\": 1}"));
        assertTrue(((Manifest.Reading.Foreign) read("{\"format\": \"gradsweep-output/2\", \"tool\": \"gradsweep\"}"))
                .why().contains("gradsweep-output/2"));
        assertInstanceOf(Manifest.Reading.Foreign.class, read("[1, 2]"));
        assertInstanceOf(Manifest.Reading.Foreign.class, read("{\"name\": \"my-app\", \"version\": \"1.0.0\""));
        assertInstanceOf(Manifest.Reading.Foreign.class, read(""));
    }
}
