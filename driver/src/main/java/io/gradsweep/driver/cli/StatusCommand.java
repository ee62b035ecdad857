package io.gradsweep.driver.cli;

import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.RunLock;
import io.gradsweep.driver.sweep.StudyStatus;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.gradsweep.driver.sweep.HadoopSettings;

/** {@code gradsweep status DIR}: how far the study in an output folder got. */
public final class StatusCommand {
    private StatusCommand() {
    }

    public static String help() {
        return """
                Usage: gradsweep status DIR

                Prints the study in DIR (name, hash, code version), the state of its last run (running,
                complete, failed, failed: no space, interrupted), how many of its trials are done, by status,
                every file of the tables that is not counted and why (empty, truncated, foreign, a
                copy) with what to do, and which run holds DIR's lock, if any (host, pid, since when,
                last heartbeat). DIR may be any Hadoop filesystem URI, as for run.
                """;
    }

    public static int run(String[] args, PrintStream out) {
        Flags flags = Flags.parse(args, List.of("help"));
        if (flags.has("help")) {
            out.print(help());
            return 0;
        }
        RunCommand.rejectUnknown(flags, "status");
        if (flags.positional().size() != 1) {
            throw new UsageException("status takes one output folder, got " + flags.positional());
        }
        OutputFolder folder = OutputFolder.at(flags.positional().get(0), HadoopSettings.fromSystemProperties());
        try {
            Optional<Manifest> manifest = folder.manifest();
            if (manifest.isEmpty()) {
                throw new UsageException(folder.uri() + " holds no " + OutputFolder.MANIFEST + ": no study has run there");
            }
            Manifest m = manifest.get();
            CommittedTables tables = StudyStatus.tables(folder, m);
            Map<String, Long> counts = tables.countsByStatus();
            long done = counts.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "study %s (hash %s, code %s)%n", m.study(), m.studyHash().substring(0, 12),
                    m.codeVersion());
            out.printf(Locale.ROOT, "last run: %s, started %s%s%s%n", m.describeState(), m.started(),
                    m.ended().map(e -> ", ended " + e).orElse(""),
                    m.state() == Manifest.State.COMPLETE ? "" : m.error().map(e -> " (" + e + ")").orElse(""));
            out.printf(Locale.ROOT, "trials done: %d of %d (%.1f%%); by status: %s%n", done, m.trials(),
                    100.0 * done / Math.max(1, m.trials()), counts);
            for (CommittedTables.Problem p : tables.problems()) {
                out.println("not counted: " + p.describe());
            }
            out.println("lock: " + RunLock.describe(folder).map(h -> "held by " + h).orElse("none (no run is using it)"));
            return 0;
        } catch (OutputFolder.NotOurs e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + folder.uri() + ": " + e.getMessage());
        }
    }
}
