package io.gradsweep.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train --sharpness-every N}: the estimate in the table and the CSV, and nothing new without it. */
class TrainSharpnessTest {

    @Test
    void theTablePrintsSharpnessAtEveryNthPoint() {
        CliRun r = CliRun.of("train", "--dataset", "iris", "--epochs", "4", "--width", "8", "--sharpness-every", "2");
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().toList();
        String header = lines.stream().filter(l -> l.contains("train_loss")).findFirst().orElseThrow();
        assertTrue(header.contains("sharpness") && header.contains("hvps"), header);
        List<String> rows = lines.stream().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\.\\d\\d .*")).toList();
        assertEquals(5, rows.size(), r.out);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).trim().split("\\s+");
            String last = cells[cells.length - 1];
            if (i % 2 == 0) { // points 0, 2, 4: the estimate and its products
                assertTrue(last.matches("\\d+") && Integer.parseInt(last) >= 1, rows.get(i));
                assertTrue(Double.isFinite(Double.parseDouble(cells[cells.length - 2])), rows.get(i));
            } else {
                assertFalse(last.matches("\\d+"), "no products where not measured: " + rows.get(i));
            }
        }
        assertTrue(r.out.contains("largest sharpness"), r.out);
    }

    @Test
    void csvAddsTheSharpnessColumnsOnlyWhenMeasured() {
        CliRun on = CliRun.of("train", "--dataset", "iris", "--epochs", "2", "--width", "8", "--format", "csv",
                "--sharpness-every", "1", "--sharpness-rows", "50");
        assertEquals(0, on.code, on.err);
        List<String> lines = on.out.lines().toList();
        assertTrue(lines.get(0).endsWith(",sharpness,sharpness_iterations"), lines.get(0));
        String[] cells = lines.get(1).split(",");
        assertTrue(Double.parseDouble(cells[cells.length - 2]) > 0, lines.get(1));
        CliRun off = CliRun.of("train", "--dataset", "iris", "--epochs", "2", "--width", "8", "--format", "csv");
        assertFalse(off.out.contains("sharpness"), off.out);
    }
}
