package io.gradsweep.driver.analysis;

/**
 * How complete a group is: trials the study plans, trials present in the tables, and how they
 * ended. A study still running, or partly failed, is analysed with what is there; these say how much.
 */
record GroupCounts(long expected, long present, long ok, long diverged, long failed, long timeout) {
    long missing() {
        return Math.max(0, expected - present);
    }
}
