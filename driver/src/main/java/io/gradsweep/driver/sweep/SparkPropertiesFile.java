package io.gradsweep.driver.sweep;

import io.gradsweep.core.files.BoundedFile;
import io.gradsweep.core.files.InputRefusedException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Spark properties file, as spark-submit's {@code --properties-file} takes it ({@code key value}
 * per line, {@code #} comments): the settings of a cluster given to gradsweep's own launcher, e.g.
 * the {@code spark.conf} that {@code bin/gradsweep-cluster start} writes. Only a regular file of
 * at most 1 MiB is read (see {@link BoundedFile}). A file holding a secret must
 * be readable by its owner only, as ssh demands of a private key: a secret others can read is no
 * secret, and refusing is the only way to find out before the secret has spread.
 */
public final class SparkPropertiesFile {
    private static final Set<PosixFilePermission> OTHERS_MAY_READ = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    /** Far more than any cluster's settings; a file beyond it is not a properties file. */
    static final int MAX_BYTES = 1 << 20;

    private SparkPropertiesFile() {
    }

    /** The file's settings; every problem is an IllegalArgumentException that says what to change. */
    public static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(BoundedFile.open(file, MAX_BYTES), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (InputRefusedException e) {
            throw new IllegalArgumentException(e.reason(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read it: " + e, e);
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException("'" + key + "' is not a Spark setting: every key must start with 'spark.'");
            }
            settings.put(key, p.getProperty(key).trim()); // Spark trims values too
        }
        String secret = settings.keySet().stream().filter(SecretSettings::isSecret).findFirst().orElse(null);
        if (secret != null && readableByOthers(file)) {
            throw new IllegalArgumentException("holds a secret (" + secret + ") but group or others may read it;"
                    + " make it readable by its owner only: chmod 600 " + file);
        }
        return settings;
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.stream().anyMatch(OTHERS_MAY_READ::contains);
        } catch (UnsupportedOperationException e) {
            return false; // not a POSIX file system: nothing to check here
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read its permissions: " + e, e);
        }
    }
}
