package io.gradsweep.driver;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads gradsweep's Parquet tables with DuckDB: a reader that shares no code with Spark or parquet-hadoop. */
public final class DuckDb {
    private DuckDb() {
    }

    /** Every row of a table (all partitions), as column -> value maps; lists become java.util.List. */
    public static List<Map<String, Object>> rows(Path out, String table, String orderBy) throws SQLException {
        return query("SELECT * FROM " + table(out, table) + " ORDER BY " + orderBy);
    }

    /** The DuckDB table expression of a study table, for {@link #query}. */
    public static String table(Path out, String table) {
        return "read_parquet('" + out.resolve(table) + "/*/*.parquet', hive_partitioning = true)";
    }

    /** The rows of any query, as column -> value maps; lists become java.util.List. */
    public static List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof Array a) {
                        List<Object> list = new ArrayList<>();
                        for (Object o : (Object[]) a.getArray()) {
                            list.add(o);
                        }
                        v = list;
                    }
                    row.put(md.getColumnName(i), v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows without the columns that measure time or place (the only ones allowed to differ between runs). */
    public static List<Map<String, Object>> deterministic(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> copy = new LinkedHashMap<>(r);
            copy.remove("elapsed_seconds");
            copy.remove("wall_seconds");
            copy.remove("host");
            out.add(copy);
        }
        return out;
    }
}
