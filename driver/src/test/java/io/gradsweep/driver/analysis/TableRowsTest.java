package io.gradsweep.driver.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * The partition column's values typed as Spark's partition discovery types them (Spark 4.2's
 * PartitioningUtils: int, long, a decimal without fraction, double, timestamp, date, string, and
 * its widening of two types), so that a factor's text is the same read with or without Spark.
 */
class TableRowsTest {
    private static Map<String, Object> typed(String... dirs) {
        List<Path> files = Arrays.stream(dirs).map(d -> new Path("file:/out/trials/" + d + "/part-0.parquet")).toList();
        return TableRows.partitionValues(files).orElseThrow();
    }

    @Test
    void integersAreIntsAndDoublesDoubles() {
        assertEquals(Map.of("2", 2, "10", 10), typed("depth=2", "depth=10"));
        assertEquals(Map.of("0.01", 0.01, "1.0E-4", 1.0E-4), typed("lr=0.01", "lr=1.0E-4"));
        assertEquals("1.0E-4", LocalStudyData.text(typed("lr=1.0E-4").get("1.0E-4")));
    }

    @Test
    void anIntBesideADoubleIsADoubleButALongBesideADoubleMakesStrings() {
        assertEquals(Map.of("2", 2.0, "0.5", 0.5), typed("x=2", "x=0.5"));
        assertEquals("2.0", LocalStudyData.text(typed("x=2", "x=0.5").get("2")));
        assertEquals(Map.of("3000000000", "3000000000", "0.5", "0.5"), typed("x=3000000000", "x=0.5"));
        assertEquals(Map.of("3000000000", 3000000000L, "1", 1L), typed("x=3000000000", "x=1"));
    }

    @Test
    void namesAreUnescapedStrings() {
        assertEquals(Map.of("elu%28alpha%3D0.5%29", "elu(alpha=0.5)", "relu", "relu"),
                typed("activation=elu%28alpha%3D0.5%29", "activation=relu"));
        assertEquals(Map.of("2", "2", "relu", "relu"), typed("a=2", "a=relu"));
    }

    @Test
    void valuesSparkReadsAsDecimalsDatesOrTimestampsAreLeftToSpark() {
        for (String dir : List.of("lr=1.0E10", "x=99999999999999999999", "day=2024-01-31", "at=2024-01-31 10%3A00%3A00")) {
            List<Path> files = List.of(new Path("file:/out/trials/" + dir + "/part-0.parquet"));
            assertTrue(TableRows.partitionValues(files).isEmpty(), dir);
        }
    }

    @Test
    void filesWithoutAPartitionDirectoryHaveNoValues() {
        assertEquals(Map.of(), TableRows.partitionValues(List.of(new Path("file:/out/trials/part-0.parquet"))).orElseThrow());
    }
}
