package io.gradsweep.core.trace;

import java.util.Locale;

/** How a trial ended. */
public enum TrialStatus {
    /** ran its budget or reached its target loss */
    OK,
    /** the loss became non-finite or exceeded the divergence limit; the trace ends there */
    DIVERGED,
    /** the trial threw; the summary carries the message */
    FAILED,
    /** the trial ran out of its time limit */
    TIMEOUT;

    /** The lower-case form written to tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
