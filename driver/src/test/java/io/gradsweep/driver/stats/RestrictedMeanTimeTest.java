package io.gradsweep.driver.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * survRM2's published example: the 312 randomised patients of the Mayo pbc trial
 * ({@code rmst2.sample.data()}: R survival's {@code pbc[1:312, ]}, time in days / 365.25, status 2 =
 * death, arm 1 = D-penicillamine; the resource pbc312.csv was written from R 4.2.2, survival 3.5-3).
 * The survRM2 vignette (Uno, "Comparing two survival curves using the restricted mean survival
 * time", 2017) reports for tau = 10: RMST 7.15 years in arm 1, difference -0.137 years, p = 0.738.
 * Full precision from R offline: survRM2 1.0-4's rmst1 formula, agreeing with
 * {@code print(survfit(Surv(time, status) ~ arm), rmean = 10)}: arm 1 7.146492996298778 (se
 * 0.28277484956329479), arm 0 7.2834157611682562 (se 0.29547809223559296); difference
 * -0.13692276486947819, 95% CI -0.93851908630620151 to 0.66467355656724514, p 0.73778608753858266.
 */
class RestrictedMeanTimeTest {
    @Test
    void pbcExampleMatchesSurvRm2() throws IOException {
        List<double[]> rows = pbc();
        RestrictedMeanTime arm1 = arm(rows, 1);
        RestrictedMeanTime arm0 = arm(rows, 0);
        assertEquals(158, arm1.n());
        assertEquals(154, arm0.n());
        assertEquals(7.15, arm1.estimate(), 0.005); // published, 2 decimals
        assertEquals(7.146492996298778, arm1.estimate(), 1e-12);
        assertEquals(0.28277484956329479, arm1.standardError(), 1e-12);
        assertEquals(7.2834157611682562, arm0.estimate(), 1e-12);
        assertEquals(0.29547809223559296, arm0.standardError(), 1e-12);
        RestrictedMeanTime.Difference diff = RestrictedMeanTime.difference(arm1, arm0, 0.95);
        assertEquals(-0.137, diff.estimate(), 0.0005); // published
        assertEquals(0.738, diff.pValue(), 0.0005); // published
        assertEquals(-0.13692276486947819, diff.estimate(), 1e-12);
        assertEquals(-0.93851908630620151, diff.interval().lower(), 1e-12);
        assertEquals(0.66467355656724514, diff.interval().upper(), 1e-12);
        assertEquals(0.73778608753858266, diff.pValue(), 1e-10);
        assertFalse(diff.exact());
    }

    @Test
    void swappingArmsFlipsTheDifferenceAndKeepsP() throws IOException {
        List<double[]> rows = pbc();
        RestrictedMeanTime.Difference ab = RestrictedMeanTime.difference(arm(rows, 1), arm(rows, 0), 0.95);
        RestrictedMeanTime.Difference ba = RestrictedMeanTime.difference(arm(rows, 0), arm(rows, 1), 0.95);
        assertEquals(-ab.estimate(), ba.estimate(), 1e-12);
        assertEquals(ab.pValue(), ba.pValue(), 1e-12);
        assertEquals(-ab.interval().upper(), ba.interval().lower(), 1e-12);
    }

    @Test
    void identicalArmsGiveZeroAndPOne() {
        double[] t = {3, 5, 5, 8, 10, 10};
        boolean[] r = {true, true, false, true, false, false};
        RestrictedMeanTime a = RestrictedMeanTime.of(t, r, 10);
        RestrictedMeanTime.Difference diff = RestrictedMeanTime.difference(a, RestrictedMeanTime.of(t, r, 10), 0.95);
        assertEquals(0, diff.estimate(), 0);
        assertEquals(1, diff.pValue(), 1e-15);
    }

    @Test
    void withoutCensoringItIsTheMeanOfTheTimesCappedAtTau() {
        // mean of min(T, tau): (1 + 2 + 3 + 4) / 4 = 2.5 with tau = 4; with tau = 2.5: (1 + 2 + 2.5 + 2.5) / 4
        double[] t = {1, 2, 3, 4};
        boolean[] r = {true, true, true, true};
        assertEquals(2.5, RestrictedMeanTime.of(t, r, 4).estimate(), 1e-15);
        assertEquals(2.0, RestrictedMeanTime.of(t, r, 2.5).estimate(), 1e-15);
        // runs that never reach it count as the whole budget: censored at tau = 10
        double[] budget = {2, 10, 10};
        boolean[] some = {true, false, false};
        assertEquals((2 + 10 + 10) / 3.0, RestrictedMeanTime.of(budget, some, 10).estimate(), 1e-12);
    }

    @Test
    void tauBeyondTheLastObservationIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RestrictedMeanTime.of(new double[] {1, 5}, new boolean[] {true, false}, 6));
        assertEquals("restriction time tau = 6.0 is beyond the last observed time 5.0, where the curve is still 0.5;"
            + " use tau <= 5.0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> RestrictedMeanTime.of(new double[] {1}, new boolean[] {true}, 0));
        // the curve is 0 after the last event: any tau is defined
        assertEquals(1.5, RestrictedMeanTime.of(new double[] {1, 2}, new boolean[] {true, true}, 9).estimate(), 1e-15);
    }

    private static RestrictedMeanTime arm(List<double[]> rows, int arm) {
        List<double[]> mine = rows.stream().filter(row -> row[2] == arm).toList();
        double[] times = new double[mine.size()];
        boolean[] died = new boolean[mine.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = mine.get(i)[0] / 365.25;
            died[i] = mine.get(i)[1] == 1;
        }
        return RestrictedMeanTime.of(times, died, 10);
    }

    /** Rows of (days, status, arm). */
    static List<double[]> pbc() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            RestrictedMeanTimeTest.class.getResourceAsStream("pbc312.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows;
    }
}
