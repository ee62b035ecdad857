package io.gradsweep.driver.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.HadoopFolderFiles;
import io.gradsweep.worker.folder.RunFence;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lease on an output folder, so that two runs never work in one folder at once (one could
 * delete what the other writes with --replace, and both would rewrite the manifest). The lease is
 * {@code <out>/_gradsweep.lock}, created with create-if-absent through Hadoop's FileSystem, holding
 * who holds it (host, pid, run id, study) and a heartbeat the holder refreshes every
 * {@link #HEARTBEAT}. A lock survives a crash of its holder (SIGKILL runs no cleanup), so a lock
 * counts as stale, and is taken over, when its heartbeat is older than {@link #STALE_AFTER}, or
 * at once when it was taken on this host by a process that no longer exists.
 *
 * <p>The name starts with '_' so that Spark and pyarrow skip it, like the tables' hidden files.
 * On HDFS create-if-absent is atomic (the namenode decides); on file: and on an object store
 * (s3a:) Hadoop's create without overwrite is a check then a write, so two runs started within
 * the same moment (milliseconds on file:, longer on s3a:) may both pass it; a read-back catches
 * most of those on file: (see the README).
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = io.gradsweep.worker.folder.FolderLayout.LOCK;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Eight missed heartbeats: a holder that is merely slow (a long GC pause, a busy namenode) keeps its lock. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock, as its file says. */
    public record Holder(String host, long pid, String runId, String study, Instant started, Instant heartbeat) {
        static Holder of(JsonNode n) {
            return new Holder(n.path("host").asText("?"), n.path("pid").asLong(-1), n.path(RunFence.RUN_ID_FIELD).asText("?"),
                    n.path("study").asText("?"), instant(n.path("started").asText()),
                    instant(n.path("heartbeat").asText()));
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return Instant.EPOCH; // an unreadable heartbeat is as good as none: stale
            }
        }

        /** "run 1a2b... of study tiny, host h1, pid 4242, since ..., last heartbeat 3 s ago". */
        public String describe(Clock clock) {
            long ago = Math.max(0, Duration.between(heartbeat, clock.instant()).toSeconds());
            return "run " + runId + " of study '" + study + "' on host " + host + ", pid " + pid + ", since " + started
                    + " (last heartbeat " + ago + " s ago)";
        }
    }

    /** The folder is locked by a live run; nothing was written. */
    public static final class Held extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Held(String message) {
            super(message);
        }
    }

    /** How leases are timed and who this process is; the tests shorten the times. */
    record Settings(Clock clock, Duration heartbeat, Duration staleAfter, String host, long pid) {
        static Settings standard() {
            return new Settings(Clock.systemUTC(), HEARTBEAT, STALE_AFTER, thisHost(), ProcessHandle.current().pid());
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final Settings settings;
    private final PrintStream log;
    private final ObjectNode content;
    private final ScheduledExecutorService heartbeat;
    private final Thread onShutdown;
    private volatile boolean held = true;

    private RunLock(FileSystem fs, Path file, Settings settings, PrintStream log, ObjectNode content) {
        this.fs = fs;
        this.file = file;
        this.settings = settings;
        this.log = log;
        this.content = content;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gradsweep lock heartbeat");
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        });
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        // Ctrl-C runs shutdown hooks but no finally block: let the next run start at once
        this.onShutdown = new Thread(this::release, "gradsweep lock release");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * Takes the lock on {@code folder} for a run of {@code study}, creating the folder if needed.
     *
     * @throws Held when a live run holds it; the message names the holder and what to do
     */
    public static RunLock acquire(OutputFolder folder, String study, PrintStream log) throws IOException {
        return acquire(folder, study, log, Settings.standard());
    }

    static RunLock acquire(OutputFolder folder, String study, PrintStream log, Settings settings) throws IOException {
        FileSystem fs = folder.directFileSystem(); // see WholeFiles: no checksum layer on file:
        Path file = folder.resolve(FILE);
        fs.mkdirs(file.getParent());
        Instant now = settings.clock().instant();
        ObjectNode content = JSON.createObjectNode();
        content.put("tool", "gradsweep");
        content.put("host", settings.host());
        content.put("pid", settings.pid());
        content.put(RunFence.RUN_ID_FIELD, UUID.randomUUID().toString());
        content.put("study", study);
        content.put("started", now.toString());
        content.put("heartbeat", now.toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (tryCreate(fs, file, content)) {
                // file:'s create-if-absent is a check then a create: of two runs starting in the
                // same milliseconds both may pass it, and the later write wins. Reading back
                // narrows that window to the loser's own write; the loser refuses below.
                if (read(fs, file).map(h -> h.runId().equals(content.path(RunFence.RUN_ID_FIELD).asText())).orElse(false)) {
                    return new RunLock(fs, file, settings, log, content);
                }
                continue;
            }
            Optional<Holder> holder = read(fs, file);
            if (holder.isEmpty()) {
                continue; // released between our create and our read: try again
            }
            Holder h = holder.get();
            String stale = staleness(h, settings);
            if (stale == null) {
                throw new Held(folder.uri() + " is in use by another run: " + h.describe(settings.clock())
                        + ". Wait for it to end, or stop it; a lock whose holder died is taken over after "
                        + settings.staleAfter().toSeconds() + " s without a heartbeat (at once on the same host)."
                        + " If you are sure no run uses the folder, delete " + file);
            }
            if (setAside(fs, file, h)) {
                log.println("taking over the lock of " + folder.uri() + " from " + h.describe(settings.clock())
                        + ": " + stale);
            }
        }
        throw new Held(folder.uri() + ": could not take the lock " + file + " after 3 attempts; another run is"
                + " starting there at the same moment");
    }

    /** Who holds the lock on {@code folder}, if anyone (for status). */
    public static Optional<Holder> holder(OutputFolder folder) throws IOException {
        return read(folder.directFileSystem(), folder.resolve(FILE));
    }

    /** The lock's holder as one line for status, saying whether the next run would take it over. */
    public static Optional<String> describe(OutputFolder folder) throws IOException {
        return describe(folder.directFiles(), folder.root());
    }

    /** {@link #describe(OutputFolder)} of the folder at {@code root}, read through {@code files}. */
    static Optional<String> describe(FolderFiles files, Path root) throws IOException {
        Settings settings = Settings.standard();
        return read(files, new Path(root, FILE)).map(h -> {
            String stale = staleness(h, settings);
            return h.describe(settings.clock()) + (stale == null ? "" : "; stale, " + stale + ": the next run takes it over");
        });
    }

    /** Why {@code holder} no longer counts, as a sentence for the log; null while it is live. */
    static String staleness(Holder holder, Settings settings) {
        Duration silent = Duration.between(holder.heartbeat(), settings.clock().instant());
        if (silent.compareTo(settings.staleAfter()) > 0) {
            return "no heartbeat for " + silent.toSeconds() + " s (stale after " + settings.staleAfter().toSeconds()
                    + " s)";
        }
        if (holder.host().equals(settings.host()) && holder.pid() != settings.pid()
                && ProcessHandle.of(holder.pid()).isEmpty()) {
            return "its process " + holder.pid() + " on this host no longer exists";
        }
        return null;
    }

    /** The fence a task checks before it commits: this run's id, which the lock file names while it holds it. */
    public RunFence fence() {
        return new RunFence(content.path(RunFence.RUN_ID_FIELD).asText());
    }

    /** Is this lock still ours? False once a heartbeat found another run's lock in its place. */
    public boolean held() {
        return held;
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs release() again, which does nothing
        }
    }

    private synchronized void release() {
        heartbeat.shutdownNow();
        if (!held) {
            return;
        }
        held = false;
        try {
            if (isOurs()) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            log.println("warning: could not remove the lock " + file + ": " + e.getMessage()
                    + "; the next run takes it over once it is stale");
        }
    }

    /** Refreshes the heartbeat: the new content under a temporary name, renamed over the lock. */
    private synchronized void beat() {
        if (!held) {
            return;
        }
        try {
            if (!isOurs()) {
                held = false;
                log.println("warning: the lock " + file + " is no longer this run's (another run took it over,"
                        + " judging this one dead); stop one of the two runs");
                return;
            }
            content.put("heartbeat", settings.clock().instant().toString());
            WholeFiles.replace(fs, file, bytes(content), "." + content.path(RunFence.RUN_ID_FIELD).asText());
        } catch (IOException | RuntimeException e) {
            // a missed beat is harmless until STALE_AFTER; the next one may succeed
            log.println("warning: could not refresh the lock " + file + ": " + e.getMessage());
        }
    }

    private boolean isOurs() throws IOException {
        return read(fs, file).map(h -> h.runId().equals(content.path(RunFence.RUN_ID_FIELD).asText())).orElse(false);
    }

    private static boolean tryCreate(FileSystem fs, Path file, ObjectNode content) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(bytes(content));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) { // some filesystems say "exists" with a plain IOException
                return false;
            }
            throw e;
        }
    }

    /**
     * Moves a stale lock aside (rename is atomic on HDFS and file:, so of two runs taking over the
     * same stale lock only one moves it). If what we moved is not the lock we judged stale, a new
     * holder got in between: it goes back, and the caller reads the lock again.
     */
    private static boolean setAside(FileSystem fs, Path file, Holder stale) throws IOException {
        Path aside = new Path(file.getParent(), "." + FILE + ".stale." + UUID.randomUUID());
        if (!fs.rename(file, aside)) {
            return false;
        }
        Optional<Holder> moved = read(fs, aside);
        if (moved.isPresent() && !moved.get().runId().equals(stale.runId())) {
            fs.rename(aside, file);
            return false;
        }
        fs.delete(aside, false);
        return true;
    }

    private static Optional<Holder> read(FileSystem fs, Path file) throws IOException {
        return read(new HadoopFolderFiles(fs), file);
    }

    private static Optional<Holder> read(FolderFiles files, Path file) throws IOException {
        JsonNode node;
        try (InputStream in = files.open(file)) {
            node = JSON.readTree(in);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.has("heartbeat")) {
            // empty or half-written: being created right now, or its creator died while writing it.
            // The file's own time tells which: stale only once it is older than the bound.
            try {
                long modified = files.modifiedMillis(file);
                node = JSON.createObjectNode().put("heartbeat", Instant.ofEpochMilli(modified).toString())
                        .put("started", Instant.ofEpochMilli(modified).toString());
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        }
        return Optional.of(Holder.of(node));
    }

    private static byte[] bytes(ObjectNode content) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
