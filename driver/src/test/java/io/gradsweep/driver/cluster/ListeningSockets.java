package io.gradsweep.driver.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP sockets that given processes listen on, from /proc (no ss or netstat needed): the
 * kernel's table of sockets, joined by inode to each process's open file descriptors.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** "pid N listens on ADDRESS:PORT" for every listening socket of {@code pids} not on a loopback address. */
    static List<String> beyondLoopback(Collection<Long> pids) {
        Map<String, Long> owner = new HashMap<>();
        for (long pid : pids) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
                for (Path fd : fds) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            owner.put(target.substring(8, target.length() - 1), pid);
                        }
                    } catch (IOException e) {
                        // closed while we looked
                    }
                }
            } catch (IOException e) {
                // the process ended while we looked
            }
        }
        List<String> beyond = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue; // no IPv6 here
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                Long pid = owner.get(f[9]);
                if (pid != null && f[3].equals(LISTEN)) {
                    String[] local = f[1].split(":");
                    InetAddress address = address(local[0]);
                    if (!address.isLoopbackAddress()) {
                        beyond.add("pid " + pid + " listens on " + address.getHostAddress() + ":" + Integer.parseInt(local[1], 16));
                    }
                }
            }
        }
        return beyond;
    }

    /** The kernel prints an address as 32-bit words in host (little-endian) order, in hex. */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }
}
