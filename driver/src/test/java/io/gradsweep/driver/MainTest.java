package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.train.TrialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out;
        err = r.err;
        return r.code;
    }

    @Test
    void trainPrintsOneRowPerEvaluationPointAndTheSummary() {
        assertEquals(0, run("train", "--dataset", "iris", "--epochs", "3", "--width", "8", "--thresholds", "0.9,1e-9"));
        List<String> rows = out.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\.\\d\\d .*")).toList();
        assertEquals(4, rows.size(), out);
        assertTrue(out.contains("status ok after"), out);
        assertTrue(out.contains("train loss <= 1.0E-9: never (censored at step 6)"), out);
    }

    @Test
    void csvFormatHasFullPrecisionAndPerLayerArrays() {
        assertEquals(0, run("train", "--dataset", "iris", "--epochs", "2", "--depth", "3", "--width", "8",
                "--format", "csv"));
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).startsWith("step,epoch,minibatch_loss,train_loss"), lines.get(0));
        assertEquals(1 + 3, lines.size(), "header, step 0 and two epochs");
        String[] cells = lines.get(2).split(",");
        assertEquals(4, cells[8].split(";").length, "gradient norms of 3 hidden layers and the output layer");
        assertEquals(3, cells[9].split(";").length, "dead fractions of 3 hidden layers");
        double trainLoss = Double.parseDouble(cells[3]);
        assertTrue(trainLoss > 0 && trainLoss < 2, cells[3]);
    }

    @Test
    void badInputExitsTwoAndNamesTheFlag() {
        assertEquals(2, run("train", "--lr", "-1"));
        assertTrue(err.contains("--lr") && err.contains("-1") && err.contains("> 0"), err);
        assertEquals(2, run("train", "--depht", "3"));
        assertTrue(err.contains("unknown flag --depht (did you mean '--depth'?)"), err);
        assertEquals(2, run("train", "--activation", "rellu"));
        assertTrue(err.contains("--activation") && err.contains("relu"), err);
        assertEquals(2, run("train", "--epochs"));
        assertTrue(err.contains("--epochs needs a value"), err);
        assertEquals(2, run("train", "--dataset", "spirals(n=abc)"));
        assertTrue(err.contains("--dataset") && err.contains("n=abc"), err);
        assertEquals(2, run("train", "--format", "xml"));
        assertTrue(err.contains("table or csv"), err);
        assertEquals(2, run("bench", "--depth", "two"));
        assertTrue(err.contains("--depth two"), err);
        assertEquals(2, run("run", "../conf/studies/quickstart.yaml", "--out", "target/never", "--master", "bogus://x"));
        assertTrue(err.contains("--master bogus://x: not a Spark master URL"), err);
        assertEquals(2, run("run", "no-such-study.yaml", "--out", "target/never"));
        assertTrue(err.contains("no-such-study.yaml"), err);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.contains("unknown command 'frobnicate'"), err);
        assertEquals(2, run());
        assertTrue(out.contains("Usage"), out);
    }

    @Test
    void everyCommandTakesDashHAndDashDashHelp() {
        for (String command : new String[] {"train", "run", "plan", "status", "analyze", "bench"}) {
            for (String flag : new String[] {"-h", "--help"}) {
                assertEquals(0, run(command, flag), command + " " + flag + ": " + err);
                assertTrue(out.startsWith("Usage: gradsweep " + command), out);
                assertTrue(err.isEmpty(), err);
            }
        }
        assertEquals(0, run("help", "train"));
        assertTrue(out.startsWith("Usage: gradsweep train"), out);
    }

    @Test
    void versionNamesTheCodeVersionTheManifestRecordsAndTheJdk() {
        assertEquals(0, run("--version"));
        assertTrue(out.contains("gradsweep " + io.gradsweep.core.CodeVersion.get() + "\n"), out);
        assertTrue(out.contains("JDK " + System.getProperty("java.version")), out);
    }

    @Test
    void aMistypedCommandOrFlagGetsTheClosestName() {
        assertEquals(2, run("anlyze", "out"));
        assertTrue(err.contains("unknown command 'anlyze' (did you mean 'analyze'?)"), err);
        assertEquals(2, run("frobnicate"));
        assertTrue(err.contains("commands: plan, run, status, analyze, train, bench, help"), err);
        // a typo wins over the required --out it makes look missing
        assertEquals(2, run("run", "s.yaml", "--rplace"));
        assertTrue(err.contains("gradsweep run: unknown flag --rplace (did you mean '--replace'?)"), err);
        assertEquals(2, run("run", "s.yaml"));
        assertTrue(err.contains("--out DIR is required"), err);
        assertEquals(2, run("bench", "--warmup_secs", "1"));
        assertTrue(err.contains("unknown flag --warmup-secs (did you mean '--warmup-seconds'?)"), err);
    }

    @Test
    void underscoresAndDashesNameTheSameFlagAndValuesAreLeftAlone() {
        assertEquals(2, run("train", "--init_gain", "0"));
        assertTrue(err.contains("--init-gain '0' is not allowed"), err);
        assertEquals(2, run("train", "--dataset=no_such_set"));
        assertTrue(err.contains("no_such_set"), err);
    }

    @Test
    void aTrialWhoseDataCannotBeReadExitsOneWithTheReason() {
        assertEquals(1, run("train", "--dataset", "csv(path=/no/such/file.csv,label=y)"));
        assertTrue(out.contains("status failed") && out.contains("/no/such/file.csv"), out);
    }

    @Test
    void helpListsEverySetting() {
        assertEquals(0, run("train", "--help"));
        for (String[] setting : TrialSpec.describeSettings()) {
            assertTrue(out.contains("--" + setting[0].replace('_', '-')), setting[0]);
        }
    }

    @Test
    void readmeDocumentsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String[] setting : TrialSpec.describeSettings()) {
            assertTrue(readme.contains("`" + setting[0] + "`"), "README lacks setting " + setting[0]);
        }
    }
}
