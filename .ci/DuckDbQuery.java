import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Runs one SQL statement in DuckDB and prints the rows; CI uses it for the README's DuckDB example. */
public class DuckDbQuery {
    public static void main(String[] args) throws Exception {
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(args[0])) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? " | " : "").append(rs.getObject(i));
                }
                System.out.println(b);
                rows++;
            }
        }
        if (rows == 0) {
            throw new IllegalStateException("the query returned no rows");
        }
    }
}
