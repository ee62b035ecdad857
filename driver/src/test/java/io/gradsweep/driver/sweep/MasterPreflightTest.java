package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * The pre-flight lookup of a standalone Master, without a cluster: nothing listening is said to be
 * unreachable at once. (The refusals of a wrong or missing secret are tested against a real
 * cluster in LocalClusterTest.)
 */
class MasterPreflightTest {
    @Test
    void aMasterThatIsNotThereIsUnreachableWithinSeconds() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there now
        }
        SparkConf conf = new SparkConf(false).set("spark.master", "spark://127.0.0.1:" + port)
                .set("spark.driver.host", "127.0.0.1");
        MasterPreflight.Refused e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(MasterPreflight.Refused.class, () -> MasterPreflight.check(conf)));
        assertTrue(e.getMessage().startsWith("cannot reach the Master at spark://127.0.0.1:" + port
                + ": nothing listens there"), e.getMessage());
    }

    @Test
    void localMastersAreNotLookedUp() {
        MasterPreflight.check(new SparkConf(false).set("spark.master", "local[2]"));
        MasterPreflight.check(new SparkConf(false).set("spark.master", "local-cluster[1,1,1024]"));
    }
}
