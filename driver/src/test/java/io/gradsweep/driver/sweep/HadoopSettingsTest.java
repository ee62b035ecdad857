package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HadoopSettingsTest {
    @Test
    void sparkHadoopSystemPropertiesReachTheDriversConfiguration() {
        System.setProperty("spark.hadoop.fs.gradsweep-test.setting", "from --conf");
        System.setProperty("spark.gradsweep-test.other", "not hadoop's");
        try {
            var conf = HadoopSettings.fromSystemProperties();
            assertEquals("from --conf", conf.get("fs.gradsweep-test.setting"));
            assertNull(conf.get("spark.gradsweep-test.other"));
            assertNull(conf.get("gradsweep-test.other"));
        } finally {
            System.clearProperty("spark.hadoop.fs.gradsweep-test.setting");
            System.clearProperty("spark.gradsweep-test.other");
        }
    }
}
