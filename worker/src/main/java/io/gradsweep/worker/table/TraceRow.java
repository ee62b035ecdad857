package io.gradsweep.worker.table;

import io.gradsweep.core.trace.TracePoint;
import java.util.Objects;

/** One row of the traces table: an evaluation point and the trial it belongs to. */
public final class TraceRow {
    private final String trialKey;
    private final String trialId;
    private final int replicate;
    private final long gridIndex;
    private final TracePoint point;

    public TraceRow(String trialKey, String trialId, int replicate, long gridIndex, TracePoint point) {
        this.trialKey = Objects.requireNonNull(trialKey, "trialKey");
        this.trialId = Objects.requireNonNull(trialId, "trialId");
        this.replicate = replicate;
        this.gridIndex = gridIndex;
        this.point = Objects.requireNonNull(point, "point");
    }

    public String trialKey() {
        return trialKey;
    }

    public String trialId() {
        return trialId;
    }

    public int replicate() {
        return replicate;
    }

    public long gridIndex() {
        return gridIndex;
    }

    public TracePoint point() {
        return point;
    }
}
