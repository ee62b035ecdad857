package io.gradsweep.driver.sweep;

import io.gradsweep.worker.folder.Manifest;
import java.util.Optional;
import org.apache.hadoop.fs.FSError;

/** How a run that did not complete ended, as the manifest records it. */
record RunEnd(Manifest.State state, Optional<String> failure, String message) {
    /** The failure kind of a full disk, after the manifest's state: "failed: no space". */
    static final String NO_SPACE = "no space";
    /** What the OS says (ENOSPC), in Java's IOException and in Hadoop's FSError around it. */
    private static final String ENOSPC = "No space left on device";

    static RunEnd interrupted() {
        return new RunEnd(Manifest.State.INTERRUPTED, Optional.empty(), "interrupted (SIGINT or SIGTERM)");
    }

    /** A failure; a full disk anywhere in the chain of causes (a task's, as Spark reports it, too) is named as such. */
    static RunEnd of(Throwable e) {
        if (isNoSpace(e, 0)) {
            return new RunEnd(Manifest.State.FAILED, Optional.of(NO_SPACE), ENOSPC
                    + ": free space on the output folder's file system and run the same command again to resume");
        }
        return new RunEnd(Manifest.State.FAILED, Optional.empty(), String.valueOf(e.getMessage()));
    }

    /** Spark reports a task's exception as text in its own message, so the text is what is searched. */
    private static boolean isNoSpace(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        if (String.valueOf(e.getMessage()).contains(ENOSPC) || e instanceof FSError && isNoSpace(e.getCause(), depth + 1)) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (isNoSpace(s, depth + 1)) {
                return true;
            }
        }
        return isNoSpace(e.getCause(), depth + 1);
    }
}
