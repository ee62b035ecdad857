package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.driver.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkPropertiesFileTest {
    @TempDir
    Path dir;

    @Test
    void readsSparkSettingsAsSparkSubmitDoesTrimmingValues() throws Exception {
        Path f = dir.resolve("spark.conf");
        Files.writeString(f, "# a comment\nspark.master spark://127.0.0.1:7077\nspark.eventLog.enabled   true  \n");
        assertEquals(Map.of("spark.master", "spark://127.0.0.1:7077", "spark.eventLog.enabled", "true"),
                SparkPropertiesFile.read(f));
    }

    @Test
    void aSecretInAFileOthersMayReadIsRefusedSayingHowToFixIt() throws Exception {
        Path f = dir.resolve("spark.conf");
        Files.writeString(f, "spark.authenticate true\nspark.authenticate.secret abc\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        var e = assertThrows(IllegalArgumentException.class, () -> SparkPropertiesFile.read(f));
        assertTrue(e.getMessage().contains("spark.authenticate.secret") && e.getMessage().contains("chmod 600"), e.getMessage());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals("abc", SparkPropertiesFile.read(f).get("spark.authenticate.secret"));
    }

    @Test
    void theRunCommandNamesTheFlagAndTheKeyAtFault() throws Exception {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, "master spark://h:7077\n");
        CliRun r = CliRun.of("run", "../conf/studies/quickstart.yaml", "--out", dir.resolve("out").toString(),
                "--properties-file", f.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--properties-file " + f + ": 'master' is not a Spark setting"), r.err);
        CliRun missing = CliRun.of("run", "../conf/studies/quickstart.yaml", "--out", dir.resolve("out").toString(),
                "--properties-file", dir.resolve("none.conf").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("--properties-file " + dir.resolve("none.conf") + ": cannot read it"), missing.err);
    }

    @Test
    void secretSettingsAreRecognisedByName() {
        assertTrue(SecretSettings.isSecret("spark.authenticate.secret"));
        assertTrue(SecretSettings.isSecret("spark.hadoop.fs.s3a.secret.key"));
        assertTrue(SecretSettings.isSecret("spark.ssl.keyStorePassword"));
        assertEquals("4", SecretSettings.shown("spark.executor.cores", "4"));
        assertEquals(SecretSettings.REDACTED, SecretSettings.shown("spark.authenticate.secret", "s3cr3t"));
    }
}
