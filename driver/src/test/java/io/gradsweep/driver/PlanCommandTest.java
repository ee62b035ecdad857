package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;
    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out;
        err = r.err;
        return r.code;
    }

    private String file(String name, String text) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f.toString();
    }

    /** A malformed study, and what stderr must say: the key path first, then the telling words. */
    private record Bad(String name, String yaml, List<String> mustSay) {
    }

    private static Bad bad(String name, String yaml, String... mustSay) {
        return new Bad(name, yaml, List.of(mustSay));
    }

    private static final List<Bad> BAD = List.of(
            bad("unknown-key", "study: s\nbase:\n  depht: 3\n",
                    "base.depht (line 3)", "unknown setting 'depht'", "did you mean 'depth'"),
            bad("unknown-top-key", "study: s\nreplicate: 3\n", "replicate (line 2)", "did you mean 'replicates'"),
            bad("unknown-grid-key", "study: s\ngrid:\n  zipp:\n    - {lr: [0.1]}\n",
                    "grid.zipp", "did you mean 'zip'"),
            bad("wrong-type-list-in-list", "study: s\ngrid:\n  depth: [1, [2, 3]]\n",
                    "grid.depth[1]", "[2, 3] is not allowed", "a single value of depth"),
            bad("wrong-type-replicates", "study: s\nreplicates: many\n", "replicates", "'many'", "an integer"),
            bad("wrong-type-base", "study: s\nbase: [relu]\n", "base", "expected a mapping", "found a list"),
            bad("depth-negative", "study: s\ngrid:\n  depth: [2, -1]\n", "grid.depth[1] (line 3)", "-1", ">= 0"),
            bad("lr-zero", "study: s\nbase: {lr: 0}\n", "base.lr", "0 is not allowed", "> 0"),
            bad("width-zero", "study: s\ngrid:\n  width: [0, 64]\n", "grid.width[0]", "0 is not allowed", ">= 1"),
            bad("unknown-activation", "study: s\ngrid:\n  activation: [relu, rellu]\n",
                    "grid.activation[1]", "unknown activation 'rellu'", "leaky_relu"),
            bad("unknown-dataset", "study: s\nbase: {dataset: mnits}\n", "base.dataset", "unknown data set 'mnits'",
                    "digits"),
            bad("all-excluded", "study: s\ngrid:\n  activation: [relu, elu]\nexclude:\n  - {activation: [relu, elu]}\n",
                    "exclude (line 4)", "every one of the 2 grid points is excluded"),
            bad("threshold-not-a-number", "study: s\nthresholds: [0.5, low]\n", "thresholds[1]", "'low'", "> 0"),
            bad("threshold-negative", "study: s\nthresholds: [0.5, -0.1]\n", "thresholds[1]", "-0.1", "> 0"),
            bad("yaml-syntax", "study: s\ngrid:\n  lr: [0.1, 0.2\n  depth: 3\n",
                    "line 4, column 8", "YAML syntax error"),
            bad("zip-unequal", "study: s\ngrid:\n  zip:\n    - {optimizer: [sgd, adam, rmsprop], lr: [0.1, 0.01]}\n",
                    "grid.zip[0].lr", "has 2 values but grid.zip[0].optimizer has 3"),
            bad("range-wrong-direction", "study: s\ngrid:\n  lr: {from: 1, to: 0.1, step: 0.1}\n",
                    "grid.lr.step", "never gets from 1 to 0.1"),
            bad("range-log-from-zero", "study: s\ngrid:\n  lr: {from: 0, to: 1, num: 5, log: true}\n",
                    "grid.lr.from", "log spacing needs from > 0"),
            bad("range-unknown-key", "study: s\ngrid:\n  depth: {from: 1, to: 8, stpe: 1}\n",
                    "grid.depth.stpe", "did you mean 'step'"),
            bad("range-values-bad", "study: s\ngrid:\n  depth: {from: -2, to: 2, step: 2}\n",
                    "grid.depth", "range value -2", ">= 0"),
            bad("when-set-unknown-key", "study: s\nwhen:\n  - if: {activation: selu}\n    set: {inti: lecun_normal}\n",
                    "when[0].set.inti", "did you mean 'init'"),
            bad("when-set-bad-value", "study: s\nwhen:\n  - if: {activation: selu}\n    set: {init: xavier}\n",
                    "when[0].set.init", "'xavier'", "glorot_normal"),
            bad("when-if-unknown-key", "study: s\nwhen:\n  - if: {activaton: selu}\n    set: {init: lecun_normal}\n",
                    "when[0].if.activaton", "did you mean 'activation'"),
            bad("when-unknown-part", "study: s\nwhen:\n  - if: {activation: selu}\n    sett: {init: lecun_normal}\n",
                    "when[0].sett", "did you mean 'set'"),
            bad("exclude-bad-value", "study: s\ngrid:\n  depth: [1, 2]\nexclude:\n  - {depth: [two]}\n",
                    "exclude[0].depth[0]", "'two'", "an integer"),
            bad("too-many-trials", "study: s\nmax_trials: 10\nreplicates: 4\ngrid:\n  depth: [1, 2, 3]\n",
                    "max_trials", "12 trials", "3 x 4 replicates", "more than max_trials (10)"),
            bad("bad-partition-by", "study: s\npartition_by: activaton\n", "partition_by", "'activaton'",
                    "did you mean 'activation'"),
            bad("missing-name", "seed: 3\n", "study", "missing"),
            bad("bad-name", "study: My Study\n", "study", "'My Study'", "a-z, 0-9, _ and -"),
            bad("study-seed-in-base", "study: s\nbase: {seed: 4}\n", "base.seed", "top level"),
            bad("epochs-without-steps", "study: s\nbase: {epochs: 0}\n", "base.epochs", "max_steps is 0"),
            bad("data-cannot-be-loaded", "study: s\nbase: {dataset: 'csv(path=/no/such/file.csv,label=y)'}\n",
                    "/no/such/file.csv"));

    @Test
    void everyMalformedStudyExitsTwoNamingTheKeyPathAndWritesNothing() throws IOException {
        assertTrue(BAD.size() >= 15);
        for (Bad b : BAD) {
            String path = file(b.name(), b.yaml());
            assertEquals(2, run("plan", path), b.name() + ": " + err);
            assertEquals("", out, b.name() + ": nothing on stdout");
            assertTrue(err.startsWith("gradsweep plan: " + path), b.name() + ": " + err);
            for (String s : b.mustSay()) {
                assertTrue(err.contains(s), b.name() + " must say \"" + s + "\": " + err);
            }
        }
    }

    @Test
    void missingFileAndBadArgumentsExitTwo() {
        assertEquals(2, run("plan", dir.resolve("none.yaml").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("plan"));
        assertTrue(err.contains("expected one study file"), err);
        assertEquals(2, run("plan", "a.yaml", "--bench-seconds", "soon"));
        assertTrue(err.contains("--bench-seconds soon"), err);
    }

    @Test
    void quickstartPlanShowsCountsDimensionsWorkAndLayout() {
        Path quickstart = Path.of("..", "conf", "studies", "quickstart.yaml");
        assertEquals(0, run("plan", quickstart.toString(), "--bench-seconds", "0.3"), err);
        assertTrue(out.contains("study       quickstart"), out);
        assertTrue(out.contains("hash        " + Study.load(quickstart).hash()), out);
        assertTrue(out.contains("trials      30  (index space 30"), out);
        assertTrue(out.contains("0 excluded"), out);
        assertTrue(out.contains("replicates  5"), out);
        assertTrue(out.contains("activation (3): relu, elu, tanh"), out);
        assertTrue(out.contains("depth (2): 2, 6"), out);
        assertTrue(out.contains("1,438 training rows, 64 inputs, 10 outputs"), out);
        // 6 x 1438 rows x 10 epochs x 15 trials x (weights at depth 2 + depth 6), width 64:
        // (64*64 + 64*64 + 64*10) + (64*64 + 5*64*64 + 64*10) = 8832 + 25216
        double flops = 6.0 * 1438 * 10 * 15 * (8832 + 25216);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "work        %.3g FLOPs", flops)), out);
        assertTrue(out.contains("GFLOP/s on one core"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("core time   [0-9.]+ (s|min) on one core, an estimate: .*")),
                "core time in seconds or minutes, not hours in scientific notation: " + out);
        assertTrue(out.contains("trials/activation=<value>/"), out);
        assertTrue(out.contains("3 partitions: elu(alpha=1.0) (10), relu (10), tanh (10)"), out);
        assertTrue(out.contains("traces/activation=<value>/"), out);
    }

    @Test
    void planCountsExclusionsAndShowsZipGroups() throws IOException {
        String path = file("zip", """
                study: zipped
                replicates: 2
                base: {dataset: iris, epochs: 2, width: 8}
                grid:
                  activation: [relu, elu]
                  zip:
                    - {optimizer: [sgd, adam], lr: [0.1, 0.001]}
                exclude:
                  - {activation: elu, optimizer: adam}
                partition_by: optimizer
                """);
        assertEquals(0, run("plan", path, "--bench-seconds", "0"), err);
        assertTrue(out.contains("trials      6  (index space 8"), out);
        assertTrue(out.contains("2 excluded"), out);
        assertTrue(out.contains("optimizer+lr (2): sgd+0.1, adam+0.001"), out);
        assertTrue(out.contains("speed       not measured"), out);
        assertTrue(out.contains("trials/optimizer=<value>/  one row per trial; 2 partitions: adam (2), sgd (4)"), out);
    }

    /**
     * Evaluated once per epoch, a 4-epoch budget has its late points 25% of the budget apart and a
     * 20-epoch one 5%: the warning (above 10%) comes only when thresholds make time an endpoint.
     */
    @Test
    void coarseEvaluationPointsAreWarnedAboutWhenThresholdsAreRecorded() throws IOException {
        String coarse = file("coarse", "study: coarse\nbase: {dataset: iris, epochs: 4, width: 8}\n"
                + "grid:\n  activation: [relu]\nthresholds: [0.5]\n");
        assertEquals(0, run("plan", coarse, "--bench-seconds", "0"), err);
        assertTrue(out.contains("warning     evaluation points are up to 25% of a trial's budget apart"), out);
        String fine = file("fine", "study: fine\nbase: {dataset: iris, epochs: 20, width: 8}\n"
                + "grid:\n  activation: [relu]\nthresholds: [0.5]\n");
        assertEquals(0, run("plan", fine, "--bench-seconds", "0"), err);
        assertTrue(!out.contains("evaluation points are up to"), out);
        String none = file("none", "study: none\nbase: {dataset: iris, epochs: 4, width: 8}\ngrid:\n  activation: [relu]\n");
        assertEquals(0, run("plan", none, "--bench-seconds", "0"), err);
        assertTrue(!out.contains("evaluation points are up to"), "no threshold, no time endpoint: " + out);
    }

    @Test
    void helpDescribesPlan() {
        assertEquals(0, run("plan", "--help"));
        assertTrue(out.contains("Usage: gradsweep plan [-h] [--bench-seconds=S] [--max-trials=N] [--pilot=DIR] STUDY.yaml")
                && out.contains("(default 1)"), out);
        assertEquals(0, run("--help"));
        assertTrue(out.contains("plan     validate a study file"), out);
    }
}
