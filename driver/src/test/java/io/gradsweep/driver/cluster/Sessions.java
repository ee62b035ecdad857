package io.gradsweep.driver.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Linux process sessions, read from /proc. bin/gradsweep-cluster starts each daemon as a session
 * leader; the executors a Worker starts stay in its session even when the Worker dies, so the
 * session is how to find every process of the cluster, by id.
 */
final class Sessions {
    private Sessions() {
    }

    /** The live processes whose session id is one of {@code sessionIds}. */
    static List<Long> members(Collection<Long> sessionIds) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long sid = sessionOf(p.resolve("stat"));
                    if (sessionIds.contains(sid)) {
                        pids.add(Long.parseLong(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        return pids;
    }

    /** Field 6 of /proc/PID/stat; the command name (field 2) may hold spaces, so count from its ')'. */
    private static long sessionOf(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] after = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[3]); // state, ppid, pgrp, session
        } catch (IOException | RuntimeException e) {
            return -1; // the process ended while we looked
        }
    }
}
