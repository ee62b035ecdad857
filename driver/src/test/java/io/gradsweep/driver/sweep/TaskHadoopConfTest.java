package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class TaskHadoopConfTest {
    @Test
    void aTaskGetsTheDefaultsAndTheRunsSettings() {
        Configuration conf = TaskHadoopConf.forTask(Map.of("gradsweep.test.a", "1"));
        assertEquals("1", conf.get("gradsweep.test.a"));
        assertNotNull(conf.get("fs.file.impl.disable.cache", conf.get("hadoop.tmp.dir")),
                "core-default.xml's keys are there");
    }

    @Test
    void tasksGetCopiesSoOneTasksChangeStaysItsOwn() {
        Map<String, String> settings = Map.of("gradsweep.test.a", "1");
        Configuration first = TaskHadoopConf.forTask(settings);
        Configuration second = TaskHadoopConf.forTask(settings);
        assertNotSame(first, second);
        first.set("gradsweep.test.a", "changed");
        first.set("gradsweep.test.b", "new");
        assertEquals("1", second.get("gradsweep.test.a"));
        assertNull(second.get("gradsweep.test.b"));
        assertEquals("1", TaskHadoopConf.forTask(settings).get("gradsweep.test.a"));
    }

    @Test
    void otherSettingsGiveAConfigurationOfTheirOwn() {
        assertEquals("1", TaskHadoopConf.forTask(Map.of("gradsweep.test.a", "1")).get("gradsweep.test.a"));
        Configuration other = TaskHadoopConf.forTask(Map.of("gradsweep.test.c", "3"));
        assertEquals("3", other.get("gradsweep.test.c"));
        assertNull(other.get("gradsweep.test.a"), "the previous run's settings do not leak into the next");
    }
}
