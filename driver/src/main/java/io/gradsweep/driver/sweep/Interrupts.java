package io.gradsweep.driver.sweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM during a run: the first one cancels the Spark job and lets the run
 * end in order (its manifest says interrupted, its lock is released, exit code 130); a second one
 * kills at once, as without this. A shutdown hook could not do it: once the JVM shuts down,
 * Spark's own hook stops the context under the run and nothing may exit with a code of its own.
 */
final class Interrupts implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final PrintStream log;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final List<Runnable> actions = new ArrayList<>();

    private Interrupts(PrintStream log) {
        this.log = log;
    }

    /** Handles SIGINT and SIGTERM until closed (where the platform lets us; elsewhere they kill as before). */
    static Interrupts watch(PrintStream log) {
        Interrupts i = new Interrupts(log);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                i.previous.put(signal, Signal.handle(signal, i::handle));
            } catch (IllegalArgumentException e) {
                // the signal is unknown here, or the JVM reserves it (-Xrs): it keeps its default
            }
        }
        return i;
    }

    /** What to do on the first interrupt (cancel Spark's jobs), besides remembering it. */
    synchronized void onInterrupt(Runnable action) {
        actions.add(action);
        if (interrupted.get()) {
            action.run();
        }
    }

    boolean interrupted() {
        return interrupted.get();
    }

    /** Ends the run here if it was interrupted (between its steps, where no Spark job runs to cancel). */
    void check() {
        if (interrupted.get()) {
            throw new Sweep.Interrupted();
        }
    }

    private void handle(Signal signal) {
        if (!interrupted.compareAndSet(false, true)) {
            return;
        }
        log.println("SIG" + signal.getName() + ": stopping the run (tasks are cancelled, the lock released);"
                + " signal again to kill at once");
        previous.forEach(Signal::handle); // a second signal kills as it would have
        List<Runnable> todo;
        synchronized (this) {
            todo = List.copyOf(actions);
        }
        for (Runnable a : todo) {
            try {
                a.run();
            } catch (RuntimeException e) {
                log.println("warning: while stopping: " + e);
            }
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
