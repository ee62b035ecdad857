package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    Path writeGz(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    String error(Path file, String label, Dataset.Task task) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvLoader.load(file, label, task));
        assertTrue(e.getMessage().startsWith(file.toString()), "message must name the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsFeaturesAroundTheLabelColumnAndSortsStringLabels() throws IOException {
        Path f = write("pets.csv", "weight,kind,height\n3.5,dog,1\n1.25,cat,2e-1\n\n7,emu,-3\n2,cat,0\n");
        Dataset d = CsvLoader.load(f, "kind", Dataset.Task.CLASSIFICATION);
        assertEquals("pets.csv", d.name());
        assertEquals(4, d.rows());
        assertEquals(2, d.features());
        assertEquals(3, d.classes());
        assertArrayEquals(new float[] {3.5f, 1, 1.25f, 0.2f, 7, -3, 2, 0}, d.x());
        assertArrayEquals(new int[] {1, 0, 2, 0}, d.labels()); // cat < dog < emu
    }

    @Test
    void numericLabelsAreOrderedByValueNotText() throws IOException {
        Path f = write("n.csv", "y,a\n10,1\n2,2\n-1,3\n2,4\n");
        Dataset d = CsvLoader.load(f, "y", Dataset.Task.CLASSIFICATION);
        assertArrayEquals(new int[] {2, 1, 0, 1}, d.labels()); // -1 < 2 < 10
    }

    @Test
    void labelOrderDoesNotDependOnRowOrder() throws IOException {
        Dataset a = CsvLoader.load(write("a.csv", "y,a\nb,1\na,2\nc,3\n"), "y", Dataset.Task.CLASSIFICATION);
        Dataset b = CsvLoader.load(write("b.csv", "y,a\nc,3\nb,1\na,2\n"), "y", Dataset.Task.CLASSIFICATION);
        assertArrayEquals(new int[] {1, 0, 2}, a.labels());
        assertArrayEquals(new int[] {2, 1, 0}, b.labels());
    }

    @Test
    void regressionAndBinaryAndGzipAndCrlf() throws IOException {
        Path reg = writeGz("r.csv.gz", "x1,x2,target\r\n1,2,0.5\r\n3,4,-1.5\r\n");
        Dataset d = CsvLoader.load(reg, "target", Dataset.Task.REGRESSION);
        assertArrayEquals(new float[] {0.5f, -1.5f}, d.targets());
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.x());
        Path bin = write("\"b\".csv", "\"x\",\"y\"\n1,\"yes\"\n2,\"no\"\n3,yes\n");
        Dataset b = CsvLoader.load(bin, "y", Dataset.Task.BINARY);
        assertEquals(Dataset.Task.BINARY, b.task());
        assertArrayEquals(new int[] {1, 0, 1}, b.labels());
    }

    @Test
    void nonNumericFieldNamesLineAndColumn() throws IOException {
        Path f = write("bad.csv", "a,b,label\n1,2,x\n3,4,y\n5,abc,x\n");
        String m = error(f, "label", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 4") && m.contains("column 'b'") && m.contains("'abc'"), m);
        f = write("nan.csv", "a,label\nNaN,0\n");
        m = error(f, "label", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 2") && m.contains("column 'a'"), m);
        f = write("target.csv", "a,t\n1,0.5\n2,high\n");
        m = error(f, "t", Dataset.Task.REGRESSION);
        assertTrue(m.contains("line 3") && m.contains("column 't'") && m.contains("'high'"), m);
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        Path f = write("short.csv", "a,b,label\n1,2,x\n3,y\n");
        String m = error(f, "label", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 3") && m.contains("expected 3 fields") && m.contains("found 2"), m);
    }

    @Test
    void missingLabelColumnListsTheColumns() throws IOException {
        Path f = write("nolabel.csv", "a,b,c\n1,2,3\n");
        String m = error(f, "species", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 1") && m.contains("'species'") && m.contains("a, b, c"), m);
    }

    @Test
    void emptyAndHeaderOnlyAndDuplicateColumnsAreRejected() throws IOException {
        assertTrue(error(write("empty.csv", ""), "y", Dataset.Task.CLASSIFICATION).contains("empty"));
        assertTrue(error(write("blank.csv", "\n\n"), "y", Dataset.Task.CLASSIFICATION).contains("empty"));
        assertTrue(error(write("head.csv", "a,y\n"), "y", Dataset.Task.CLASSIFICATION).contains("no data rows"));
        String m = error(write("dup.csv", "a,a,y\n1,2,3\n"), "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 1") && m.contains("'a'") && m.contains("twice"), m);
        m = error(write("onlylabel.csv", "y\n1\n"), "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("feature"), m);
    }

    @Test
    void oneClassAndThreeClassesForBinaryAreRejected() throws IOException {
        String m = error(write("one.csv", "a,y\n1,k\n2,k\n"), "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("column 'y'") && m.contains("at least 2"), m);
        m = error(write("three.csv", "a,y\n1,k\n2,l\n3,m\n"), "y", Dataset.Task.BINARY);
        assertTrue(m.contains("exactly 2") && m.contains("3"), m);
    }

    @Test
    void tooManyDistinctLabelsSuggestsRegression() throws IOException {
        StringBuilder b = new StringBuilder("a,y\n");
        for (int i = 0; i <= CsvLoader.MAX_CLASSES; i++) {
            b.append(i).append(',').append(i * 0.5).append('\n');
        }
        String m = error(write("many.csv", b.toString()), "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line " + (CsvLoader.MAX_CLASSES + 2)) && m.contains("task=regression"), m);
    }

    @Test
    void aHugeBinaryFileFailsEarlyWithoutBeingReadWhole() throws IOException {
        // 8 MiB of bytes with no newline: rejected after reading at most MAX_LINE characters
        Path f = dir.resolve("huge.bin");
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(f)) {
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
        }
        String m = error(f, "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("line 1") && m.contains("longer than"), m);
        // and bytes that are not UTF-8 are reported as such
        Path g = dir.resolve("binary.dat");
        Files.write(g, new byte[] {'a', ',', 'y', '\n', (byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        m = error(g, "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("not UTF-8"), m);
    }

    @Test
    void truncatedGzipIsReportedWithTheFileName() throws IOException {
        Path full = writeGz("t.csv.gz", "a,y\n" + "1,2\n".repeat(5000));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String m = error(cut, "y", Dataset.Task.CLASSIFICATION);
        assertTrue(m.contains("gzip"), m);
    }

    @Test
    void missingFileSaysSo() {
        Path f = dir.resolve("nope.csv");
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> CsvLoader.load(f, "y", Dataset.Task.CLASSIFICATION));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
