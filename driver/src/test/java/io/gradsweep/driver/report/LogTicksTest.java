package io.gradsweep.driver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The labels a log axis shows, for ranges a report meets. */
class LogTicksTest {
    private static List<String> labels(double lower, double upper) {
        return LogTicks.between(lower, upper).stream().map(LogTicks.Tick::label).toList();
    }

    @Test
    void aLossWithinOneDecadeGetsEveryDigitNotALoneTenToTheZero() {
        assertEquals(List.of("0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), labels(0.2, 0.9));
    }

    @Test
    void underTwoAndAHalfDecadesTwoAndFiveAreLabelledBetweenThePowersOfTen() {
        assertEquals(List.of("0.05", "0.1", "0.2", "0.5", "1", "2"), labels(0.045, 3));
    }

    @Test
    void aWideRangeIsLabelledAtEveryDecadeInPlainOrShortScientificNumbers() {
        assertEquals(List.of("1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000", "1e5"),
                labels(1e-6, 1e5));
    }

    @Test
    void aRangeNarrowerThanTheDigitsGetsRoundEvenSteps() {
        assertEquals(List.of("0.22", "0.24", "0.26", "0.28"), labels(0.21, 0.29));
        assertEquals(List.of("0.9", "1", "1.1", "1.2", "1.3", "1.4"), labels(0.85, 1.45), "not just 0.9 and 1");
        assertEquals(List.of(0.22, 0.24, 0.26, 0.28), LogTicks.between(0.21, 0.29).stream().map(LogTicks.Tick::value).toList());
    }

    @Test
    void noTicksForARangeALogAxisCannotShow() {
        assertEquals(List.of(), labels(0, 1));
        assertEquals(List.of(), labels(1, 1));
        assertEquals(List.of(), labels(2, 1));
    }
}
