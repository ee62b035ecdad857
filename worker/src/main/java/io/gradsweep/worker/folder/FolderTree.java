package io.gradsweep.worker.folder;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Lists and deletes inside an output folder without ever following a symbolic link: a link is
 * listed as a link (never as what it points to), and a delete removes a regular file or an empty
 * directory, never a link's target. On file: that takes java.nio with NOFOLLOW_LINKS (Hadoop's
 * local listing follows links), as {@link LocalFolderFiles} lists; elsewhere Hadoop's FileStatus
 * says which entries are links.
 */
public final class FolderTree {
    /** What a directory entry is, looked at without following it. */
    public enum Kind { FILE, DIRECTORY, LINK, OTHER }

    /** One entry of a directory. */
    public record Entry(Path path, Kind kind, long length) {
        public String name() {
            return path.getName();
        }
    }

    private FolderTree() {
    }

    /** The entries of {@code dir}, sorted by name; empty when it does not exist. */
    public static List<Entry> list(FileSystem fs, Path dir) throws IOException {
        File local = localFile(fs, dir);
        if (local != null) {
            return LocalFolderFiles.list(local.toPath(), dir);
        }
        List<Entry> entries = new ArrayList<>();
        FileStatus[] statuses;
        try {
            if (!fs.getFileStatus(dir).isDirectory()) {
                return entries;
            }
            statuses = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return entries;
        }
        for (FileStatus s : statuses) {
            Kind kind = s.isSymlink() ? Kind.LINK : s.isDirectory() ? Kind.DIRECTORY
                    : s.isFile() ? Kind.FILE : Kind.OTHER;
            entries.add(new Entry(s.getPath(), kind, s.getLen()));
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /** What {@code path} is, without following it; empty when it does not exist. */
    public static java.util.Optional<Kind> kindOf(FileSystem fs, Path path) throws IOException {
        for (Entry e : list(fs, path.getParent())) {
            if (e.name().equals(path.getName())) {
                return java.util.Optional.of(e.kind());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Deletes a regular file (on file: with its checksum file, as Hadoop's local file system
     * does). Refuses anything else: a link, a directory.
     */
    public static boolean deleteFile(FileSystem fs, Entry file) throws IOException {
        if (file.kind() != Kind.FILE) {
            throw new IllegalArgumentException(file.path() + " is a " + file.kind() + ", not a file: not deleted");
        }
        return fs.delete(file.path(), false);
    }

    /** Deletes a directory if it is empty (a non-empty one, or a link, stays); true if it went. */
    public static boolean deleteEmptyDirectory(FileSystem fs, Entry dir) throws IOException {
        if (dir.kind() != Kind.DIRECTORY || !list(fs, dir.path()).isEmpty()) {
            return false;
        }
        return fs.delete(dir.path(), false);
    }

    /** The local file behind {@code path}, when {@code fs} is the local file system; null otherwise. */
    static File localFile(FileSystem fs, Path path) {
        if (fs instanceof LocalFileSystem local) {
            return local.pathToFile(path);
        }
        if (fs instanceof RawLocalFileSystem raw) {
            return raw.pathToFile(path);
        }
        return null;
    }
}
