package io.gradsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DataSpecTest {

    @Test
    void parsesNameParametersAndReservedFields() {
        DataSpec s = DataSpec.parse(" spirals( noise=0.1 , n=400, test_fraction=0.25,scaling=MinMax) ");
        assertEquals("spirals", s.name());
        assertEquals(Map.of("n", "400", "noise", "0.1"), s.params());
        assertEquals("[n, noise]", s.params().keySet().toString()); // sorted
        assertEquals(0.25, s.testFraction());
        assertEquals(Scaling.MINMAX, s.scaling());
    }

    @Test
    void canonicalFormIsSortedExplicitAndRoundTrips() {
        DataSpec s = DataSpec.parse("spirals(noise=0.1,n=400)");
        assertEquals("spirals(n=400,noise=0.1,scaling=standard,test_fraction=0.2)", s.toString());
        for (String text : new String[] {
                "iris", "iris()", "digits(stratify=true,test_fraction=0.3333333333333333)",
                "csv(path=/data/x y.csv,label=class,task=classification,scaling=none)",
                "teacher_student(task=classification,classes=5,test_fraction=1.0E-4)",
                "fashion_mnist(n=1000)", "mnist(path=/tmp/m,scaling=standard)"}) {
            DataSpec parsed = DataSpec.parse(text);
            DataSpec again = DataSpec.parse(parsed.toString());
            assertEquals(parsed, again, text);
            assertEquals(parsed.hashCode(), again.hashCode());
            assertEquals(parsed.toString(), again.toString());
        }
        assertEquals("fashion_mnist(n=1000,scaling=none)", DataSpec.parse("fashion_mnist(n=1000)").toString());
    }

    @Test
    void defaultsAndEquality() {
        DataSpec a = DataSpec.parse("blobs(classes=4)");
        assertEquals(DataSpec.DEFAULT_TEST_FRACTION, a.testFraction());
        assertEquals(Scaling.STANDARD, a.scaling());
        assertEquals(Scaling.NONE, DataSpec.parse("mnist(path=/m)").scaling());
        assertEquals(a, DataSpec.of("blobs", Map.of("classes", "4")));
        assertNotEquals(a, a.withScaling(Scaling.NONE));
        assertNotEquals(a, a.withTestFraction(0.3));
        assertNotEquals(a, a.withParam("classes", "5"));
        assertEquals("blobs(classes=4,n=9,scaling=standard,test_fraction=0.2)", a.withParam("n", "9").toString());
    }

    @Test
    void badSyntaxIsExplained() {
        assertMessage("spirals(n=400", "missing ')'");
        assertMessage("spirals(n)", "'n' is not key=value");
        assertMessage("spirals(n=1,n=2)", "given twice");
        assertMessage("Spirals", "lower case");
        assertMessage("spirals(n=)", "has no value");
        assertMessage("spirals(test_fraction=1.5)", "strictly between 0 and 1");
        assertMessage("spirals(test_fraction=abc)", "test_fraction=abc is not a number");
        assertMessage("spirals(scaling=zscore)", "scaling=zscore");
        assertMessage("mnist(path=/m,test_fraction=0.3)", "own train/test split");
    }

    @Test
    void valuesThatWouldNotRoundTripAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataSpec.of("csv", Map.of("path", "/a,b.csv")));
        assertThrows(IllegalArgumentException.class, () -> DataSpec.of("csv", Map.of("path", " /a.csv")));
        assertThrows(IllegalArgumentException.class, () -> DataSpec.of("csv", Map.of("scaling", "none")));
    }

    static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpec.parse(text));
        assertTrue(e.getMessage().contains(expected), "'" + text + "' gave: " + e.getMessage());
    }
}
