package io.gradsweep.worker.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-then-rename protocol and every column type, on a small table of its own. */
class PartFilesTest {
    /** A row of the test table: one value per column type. */
    record Values(int i, long l, double d, String s, List<Long> longs, float[] floats, List<Double> doubles) {
    }

    static final TableSchema<Values> TABLE = new TableSchema<>("t", List.of(
            Column.of("i", ColumnType.INT32, Values::i),
            Column.of("l", ColumnType.INT64, Values::l),
            Column.of("d", ColumnType.DOUBLE, Values::d),
            Column.nullable("s", ColumnType.STRING, Values::s),
            Column.nullable("longs", ColumnType.INT64_LIST, Values::longs),
            Column.of("floats", ColumnType.FLOAT_LIST, Values::floats),
            Column.nullable("doubles", ColumnType.DOUBLE_LIST, Values::doubles)));

    @TempDir
    java.nio.file.Path tmp;
    Configuration conf;
    FileSystem fs;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        conf = new Configuration();
        dir = new Path(new Path(tmp.toUri()), "t/k=v");
        fs = dir.getFileSystem(conf);
    }

    static List<Values> rows(int n, double offset) {
        List<Values> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            rows.add(new Values(k, 10L * k, offset + k / 3.0, "row " + k, List.of((long) k), new float[] {k, -k},
                    List.of(offset)));
        }
        return rows;
    }

    @Test
    void listsUseTheStandardThreeLevelLayoutAndStringsTheStringAnnotation() {
        MessageType expected = MessageTypeParser.parseMessageType("""
                message t {
                  required int32 i;
                  required int64 l;
                  required double d;
                  optional binary s (STRING);
                  required group longs (LIST) { repeated group list { optional int64 element; } }
                  required group floats (LIST) { repeated group list { required float element; } }
                  required group doubles (LIST) { repeated group list { optional double element; } }
                }""");
        assertEquals(expected, TABLE.messageType());
    }

    @Test
    void everyValueReadsBackBitForBit() throws IOException {
        List<Values> written = List.of(
                new Values(Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, null, Arrays.asList(null, 7L, null),
                        new float[] {Float.NaN, -0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY},
                        Arrays.asList(Double.NaN, null, -0.0)),
                new Values(Integer.MAX_VALUE, Long.MAX_VALUE, -0.0, "ünïcödé λ, \"quoted\"\n", List.of(),
                        new float[0], List.of()),
                new Values(0, 0, Double.NEGATIVE_INFINITY, "", List.of(Long.MIN_VALUE), new float[] {1e-45f},
                        List.of(Double.MIN_VALUE, Double.MAX_VALUE)));
        PartFiles.stage(fs, dir, "k1", TABLE, written).commit();
        List<TableReader.Row> read = TableReader.read(new Path(new Path(tmp.toUri()), "t"), conf);
        assertEquals(written.size(), read.size());
        for (int r = 0; r < written.size(); r++) {
            Values w = written.get(r);
            TableReader.Row row = read.get(r);
            assertEquals(w.i(), row.get("i"));
            assertEquals(w.l(), row.get("l"));
            assertEquals(Double.doubleToRawLongBits(w.d()), Double.doubleToRawLongBits((Double) row.get("d")));
            assertEquals(w.s(), row.get("s"));
            assertEquals(w.longs(), row.get("longs"));
            @SuppressWarnings("unchecked")
            List<Float> floats = (List<Float>) row.get("floats");
            assertEquals(w.floats().length, floats.size());
            for (int k = 0; k < floats.size(); k++) {
                assertEquals(Float.floatToRawIntBits(w.floats()[k]), Float.floatToRawIntBits(floats.get(k)));
            }
            @SuppressWarnings("unchecked")
            List<Double> doubles = (List<Double>) row.get("doubles");
            assertEquals(w.doubles().size(), doubles.size());
            for (int k = 0; k < doubles.size(); k++) {
                Double expected = w.doubles().get(k);
                if (expected == null) {
                    assertNull(doubles.get(k));
                } else {
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(doubles.get(k)));
                }
            }
            assertEquals(java.util.Map.of("k", "v"), row.partition);
        }
    }

    @Test
    void aRequiredColumnThatIsNullIsRefusedAndLeavesNoFile() throws IOException {
        TableSchema<Values> strict = new TableSchema<>("t", List.of(Column.of("s", ColumnType.STRING, Values::s)));
        List<Values> rows = List.of(new Values(0, 0, 0, null, List.of(), new float[0], List.of()));
        assertThrows(IllegalArgumentException.class, () -> PartFiles.stage(fs, dir, "k1", strict, rows));
        assertEquals(List.of(), names(fs, dir));
    }

    @Test
    void filesAreZstdCompressedAndSayWhichTableTheyHold() throws IOException {
        StagedFile f = PartFiles.stage(fs, dir, "k1", TABLE, rows(100, 0));
        f.commit();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(f.finalPath(), conf))) {
            for (ColumnChunkMetaData c : reader.getFooter().getBlocks().get(0).getColumns()) {
                assertEquals(CompressionCodecName.ZSTD, c.getCodec(), c.getPath().toDotString());
            }
            assertEquals("t", reader.getFooter().getFileMetaData().getKeyValueMetaData().get("gradsweep.table"));
        }
    }

    @Test
    void aStagedFileIsHiddenUntilCommitted() throws IOException {
        StagedFile staged = PartFiles.stage(fs, dir, "k1", TABLE, rows(5, 0));
        assertEquals(5, staged.rows());
        assertTrue(visible(fs, dir).isEmpty(), names(fs, dir).toString());
        assertTrue(staged.tempPath().getName().startsWith(".part-k1."), staged.tempPath().getName());
        assertEquals(0, TableReader.read(dir.getParent(), conf).size());

        assertTrue(staged.commit());
        assertEquals(List.of("part-k1.parquet"), visible(fs, dir));
        assertFalse(fs.exists(staged.tempPath()));
        assertEquals(5, TableReader.read(dir.getParent(), conf).size());
        assertThrows(IllegalStateException.class, staged::commit);
    }

    @Test
    void theLocalFileSystemWritesNoChecksumFilesBesideThePartFiles() throws IOException {
        assertTrue(fs instanceof org.apache.hadoop.fs.LocalFileSystem, "file: is the checksummed local file system: " + fs);
        StagedFile crashed = PartFiles.stage(fs, dir, "k0", TABLE, rows(2, 0));
        assertTrue(PartFiles.stage(fs, dir, "k1", TABLE, rows(3, 0)).commit());
        assertFalse(PartFiles.stage(fs, dir, "k1", TABLE, rows(3, 0)).commit());
        // polars and other readers of the folder take a .crc for data and fail on it
        assertEquals(List.of(crashed.tempPath().getName(), "part-k1.parquet"), names(fs, dir));
        assertEquals(3, TableReader.read(dir.getParent(), conf).size(), "read through the checksummed file system");
    }

    @Test
    void aSecondAttemptKeepsTheFirstFileAndDeletesItsOwn() throws IOException {
        assertTrue(PartFiles.stage(fs, dir, "k1", TABLE, rows(3, 0)).commit());
        long firstLength = fs.getFileStatus(new Path(dir, "part-k1.parquet")).getLen();

        StagedFile second = PartFiles.stage(fs, dir, "k1", TABLE, rows(4, 1000));
        assertFalse(second.commit());
        assertFalse(fs.exists(second.tempPath()));
        assertEquals(List.of("part-k1.parquet"), visible(fs, dir));
        assertEquals(firstLength, fs.getFileStatus(new Path(dir, "part-k1.parquet")).getLen());
        List<TableReader.Row> read = TableReader.read(dir.getParent(), conf);
        assertEquals(3, read.size());
        assertEquals(0.0, read.get(0).get("d"));
        assertEquals(List.of(), hiddenDataFiles(fs, dir));
    }

    @Test
    void aCrashBeforeTheRenameLeavesOnlyAHiddenFileThatReadersSkip() throws IOException {
        // The attempt writes its file, then dies before commit (no cleanup runs in a killed JVM).
        StagedFile crashed = PartFiles.stage(fs, dir, "k1", TABLE, rows(6, 0));
        assertTrue(fs.exists(crashed.tempPath()));
        assertTrue(visible(fs, dir).isEmpty());
        assertEquals(0, TableReader.read(dir.getParent(), conf).size());

        // The retry commits; the stale hidden file stays and is still skipped.
        assertTrue(PartFiles.stage(fs, dir, "k1", TABLE, rows(6, 0)).commit());
        assertEquals(6, TableReader.read(dir.getParent(), conf).size());
        assertTrue(fs.exists(crashed.tempPath()));
    }

    @Test
    void discardDeletesTheStagedFile() throws IOException {
        StagedFile staged = PartFiles.stage(fs, dir, "k1", TABLE, rows(2, 0));
        staged.discard();
        assertFalse(fs.exists(staged.tempPath()));
        assertEquals(List.of(), hiddenDataFiles(fs, dir));
        assertThrows(IllegalStateException.class, staged::commit);
    }

    @Test
    void anEmptyRowListMakesAValidEmptyFile() throws IOException {
        assertTrue(PartFiles.stage(fs, dir, "k1", TABLE, List.of()).commit());
        assertEquals(0, TableReader.read(dir.getParent(), conf).size());
        assertEquals(TABLE.messageType(), TableReader.schema(new Path(dir, "part-k1.parquet"), conf));
    }

    static List<String> names(FileSystem fs, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                names.add(s.getPath().getName());
            }
        }
        names.sort(null);
        return names;
    }

    static List<String> visible(FileSystem fs, Path dir) throws IOException {
        List<String> names = names(fs, dir);
        names.removeIf(PartFiles::isHidden);
        return names;
    }

    /** Hidden temporary data files. */
    static List<String> hiddenDataFiles(FileSystem fs, Path dir) throws IOException {
        List<String> names = names(fs, dir);
        names.removeIf(n -> !n.endsWith(".tmp"));
        return names;
    }

    @Test
    void namesAreTheDocumentedOnes() {
        assertEquals("part-abc.parquet", PartFiles.finalName("abc"));
        String temp = PartFiles.tempName("abc");
        assertTrue(temp.matches("\\.part-abc\\.[0-9a-f-]{36}\\.tmp"), temp);
        assertTrue(PartFiles.isHidden(temp));
        assertTrue(PartFiles.isHidden("_SUCCESS"));
        assertFalse(PartFiles.isHidden("part-abc.parquet"));
    }
}
