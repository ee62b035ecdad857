package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradsweep.worker.folder.FolderLayout;
import io.gradsweep.worker.folder.RunFence;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed run cleans its hidden files only while it still holds the lock: after a takeover they may be the new run's. */
class LeftoverRemovalTest {
    @TempDir
    Path dir;

    private Path folderWithTemporaryAndLockOf(String runId) throws Exception {
        Path partition = Files.createDirectories(dir.resolve("traces").resolve("lr=0.01"));
        Path temp = partition.resolve(".part-f35d53331307c4a4.3f5097ef-7302-4ca0-83cb-a92f2765e1ec.tmp");
        Files.writeString(temp, "half a parquet file");
        Files.writeString(dir.resolve(FolderLayout.LOCK), "{\"" + RunFence.RUN_ID_FIELD + "\": \"" + runId + "\"}");
        return temp;
    }

    @Test
    void aRunThatLostTheLockTouchesNothing() throws Exception {
        Path temp = folderWithTemporaryAndLockOf("the-new-run");
        OutputFolder folder = OutputFolder.at(dir.toString(), new Configuration());
        assertThrows(RunFence.Lost.class, () -> folder.removeUncommittedWhileHolding(new RunFence("the-old-run"), "h"));
        assertTrue(Files.exists(temp), "the new run's temporary is still there");
    }

    @Test
    void aRunThatHoldsTheLockRemovesItsTemporaries() throws Exception {
        Path temp = folderWithTemporaryAndLockOf("this-run");
        OutputFolder folder = OutputFolder.at(dir.toString(), new Configuration());
        assertEquals(1, folder.removeUncommittedWhileHolding(new RunFence("this-run"), "h").size());
        assertFalse(Files.exists(temp));
    }
}
