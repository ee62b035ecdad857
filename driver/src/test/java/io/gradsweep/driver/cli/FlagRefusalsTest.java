package io.gradsweep.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, case 9: flag values that used to mean something else silently are refused, before any folder exists. */
class FlagRefusalsTest {
    @TempDir
    Path dir;

    private String study() throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), "study: s\nbase: {dataset: xor, epochs: 1}\n").toString();
    }

    private CliRun refusedBeforeTheFolder(Path out, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code, r.out + r.err);
        assertFalse(Files.exists(out), "no folder is created for a refused run: " + out);
        return r;
    }

    @Test
    void aSwitchGivenAnotherValueIsRefusedWithWhatIsAllowed() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = refusedBeforeTheFolder(out, "run", study(), "--out", out.toString(), "--replace=maybe");
        assertTrue(r.err.contains("--replace=maybe: --replace is a switch; give it alone (or as --replace=true or"
                + " --replace=false)"), r.err);
        r = refusedBeforeTheFolder(out, "run", study(), "--out", out.toString(), "--fail-fast=yes");
        assertTrue(r.err.contains("--fail-fast=yes: --fail-fast is a switch"), r.err);
    }

    @Test
    void switchesTakeTrueAndFalse() {
        picocli.CommandLine cli = Cli.commandLine(System.out, System.err);
        cli.parseArgs("run", "s.yaml", "--out", "o", "--replace", "--fail-fast=false");
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        assertTrue(run.replace);
        assertFalse(run.failFast);
        cli = Cli.commandLine(System.out, System.err);
        cli.parseArgs("run", "--fail-fast=true", "s.yaml", "--out", "o");
        run = cli.getSubcommands().get("run").getCommand();
        assertFalse(run.replace);
        assertTrue(run.failFast);
        assertEquals(List.of("s.yaml"), run.files, "a switch given alone does not take the next argument");
        cli = Cli.commandLine(System.out, System.err);
        cli.parseArgs("analyze", "dir", "--linear-loss=true");
        assertTrue(((AnalyzeCommand) cli.getSubcommands().get("analyze").getCommand()).linearLoss);
        CliRun r = CliRun.of("analyze", "dir", "--linear-loss=1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--linear-loss=1: --linear-loss is a switch; give it alone (or as --linear-loss=true"
                + " or --linear-loss=false)"), r.err);
    }

    @Test
    void anEmptyOutIsRefusedNotTakenAsTheCurrentFolder() throws IOException {
        CliRun r = CliRun.of("run", study(), "--out", "");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("--out '': empty; name the folder"), r.err);
        assertFalse(Files.exists(Path.of("manifest.json")) && Files.exists(Path.of("_gradsweep.lock")));
    }

    @Test
    void localMastersWithoutThreadsAreRefusedBeforeTheFolder() throws IOException {
        Path out = dir.resolve("out");
        for (String master : new String[] {"local[0]", "local[-1]", "local[x]", "local[2,0]", "local-cluster[0,1,1024]",
            "local[]"}) {
            CliRun r = refusedBeforeTheFolder(out, "run", study(), "--out", out.toString(), "--master", master);
            assertTrue(r.err.contains("--master " + master + ": not a Spark master URL") && r.err.contains(
                    "each number at least 1"), r.err);
        }
        for (String master : new String[] {"local", "local[1]", "local[*]", "local[4,2]", "local[*,3]",
            "local-cluster[2,1,1024]", "spark://127.0.0.1:7077", "yarn"}) {
            assertEquals(master, RunCommand.checkMaster(master));
        }
    }

    @Test
    void aPropertiesFileMasterIsCheckedToo() throws IOException {
        Path conf = Files.writeString(dir.resolve("spark.conf"), "spark.master local[0]\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-------"));
        Path out = dir.resolve("out");
        CliRun r = refusedBeforeTheFolder(out, "run", study(), "--out", out.toString(), "--properties-file",
                conf.toString());
        assertTrue(r.err.contains("spark.master in --properties-file " + conf + " local[0]: not a Spark master URL"),
                r.err);
    }
}
