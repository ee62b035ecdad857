package io.gradsweep.driver.analysis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.gradsweep.core.train.TrialSpec;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seed-source columns of the trials table, filled in for files written before they existed:
 * those trials drew every stream from their replicate, which is what -1 (follow the replicate) says.
 */
final class SeedColumns {
    /** The value of a seed source that follows the replicate, as the trials table holds it. */
    static final long FOLLOWS_REPLICATE = -1L;

    private SeedColumns() {
    }

    static Dataset<Row> filled(Dataset<Row> trials) {
        Dataset<Row> out = trials;
        for (String source : TrialSpec.SEED_SOURCES) {
            out = Arrays.asList(out.columns()).contains(source)
                    ? out.withColumn(source, coalesce(col(source), lit(FOLLOWS_REPLICATE)))
                    : out.withColumn(source, lit(FOLLOWS_REPLICATE));
        }
        return out;
    }
}
