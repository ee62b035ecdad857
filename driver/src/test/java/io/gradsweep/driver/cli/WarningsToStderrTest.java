package io.gradsweep.driver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** status's logging back end prints what log4j would with conf/log4j2.properties: warnings and errors only. */
class WarningsToStderrTest {
    @Test
    void warningsAndErrorsReachStderrInLog4jsPatternAndNothingBelowDoes() {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            Logger log = new WarningsToStderr().getLoggerFactory().getLogger("org.apache.parquet.CorruptStatistics");
            log.info("read {} footers", 56);
            log.debug("not shown");
            log.warn("Ignoring statistics because created_by could not be parsed: {}", "parquet-mr x");
            log.error("failed", new IllegalStateException("the cause"));
        } finally {
            System.setErr(saved);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d WARN CorruptStatistics: Ignoring statistics because created_by"
                + " could not be parsed: parquet-mr x"), lines[0]);
        assertTrue(lines[1].matches("\\d\\d:\\d\\d:\\d\\d ERROR CorruptStatistics: failed"), lines[1]);
        assertEquals("java.lang.IllegalStateException: the cause", lines[2]);
        assertTrue(lines[3].trim().startsWith("at io.gradsweep.driver.cli.WarningsToStderrTest."), lines[3]);
    }
}
