package io.gradsweep.worker.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.core.train.TrialSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TableSchemasTest {
    @Test
    void trialsHaveOneTypedColumnPerSettingAndTheReplicateOnce() {
        TableSchema<TrialRow> trials = TrialsTable.schema();
        for (Map.Entry<String, Object> s : TrialSpec.defaults().settings().entrySet()) {
            Column<TrialRow> c = trials.column(s.getKey()).orElseThrow(() -> new AssertionError(s.getKey()));
            ColumnType expected = switch (s.getKey()) {
                case "replicate" -> ColumnType.INT32;
                default -> s.getValue() instanceof Long ? ColumnType.INT64
                        : s.getValue() instanceof Double ? ColumnType.DOUBLE
                        : s.getValue() instanceof String ? ColumnType.STRING : ColumnType.DOUBLE_LIST;
            };
            assertEquals(expected, c.type(), s.getKey());
        }
        assertEquals(1, trials.columns().stream().filter(c -> c.name().equals("replicate")).count());
    }

    @Test
    void onlyMessageThresholdElementsAndEdgeStepAreNullable() {
        List<String> nullable = new ArrayList<>();
        for (Column<TrialRow> c : TrialsTable.schema().columns()) {
            if (c.isNullable()) {
                nullable.add(c.name());
            }
        }
        // edge_step is null when sharpness never reached 2 / lr (or was not measured)
        assertEquals(List.of("message", "threshold_step", "threshold_epoch", "edge_step"), nullable);
        assertTrue(TracesTable.schema().columns().stream().noneMatch(Column::isNullable));
    }

    @Test
    void withoutColumnDropsThePartitionColumnOnly() {
        TableSchema<TrialRow> trials = TrialsTable.schema();
        TableSchema<TrialRow> without = trials.withoutColumn("activation");
        assertEquals(trials.columns().size() - 1, without.columns().size());
        assertFalse(without.column("activation").isPresent());
        assertFalse(without.messageType().containsField("activation"));
        assertSame(trials, trials.withoutColumn("no_such_column"));
        assertSame(trials, trials.withoutColumn(""));
    }

    @Test
    void twoColumnsWithOneNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TableSchema<TraceRow>("t", List.of(
                Column.of("a", ColumnType.INT64, r -> 1L), Column.of("a", ColumnType.INT64, r -> 2L))));
    }

    /** docs/tables.md is the reference users read: it must list every column with its type. */
    @Test
    void docsListEveryColumnWithItsType() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "tables.md"), StandardCharsets.UTF_8);
        checkDocumented(docs, "## `trials`", TrialsTable.schema());
        checkDocumented(docs, "## `traces`", TracesTable.schema());
    }

    private static <R> void checkDocumented(String docs, String heading, TableSchema<R> table) {
        int start = docs.indexOf(heading);
        assertTrue(start >= 0, heading);
        int end = docs.indexOf("\n## ", start + 1);
        String section = end < 0 ? docs.substring(start) : docs.substring(start, end);
        Pattern row = Pattern.compile("^\\| `([a-z0-9_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);
        Matcher m = row.matcher(section);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
            Column<R> c = table.column(m.group(1)).orElseThrow(() -> new AssertionError(
                    "docs list " + m.group(1) + " but " + table.name() + " has no such column"));
            assertEquals(docType(c), m.group(2).trim(), c.name());
        }
        List<String> actual = table.columns().stream().map(Column::name).toList();
        assertEquals(actual, documented, table.name() + ": docs must list every column in file order");
    }

    private static String docType(Column<?> c) {
        String type = switch (c.type()) {
            case INT32 -> "int32";
            case INT64 -> "int64";
            case DOUBLE -> "double";
            case STRING -> "string";
            case INT64_LIST -> "list&lt;int64&gt;";
            case FLOAT_LIST -> "list&lt;float&gt;";
            case DOUBLE_LIST -> "list&lt;double&gt;";
        };
        if (!c.isNullable()) {
            return type;
        }
        return type + (c.type().name().endsWith("_LIST") ? ", null elements" : ", nullable");
    }
}
