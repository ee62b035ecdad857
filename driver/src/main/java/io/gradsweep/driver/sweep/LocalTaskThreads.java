package io.gradsweep.driver.sweep;

import java.time.Duration;

/**
 * In local mode Spark runs tasks on threads of this JVM, and neither a failed job nor stopping
 * Spark waits for them: a task that had already started when another task failed the job keeps
 * running (Spark interrupts it only when asked to) and can still be writing its part files after
 * the run has cleaned up and released its lock. The clean-up after a failed run waits for such
 * threads first, so that it does not race them (seen as a temporary left behind by RunEndTest's
 * full disk, once in three full builds). An interrupted run does not wait: its user asked to stop
 * now, and what a task leaves behind the next run removes.
 */
final class LocalTaskThreads {
    /** The frame of a thread that is running a task (an idle pool thread has none). */
    private static final String TASK_FRAME = "org.apache.spark.executor.Executor$TaskRunner";

    private LocalTaskThreads() {
    }

    /** Waits until no thread of this JVM runs a Spark task, at most {@code timeout}; false if one still does. */
    static boolean awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return running() == 0;
            }
        }
        return true;
    }

    /** How many threads are running a task now. */
    static int running() {
        int n = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(TASK_FRAME)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
