package io.gradsweep.worker.task;

/** Thrown by a fail-fast task when one of its trials fails, so the whole sweep stops on it. */
public final class TrialFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String trialKey;
    private final long gridIndex;

    public TrialFailedException(String trialKey, long gridIndex, String message) {
        super("trial " + trialKey + " (grid index " + gridIndex + ") failed: " + message);
        this.trialKey = trialKey;
        this.gridIndex = gridIndex;
    }

    public String trialKey() {
        return trialKey;
    }

    public long gridIndex() {
        return gridIndex;
    }
}
