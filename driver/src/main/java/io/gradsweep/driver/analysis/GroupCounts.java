package io.gradsweep.driver.analysis;

/**
 * How complete a group is: trials the study plans, trials present in the tables, and how they
 * ended. A study still running, or partly failed, is analysed with what is there; these say how much.
 */
record GroupCounts(long expected, long present, long ok, long diverged, long failed, long timeout) implements java.io.Serializable {
    /** A group's counts: {@code expected} planned, {@code runs} present. */
    static GroupCounts of(long expected, java.util.List<TrialRecord> runs) {
        long ok = 0;
        long diverged = 0;
        long failed = 0;
        long timeout = 0;
        for (TrialRecord r : runs) {
            switch (r.status) {
                case "ok" -> ok++;
                case "diverged" -> diverged++;
                case "timeout" -> timeout++;
                default -> failed++;
            }
        }
        return new GroupCounts(expected, runs.size(), ok, diverged, failed, timeout);
    }

    long missing() {
        return Math.max(0, expected - present);
    }
}
