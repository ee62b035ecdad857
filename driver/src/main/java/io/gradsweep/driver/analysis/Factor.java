package io.gradsweep.driver.analysis;

import java.util.List;

/**
 * A grid dimension as the analysis sees it: its name ({@code activation}, or {@code optimizer+lr}
 * for a zip group) and the trials columns that hold it.
 */
public record Factor(String name, List<String> columns) {
    public Factor {
        columns = List.copyOf(columns);
    }

    /** The Spark SQL expression of a trial's value of this factor, as text ("a+b" for a zip group); the trials table is {@code t}. */
    String sqlLabel() {
        if (columns.size() == 1) {
            return "CAST(t.`" + columns.get(0) + "` AS STRING)";
        }
        StringBuilder sb = new StringBuilder("concat_ws('+'");
        for (String c : columns) {
            sb.append(", CAST(t.`").append(c).append("` AS STRING)");
        }
        return sb.append(')').toString();
    }
}
