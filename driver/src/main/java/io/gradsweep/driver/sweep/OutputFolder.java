package io.gradsweep.driver.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * A study's output folder, through Hadoop's FileSystem API so that it works the same on file:,
 * hdfs: or s3a:. It holds manifest.json (whose presence marks the folder as gradsweep's) and the
 * tables trials/ and traces/.
 */
public final class OutputFolder {
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final FileSystem fs;
    /** For the manifest and the lock, replaced whole: see {@link WholeFiles}. */
    private final FileSystem direct;

    private OutputFolder(Path root, Configuration conf) throws IOException {
        this.root = root;
        this.fs = root.getFileSystem(conf);
        this.direct = WholeFiles.direct(fs);
    }

    /** A folder given as a URI (hdfs://..., s3a://..., file:/...) or a local path. */
    public static OutputFolder at(String location, Configuration conf) {
        try {
            URI uri = new URI(location);
            Path root = uri.getScheme() == null || uri.getScheme().length() == 1 // a Windows drive letter is no scheme
                    ? new Path(Paths.get(location).toAbsolutePath().normalize().toUri())
                    : new Path(uri);
            return new OutputFolder(root, conf);
        } catch (java.net.URISyntaxException e) {
            return at(Paths.get(location).toAbsolutePath().normalize().toUri().toString(), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + location + ": " + e.getMessage(), e);
        }
    }

    /** The folder as a fully qualified URI, for the executors. */
    public String uri() {
        return fs.makeQualified(root).toString();
    }

    public Path table(String name) {
        return new Path(root, name);
    }

    public boolean exists() throws IOException {
        return fs.exists(root);
    }

    /** True if the folder is missing or holds nothing but a run's lock (see {@link RunLock}). */
    public boolean isEmpty() throws IOException {
        if (!fs.exists(root)) {
            return true;
        }
        for (FileStatus s : fs.listStatus(root)) {
            if (!isLockFile(s.getPath().getName())) {
                return false;
            }
        }
        return true;
    }

    /** The lock, and its checksum, heartbeat and set-aside files: the run's own, kept by a replace. */
    private static boolean isLockFile(String name) {
        return name.equals(RunLock.FILE) || name.startsWith("." + RunLock.FILE);
    }

    /** The filesystem for the small files replaced whole (the lock): see {@link WholeFiles}. */
    FileSystem directFileSystem() {
        return direct;
    }

    /** A file directly in the folder. */
    Path resolve(String name) {
        return new Path(root, name);
    }

    public Optional<ObjectNode> manifest() throws IOException {
        try (InputStream in = direct.open(new Path(root, MANIFEST))) {
            return Optional.of((ObjectNode) JSON.readTree(in));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the manifest to a temporary file, then renames it over the old one, so that a crash
     * or a reader at any moment finds the old manifest or the new one (see {@link WholeFiles}).
     */
    public void writeManifest(ObjectNode manifest) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
        direct.mkdirs(root);
        // a checksum left by an older version's checksummed write would no longer match
        direct.delete(new Path(root, "." + MANIFEST + ".crc"), false);
        WholeFiles.replace(direct, new Path(root, MANIFEST), bytes, "");
    }

    /**
     * Empties the folder, but only if it is gradsweep's (holds a manifest): a typo such as
     * {@code --out ~} must never delete a home directory. The run's lock stays (the caller holds
     * it), and the manifest goes last, so that a replace cut short still leaves a folder marked
     * as gradsweep's, which the next --replace may finish.
     */
    public void deleteOwnFolder() throws IOException {
        Path manifest = new Path(root, MANIFEST);
        if (!fs.exists(manifest)) {
            throw new IllegalStateException(uri() + " holds no " + MANIFEST + ": not a gradsweep output folder, not deleted");
        }
        for (FileStatus s : fs.listStatus(root)) {
            String name = s.getPath().getName();
            if (!isLockFile(name) && !name.equals(MANIFEST) && !name.equals("." + MANIFEST + ".crc")) {
                fs.delete(s.getPath(), true);
            }
        }
        fs.delete(manifest, false);
    }

    /**
     * Removes what an interrupted run left: hidden temporary files, and trace files of tasks whose
     * trials file was never committed (their trials will be trained again). Returns how many.
     */
    public int removeUncommitted() throws IOException {
        int removed = 0;
        Set<String> committed = new HashSet<>();
        Path trials = table("trials");
        if (fs.exists(trials)) {
            for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(trials, true); it.hasNext(); ) {
                Path p = it.next().getPath();
                if (p.getName().startsWith(".")) {
                    removed += fs.delete(p, false) ? 1 : 0;
                } else {
                    committed.add(p.getParent().getName() + "/" + p.getName());
                }
            }
        }
        Path traces = table("traces");
        if (fs.exists(traces)) {
            for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(traces, true); it.hasNext(); ) {
                Path p = it.next().getPath();
                boolean orphan = !committed.contains(p.getParent().getName() + "/" + p.getName());
                if (p.getName().startsWith(".") || orphan) {
                    removed += fs.delete(p, false) ? 1 : 0;
                }
            }
        }
        return removed;
    }

    /** Number of committed files in a table. */
    public int fileCount(String table) throws IOException {
        Path t = table(table);
        if (!fs.exists(t)) {
            return 0;
        }
        int n = 0;
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(t, true); it.hasNext(); ) {
            FileStatus s = it.next();
            if (!s.getPath().getName().startsWith(".") && s.getPath().getName().endsWith(".parquet")) {
                n++;
            }
        }
        return n;
    }
}
