package io.gradsweep.driver.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lease, on file: through Hadoop's FileSystem, without Spark. */
class RunLockTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    private final RunLock.Settings me = RunLock.Settings.standard();

    private OutputFolder folder() {
        return OutputFolder.at(dir.resolve("out").toString(), new Configuration());
    }

    private Path lockFile() {
        return dir.resolve("out").resolve(RunLock.FILE);
    }

    private void writeLock(String host, long pid, Instant heartbeat) throws IOException {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "{\"tool\":\"gradsweep\",\"host\":\"" + host + "\",\"pid\":" + pid
                + ",\"run_id\":\"other-run\",\"study\":\"other\",\"started\":\"" + heartbeat.minusSeconds(600)
                + "\",\"heartbeat\":\"" + heartbeat + "\"}");
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aLockIsCreatedWithItsHolderAndRemovedWhenTheRunEnds() throws IOException {
        try (RunLock lock = RunLock.acquire(folder(), "tiny", log, me)) {
            assertTrue(lock.held());
            String text = Files.readString(lockFile());
            assertTrue(text.contains("\"pid\" : " + me.pid()) && text.contains("\"host\" : \"" + me.host() + "\"")
                    && text.contains("\"study\" : \"tiny\"") && text.contains("\"heartbeat\""), text);
            assertTrue(RunLock.holder(folder()).isPresent());
        }
        assertFalse(Files.exists(lockFile()), "released at the end");
        assertTrue(RunLock.holder(folder()).isEmpty());
    }

    @Test
    void aSecondAcquireIsRefusedNamingTheHolderWhileTheFirstLives() throws IOException {
        try (RunLock first = RunLock.acquire(folder(), "tiny", log, me)) {
            RunLock.Held e = assertThrows(RunLock.Held.class, () -> RunLock.acquire(folder(), "tiny", log, me));
            assertTrue(e.getMessage().contains("in use by another run") && e.getMessage().contains("host " + me.host())
                    && e.getMessage().contains("pid " + me.pid()) && e.getMessage().contains("since "), e.getMessage());
            assertTrue(first.held(), "the refused attempt leaves the holder's lock alone");
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
        long dead = deadPid();
        writeLock(me.host(), dead, Instant.now()); // a fresh heartbeat: only the dead pid makes it stale
        try (RunLock lock = RunLock.acquire(folder(), "tiny", log, me)) {
            assertTrue(lock.held());
            assertTrue(Files.readString(lockFile()).contains("\"pid\" : " + me.pid()));
        }
        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("taking over the lock") && logged.contains("process " + dead)
                && logged.contains("no longer exists"), logged);
    }

    @Test
    void aFreshLockFromAnotherHostIsRespectedWhateverItsPid() throws Exception {
        writeLock("elsewhere.example", deadPid(), Instant.now().minusSeconds(30));
        RunLock.Held e = assertThrows(RunLock.Held.class, () -> RunLock.acquire(folder(), "tiny", log, me));
        assertTrue(e.getMessage().contains("host elsewhere.example") && e.getMessage().matches(".*last heartbeat 3[01] s ago.*")
                && e.getMessage().contains("delete " ), e.getMessage());
        assertTrue(Files.readString(lockFile()).contains("other-run"), "left as it was");
    }

    @Test
    void aLockSilentForLongerThanTheBoundIsTakenOverFromAnyHost() throws Exception {
        writeLock("elsewhere.example", 4242, Instant.now().minus(RunLock.STALE_AFTER).minusSeconds(5));
        try (RunLock lock = RunLock.acquire(folder(), "tiny", log, me)) {
            assertTrue(lock.held());
        }
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("no heartbeat for 125 s"), logBytes.toString());
    }

    @Test
    void anEmptyLockCountsByItsFileTimeSoALockBeingWrittenIsNotStolen() throws IOException {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), "");
        assertThrows(RunLock.Held.class, () -> RunLock.acquire(folder(), "tiny", log, me));
        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        try (RunLock lock = RunLock.acquire(folder(), "tiny", log, me)) {
            assertTrue(lock.held());
        }
    }

    @Test
    void theHolderRefreshesItsHeartbeat() throws Exception {
        RunLock.Settings quick = new RunLock.Settings(Clock.systemUTC(), Duration.ofMillis(20), RunLock.STALE_AFTER,
                me.host(), me.pid());
        try (RunLock lock = RunLock.acquire(folder(), "tiny", log, quick)) {
            Instant first = RunLock.holder(folder()).orElseThrow().heartbeat();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!RunLock.holder(folder()).orElseThrow().heartbeat().isAfter(first)) {
                assertTrue(System.nanoTime() < deadline, "no new heartbeat within 10 s");
                Thread.sleep(10);
            }
            assertTrue(lock.held());
        }
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void aRunWhoseLockWasTakenOverSaysSoAndLeavesTheNewHoldersLock() throws Exception {
        RunLock.Settings quick = new RunLock.Settings(Clock.systemUTC(), Duration.ofMillis(20), RunLock.STALE_AFTER,
                me.host(), me.pid());
        RunLock lock = RunLock.acquire(folder(), "tiny", log, quick);
        writeLock("elsewhere.example", 4242, Instant.now()); // as if another run judged ours dead
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lock.held()) {
            assertTrue(System.nanoTime() < deadline, "the loss was not noticed within 10 s");
            Thread.sleep(10);
        }
        lock.close();
        assertTrue(Files.readString(lockFile()).contains("other-run"), "the new holder's lock stays");
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("no longer this run's"), logBytes.toString());
    }

    @Test
    void theLockDoesNotMakeAFolderNonEmptyAndSurvivesAReplace() throws IOException {
        OutputFolder folder = folder();
        try (RunLock lock = RunLock.acquire(folder, "tiny", log, me)) {
            assertTrue(folder.isEmpty(), "a folder holding only the lock is still empty");
            folder.writeManifest(OutputFolderTest.manifest(1));
            Files.createDirectories(dir.resolve("out/trials/activation=relu"));
            Files.writeString(dir.resolve("out/trials/activation=relu/part-1.parquet"), "x");
            assertFalse(folder.isEmpty());
            folder.deleteOwnFolder();
            assertTrue(folder.isEmpty());
            assertTrue(Files.exists(lockFile()), "the replacing run keeps its lock");
            assertFalse(Files.exists(dir.resolve("out").resolve(OutputFolder.MANIFEST)));
        }
    }
}
