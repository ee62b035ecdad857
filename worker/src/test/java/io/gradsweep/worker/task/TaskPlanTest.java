package io.gradsweep.worker.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskPlanTest {
    @Test
    void theKeyIsADeterministicHashOfStudyAndIndexes() {
        TaskPlan a = TaskPlan.of("abc", new long[] {1, 2, 3}, 5.0);
        assertEquals(a.taskKey(), TaskPlan.of("abc", new long[] {1, 2, 3}, 99.0).taskKey());
        assertTrue(a.taskKey().matches("[0-9a-f]{16}"), a.taskKey());
        assertNotEquals(a.taskKey(), TaskPlan.of("abd", new long[] {1, 2, 3}, 5.0).taskKey());
        assertNotEquals(a.taskKey(), TaskPlan.of("abc", new long[] {1, 2}, 5.0).taskKey());
        assertNotEquals(a.taskKey(), TaskPlan.of("abc", new long[] {3, 2, 1}, 5.0).taskKey());
        assertNotEquals(TaskPlan.of("abc", new long[] {12}, 1).taskKey(), TaskPlan.of("abc", new long[] {1, 2}, 1).taskKey());
    }

    @Test
    void theKeyOfAKnownInputIsPinned() {
        // printf feedc0de:0,1,2 | sha256sum: the first 16 hex digits; a changed key would orphan earlier output.
        assertEquals(TaskPlan.keyOf("feedc0de", new long[] {0, 1, 2}), TaskPlan.of("feedc0de", new long[] {0, 1, 2}, 0).taskKey());
        assertEquals(PINNED, TaskPlan.keyOf("feedc0de", new long[] {0, 1, 2}));
    }

    static final String PINNED = "d73c55b04d7a6ffc";

    @Test
    void keysThatAreNotSafeFileNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan("a/b", new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan(".hidden", new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new TaskPlan("", new long[] {1}, 0));
        assertEquals("task-7_x", new TaskPlan("task-7_x", new long[] {1}, 0).taskKey());
    }

    @Test
    void indexesAreCopiedInAndOut() {
        long[] indexes = {4, 5};
        TaskPlan p = new TaskPlan("k", indexes, 1.5);
        indexes[0] = 99;
        assertArrayEquals(new long[] {4, 5}, p.trialIndexes());
        p.trialIndexes()[1] = 99;
        assertArrayEquals(new long[] {4, 5}, p.trialIndexes());
        assertEquals(new TaskPlan("k", new long[] {4, 5}, 1.5), p);
        assertEquals(1.5, p.estimatedCost());
    }
}
