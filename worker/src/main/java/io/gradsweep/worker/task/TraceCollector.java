package io.gradsweep.worker.task;

import io.gradsweep.core.trace.TracePoint;
import io.gradsweep.core.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps a trial's evaluation points in memory until the task writes them (a trial has few). */
final class TraceCollector implements TraceSink {
    private final List<TracePoint> points = new ArrayList<>();

    @Override
    public void point(TracePoint point) {
        points.add(point);
    }

    List<TracePoint> points() {
        return points;
    }
}
