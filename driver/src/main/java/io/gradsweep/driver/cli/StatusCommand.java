package io.gradsweep.driver.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradsweep.driver.sweep.OutputFolder;
import io.gradsweep.driver.sweep.RunLock;
import io.gradsweep.driver.sweep.StudyStatus;
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
                complete, failed), how many of its trials are done, by status, and which run holds DIR's
                lock, if any (host, pid, since when, last heartbeat). DIR may be any Hadoop filesystem
                URI, as for run.
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
            Optional<ObjectNode> manifest = folder.manifest();
            if (manifest.isEmpty()) {
                throw new UsageException(folder.uri() + " holds no " + OutputFolder.MANIFEST + ": no study has run there");
            }
            ObjectNode m = manifest.get();
            long total = m.path("trials").asLong();
            Map<String, Long> counts = StudyStatus.countsByStatus(folder);
            long done = counts.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "study %s (hash %s, code %s)%n", m.path("study").asText(),
                    m.path("study_hash").asText().substring(0, 12), m.path("code_version").asText());
            out.printf(Locale.ROOT, "last run: %s, started %s%s%n", m.path("state").asText(), m.path("started").asText(),
                    m.has("ended") ? ", ended " + m.path("ended").asText() : "");
            out.printf(Locale.ROOT, "trials done: %d of %d (%.1f%%); by status: %s%n", done, total,
                    100.0 * done / Math.max(1, total), counts);
            out.println("lock: " + RunLock.describe(folder).map(h -> "held by " + h).orElse("none (no run is using it)"));
            return 0;
        } catch (IOException e) {
            throw new UsageException("cannot read " + folder.uri() + ": " + e.getMessage());
        }
    }
}
