package io.gradsweep.worker.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPathsTest {
    private static final List<String> AWKWARD = List.of("elu(alpha=0.5)", "relu", "csv(path=/data/a b.csv,label=y)",
            "100%", "a:b", "x#y?z", "..", ".hidden", "_underscore", "quote\"'back\\slash", "tab\tnew\nline",
            "plus+star*", "{[^]}", "ünïcödé λ", "-1.5E-4", "c:\\windows");

    @Test
    void escapesLikeSparkAndHiveDo() {
        assertEquals("elu%28alpha%3D0.5%29", PartitionPaths.escape("elu(alpha=0.5)"));
        assertEquals("relu", PartitionPaths.escape("relu"));
        assertEquals("a%2Fb%25c", PartitionPaths.escape("a/b%c"));
        assertEquals("1.0E-4", PartitionPaths.escape("1.0E-4"));
        assertEquals("%20", PartitionPaths.escape(" "));
    }

    @Test
    void everyValueRoundTripsAndEscapesToSafeCharactersOnly() {
        for (String value : AWKWARD) {
            String escaped = PartitionPaths.escape(value);
            assertEquals(value, PartitionPaths.unescape(escaped), value);
            for (char c : escaped.toCharArray()) {
                assertTrue(Character.isLetterOrDigit(c) || ".-_%".indexOf(c) >= 0 || c >= 0x80,
                        "'" + c + "' in " + escaped);
            }
        }
    }

    @Test
    void unescapeDecodesPercentEncodedUtf8AsOtherWritersProduceIt() {
        assertEquals("λ", PartitionPaths.unescape("%CE%BB"));
        assertEquals("100%", PartitionPaths.unescape("100%"));
        assertEquals("%zz", PartitionPaths.unescape("%zz"));
    }

    @Test
    void anEmptyValueIsRefusedForReadersDisagreeOnHivesNullMarker() {
        assertThrows(IllegalArgumentException.class, () -> PartitionPaths.escape(""));
        assertThrows(IllegalArgumentException.class,
                () -> PartitionPaths.directory(new Path("file:///out"), "activation", ""));
    }

    @Test
    void noPartitionColumnMeansNoDirectoryLevel() {
        Path root = new Path("file:///out/trials");
        assertEquals(root, PartitionPaths.directory(root, "", "ignored"));
        assertEquals(new Path(root, "activation=elu%28alpha%3D0.5%29"),
                PartitionPaths.directory(root, "activation", "elu(alpha=0.5)"));
    }

    @Test
    void everyEscapedDirectoryIsOneRealDirectoryWhoseNameReadsBack(@TempDir java.nio.file.Path tmp) throws IOException {
        Configuration conf = new Configuration();
        Path root = new Path(tmp.toUri());
        FileSystem fs = root.getFileSystem(conf);
        for (String value : AWKWARD) {
            assertTrue(fs.mkdirs(PartitionPaths.directory(root, "activation", value)), value);
        }
        FileStatus[] dirs = fs.listStatus(root);
        assertEquals(AWKWARD.size(), dirs.length);
        try (var listing = Files.list(tmp)) {
            assertEquals(AWKWARD.size(), listing.count());
        }
        for (FileStatus d : dirs) {
            String name = d.getPath().getName();
            assertTrue(name.startsWith("activation="), name);
            assertTrue(AWKWARD.contains(PartitionPaths.unescape(name.substring("activation=".length()))), name);
        }
    }
}
