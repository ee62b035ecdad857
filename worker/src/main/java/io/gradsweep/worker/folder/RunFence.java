package io.gradsweep.worker.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A task commits only while its run holds the folder's lock: just before each rename that makes
 * a file visible it reads the lock and compares the run id. An executor of a driver that was
 * killed then cannot add files to the run that took the folder over: once the next run holds the
 * lock (it takes over a dead holder's lock before it reads what is done), every late commit is
 * refused. What is left is the time between that read and the rename, milliseconds, against the
 * seconds a new run needs before it plans.
 */
public record RunFence(String runId) implements Serializable {
    /** The lock file's field that names the run holding it (the lock is written by the driver's RunLock). */
    public static final String RUN_ID_FIELD = "run_id";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run that is fenced out: its lock is gone or another run's. */
    public static final class Lost extends IOException {
        private static final long serialVersionUID = 1L;

        Lost(String message) {
            super(message);
        }
    }

    /** Throws {@link Lost} unless {@code outputRoot}'s lock names this run. */
    public void check(FileSystem fs, Path outputRoot) throws IOException {
        Path lock = new Path(outputRoot, FolderLayout.LOCK);
        JsonNode n;
        try (InputStream in = fs.open(lock)) {
            n = JSON.readTree(in);
        } catch (FileNotFoundException e) {
            throw new Lost("run " + runId + " no longer holds " + lock + " (no lock): not committing");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            n = null; // being written by the run that takes it over
        }
        String holder = n == null ? "(unreadable)" : n.path(RUN_ID_FIELD).asText("(none)");
        if (!runId.equals(holder)) {
            throw new Lost("run " + runId + " no longer holds " + lock + " (run " + holder + " does): not committing");
        }
    }
}
