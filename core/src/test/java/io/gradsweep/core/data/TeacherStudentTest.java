package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TeacherStudentTest {

    @Test
    void regressionTargetsAreTheTeachersOutputsOnTheInputs() {
        long seed = 123;
        Dataset d = TeacherStudent.regression(seed, 6, 16, 3, 2, 300, 0);
        assertEquals(Dataset.Task.REGRESSION, d.task());
        assertEquals(2, d.outputs());
        Teacher teacher = TeacherStudent.teacher(seed, 6, 16, 3, 2);
        for (int r = 0; r < d.rows(); r++) {
            double[] y = teacher.forward(d.x(), r * 6);
            assertEquals((float) y[0], d.targets()[2 * r]); // bit-exact: the same function, not just close
            assertEquals((float) y[1], d.targets()[2 * r + 1]);
        }
    }

    @Test
    void equalInputsGiveEqualTargetsAndTheTeacherIsNotTrivial() {
        Dataset d = TeacherStudent.regression(5, 4, 8, 2, 1, 500, 0);
        double mean = 0;
        for (float t : d.targets()) {
            mean += t;
        }
        mean /= d.rows();
        double var = 0;
        for (float t : d.targets()) {
            var += (t - mean) * (t - mean);
        }
        assertTrue(var / d.rows() > 1e-3, "targets should vary with the inputs, variance " + var / d.rows());
        // the first rows are the same for a larger n: same teacher, same input stream
        Dataset more = TeacherStudent.regression(5, 4, 8, 2, 1, 800, 0);
        assertArrayEquals(d.targets(), Arrays.copyOf(more.targets(), 500));
    }

    @Test
    void noiseIsAddedOnTopOfTheSameTeacherOutputs() {
        Dataset clean = TeacherStudent.regression(8, 4, 8, 1, 1, 2000, 0);
        Dataset noisy = TeacherStudent.regression(8, 4, 8, 1, 1, 2000, 0.5);
        assertArrayEquals(clean.x(), noisy.x());
        double sq = 0;
        for (int i = 0; i < clean.rows(); i++) {
            double e = noisy.targets()[i] - clean.targets()[i];
            sq += e * e;
        }
        assertEquals(0.5, Math.sqrt(sq / clean.rows()), 0.03);
    }

    @Test
    void inputsAreStandardNormal() {
        Dataset d = TeacherStudent.regression(2, 5, 4, 1, 1, 4000, 0);
        double sum = 0;
        double sq = 0;
        for (float v : d.x()) {
            sum += v;
            sq += v * v;
        }
        int n = d.x().length;
        assertEquals(0, sum / n, 0.03);
        assertEquals(1, sq / n, 0.05);
    }

    @Test
    void classificationLabelIsTheArgmaxOfTheTeacher() {
        long seed = 77;
        Dataset d = TeacherStudent.classification(seed, 5, 12, 2, 4, 1000);
        assertEquals(4, d.classes());
        Teacher teacher = TeacherStudent.teacher(seed, 5, 12, 2, 4);
        int[] counts = new int[4];
        for (int r = 0; r < d.rows(); r++) {
            double[] y = teacher.forward(d.x(), r * 5);
            int best = 0;
            for (int c = 1; c < 4; c++) {
                best = y[c] > y[best] ? c : best;
            }
            assertEquals(best, d.labels()[r]);
            counts[best]++;
        }
        int used = 0;
        for (int c : counts) {
            used += c > 0 ? 1 : 0;
        }
        assertTrue(used >= 2, "a random teacher should use several classes: " + Arrays.toString(counts));
    }

    @Test
    void depthZeroIsALinearTeacher() {
        Teacher t = Teacher.random(3, 3, 99, 0, 1);
        float[] a = {1, 2, 3};
        float[] b = {2, 4, 6};
        float[] zero = {0, 0, 0};
        double bias = t.forward(zero, 0)[0];
        assertEquals(2 * (t.forward(a, 0)[0] - bias), t.forward(b, 0)[0] - bias, 1e-12);
        assertNotEquals(0.0, t.forward(a, 0)[0] - bias);
    }
}
