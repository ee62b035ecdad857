package io.gradsweep.driver.cli;

import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.StudyStatus;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gradsweep status DIR}: how far the study in an output folder got. */
@Command(name = "status", sortOptions = false,
        description = {"how far the study in an output folder got", "",
            "Prints the study in DIR (name, hash, code version), the state of its last run (running, complete,"
                    + " failed, failed: no space, interrupted), how many of its trials are done, by status, every"
                    + " file of the tables that is not counted and why (empty, truncated, foreign, a copy) with what"
                    + " to do, and which run holds DIR's lock, if any (host, pid, since when, last heartbeat). DIR may"
                    + " be any Hadoop filesystem URI, as for run.", ""})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "DIR", arity = "0..*", hideParamSyntax = true,
            description = "the study's output folder, as given to run --out")
    List<String> dirs = new ArrayList<>();

    private final PrintStream out;

    public StatusCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (dirs.size() != 1) {
            throw new UsageException("status takes one output folder, got " + dirs);
        }
        return report(StudyStatus.at(dirs.get(0)));
    }

    /** Prints what {@code folder} holds; 0, or a {@link UsageException} when it holds no study of ours. */
    int report(StudyStatus folder) {
        try {
            Optional<Manifest> manifest = folder.manifest();
            if (manifest.isEmpty()) {
                // a run writes its manifest once Spark has started, seconds after it took the lock
                throw new UsageException(folder.uri() + " holds no " + OutputFolder.MANIFEST + ": " + folder.lock()
                        .map(h -> "a run is starting there (held by " + h + ")").orElse("no study has run there"));
            }
            Manifest m = manifest.get();
            CommittedTables tables = folder.tables(m);
            Map<String, Long> counts = tables.countsByStatus();
            long done = counts.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "study %s (hash %s, code %s)%n", m.study(), m.studyHash().substring(0, 12),
                    m.codeVersion());
            out.printf(Locale.ROOT, "last run: %s, started %s%s%s%n", m.describeState(), m.started(),
                    m.ended().map(e -> ", ended " + e).orElse(""),
                    m.state() == Manifest.State.COMPLETE ? "" : m.error().map(e -> " (" + e + ")").orElse(""));
            out.printf(Locale.ROOT, "trials done: %,d of %,d (%.1f%%); by status: %s%n", done, m.trials(),
                    100.0 * done / Math.max(1, m.trials()), HumanText.counts(counts));
            if (!m.rounds().isEmpty()) { // an adaptive study: the trials above count to its maximum
                out.println("adaptive replication: " + m.rounds().get(m.rounds().size() - 1).describe());
            }
            for (CommittedTables.Problem p : tables.problems()) {
                out.println("not counted: " + p.describe());
            }
            out.println("lock: " + folder.lock().map(h -> "held by " + h).orElse("none (no run is using it)"));
            return 0;
        } catch (OutputFolder.NotOurs e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + folder.uri() + ": " + e.getMessage());
        }
    }
}
