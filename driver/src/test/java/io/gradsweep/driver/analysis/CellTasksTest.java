package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CellTasksTest {
    /** analyze --help and README state the bound as text (an annotation needs a constant): the two must agree. */
    @Test
    void theHelpTextStatesTheBoundInForce() {
        assertEquals(String.format(Locale.ROOT, "%,d", CellTasks.DRIVER_TRIALS), CellTasks.DRIVER_TRIALS_TEXT);
    }
}
