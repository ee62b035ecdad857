package io.gradsweep.driver.sweep;

import io.gradsweep.driver.report.ReportFolder;
import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.FolderLayout;
import io.gradsweep.worker.folder.FolderTree;
import io.gradsweep.worker.folder.HadoopFolderFiles;
import io.gradsweep.worker.folder.Manifest;
import io.gradsweep.worker.folder.RunFence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A study's output folder, through Hadoop's FileSystem API so that it works the same on file:,
 * hdfs: or s3a:. It holds manifest.json (a gradsweep {@link Manifest} marks the folder as
 * gradsweep's) and the tables trials/ and traces/; the names are {@link FolderLayout}'s.
 */
public final class OutputFolder {
    public static final String MANIFEST = FolderLayout.MANIFEST;
    /** See {@link #reserveSpace}: named after the lock, so that a replace keeps it and an empty check ignores it. */
    private static final String RESERVE = "." + FolderLayout.LOCK + ".reserve";

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
            return new OutputFolder(root(location), conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + location + ": " + e.getMessage(), e);
        }
    }

    /** The folder a location names: a URI as it is, a local path (absolute or not) as a file: URI. */
    static Path root(String location) {
        try {
            URI uri = new URI(location);
            return uri.getScheme() == null || uri.getScheme().length() == 1 // a Windows drive letter is no scheme
                    ? new Path(Paths.get(location).toAbsolutePath().normalize().toUri())
                    : new Path(uri);
        } catch (java.net.URISyntaxException e) {
            return root(Paths.get(location).toAbsolutePath().normalize().toUri().toString());
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
            if (!FolderLayout.isLockFile(s.getPath().getName())) {
                return false;
            }
        }
        return true;
    }

    /** The filesystem for the small files replaced whole (the lock): see {@link WholeFiles}. */
    FileSystem directFileSystem() {
        return direct;
    }

    /** A file directly in the folder. */
    Path resolve(String name) {
        return new Path(root, name);
    }

    /**
     * The folder's manifest, if it has one and it is gradsweep's.
     *
     * @throws NotOurs when a manifest.json is there but is not gradsweep's (its folder is someone else's)
     */
    public Optional<Manifest> manifest() throws IOException {
        return ManifestFile.ours(directFiles(), root, uri());
    }

    /** What the folder's manifest.json is, if there is one. */
    public Optional<Manifest.Reading> readManifest() throws IOException {
        return ManifestFile.read(directFiles(), root);
    }

    /** The manifest's and the lock's file system, for their readers (see {@link WholeFiles}). */
    FolderFiles directFiles() {
        return new HadoopFolderFiles(direct);
    }

    /** The tables' file system, for their reader (see {@link CommittedTables}). */
    FolderFiles tableFiles() {
        return new HadoopFolderFiles(fs);
    }

    /** The folder's root, as given (not qualified). */
    Path root() {
        return root;
    }

    /**
     * Writes the manifest to a temporary file, then renames it over the old one, so that a crash
     * or a reader at any moment finds the old manifest or the new one (see {@link WholeFiles}).
     */
    public void writeManifest(Manifest manifest) throws IOException {
        direct.mkdirs(root);
        // a checksum left by an older version's checksummed write would no longer match
        direct.delete(new Path(root, "." + MANIFEST + ".crc"), false);
        WholeFiles.replace(direct, new Path(root, MANIFEST), manifest.toJson(), "");
    }

    /**
     * Sets {@code bytes} of the disk aside for the manifest that ends the run: a run that fills the
     * disk releases them first, so that its manifest can still say so. A hidden file beside the
     * lock, the run's own like the lock.
     */
    public void reserveSpace(int bytes) throws IOException {
        WholeFiles.replace(direct, new Path(root, RESERVE), new byte[bytes], "");
    }

    /** Gives the space {@link #reserveSpace} set aside back; nothing when there is none. */
    public void releaseSpace() throws IOException {
        direct.delete(new Path(root, RESERVE), false);
    }

    /**
     * Empties the folder of what gradsweep wrote there, but only if its manifest is gradsweep's:
     * a typo such as {@code --out ~} must never delete a home directory, nor may a folder that
     * merely holds a file named manifest.json lose anything. Deletes only our own names (the
     * tables' part files, partition folders and temporaries, a marked report folder, the
     * manifest's temporaries), never through a symbolic link and never outside the folder; what
     * else is there stays and is returned. The run's lock stays (the caller holds it), and the
     * manifest goes last, so that a replace cut short still leaves a folder marked as
     * gradsweep's, which the next --replace may finish.
     */
    public List<Path> deleteOwnFolder() throws IOException {
        manifest().orElseThrow(() -> new IllegalStateException(uri() + " holds no " + MANIFEST
                + ": not a gradsweep output folder, not deleted"));
        List<Path> kept = new ArrayList<>();
        for (FolderTree.Entry e : FolderTree.list(fs, root)) {
            String name = e.name();
            if (name.equals(MANIFEST) || FolderLayout.isLockFile(name)) {
                continue;
            }
            if (e.kind() == FolderTree.Kind.DIRECTORY && FolderLayout.isTable(name)) {
                deleteTable(e, kept);
            } else if (name.equals(ReportFolder.DEFAULT_NAME) && e.kind() == FolderTree.Kind.DIRECTORY
                    && localPath().isPresent()) {
                kept.addAll(ReportFolder.delete(localPath().get().resolve(name)).stream()
                        .map(p -> new Path(p.toUri())).toList());
            } else if (e.kind() == FolderTree.Kind.FILE && FolderLayout.isTopLevelTemporary(name)) {
                FolderTree.deleteFile(direct, e);
            } else {
                kept.add(e.path());
            }
        }
        direct.delete(new Path(root, "." + MANIFEST + ".crc"), false);
        direct.delete(new Path(root, MANIFEST), false);
        return kept;
    }

    /** Deletes a table's part files and partition folders; anything else in it stays, with the folders holding it. */
    private void deleteTable(FolderTree.Entry table, List<Path> kept) throws IOException {
        for (FolderTree.Entry e : FolderTree.list(fs, table.path())) {
            if (e.kind() == FolderTree.Kind.DIRECTORY && FolderLayout.isPartitionDirectory(e.name())) {
                for (FolderTree.Entry f : FolderTree.list(fs, e.path())) {
                    deletePart(f, kept);
                }
                if (!FolderTree.deleteEmptyDirectory(fs, e)) {
                    kept.add(e.path());
                }
            } else {
                deletePart(e, kept);
            }
        }
        FolderTree.deleteEmptyDirectory(fs, table);
    }

    private void deletePart(FolderTree.Entry f, List<Path> kept) throws IOException {
        if (f.kind() == FolderTree.Kind.FILE && (FolderLayout.isPartFile(f.name()) || FolderLayout.isPartTemporary(f.name()))) {
            FolderTree.deleteFile(direct, f); // direct: on file: a checksum file is a file of its own here
        } else {
            kept.add(f.path());
        }
    }

    /** The folder as a local path, when it is on the local file system. */
    public Optional<java.nio.file.Path> localPath() {
        java.net.URI uri = java.net.URI.create(uri());
        return "file".equals(uri.getScheme()) ? Optional.of(java.nio.file.Paths.get(uri)) : Optional.empty();
    }

    /** The committed files, checked (see {@link CommittedTables}), for the study whose hash is given. */
    public CommittedTables tables(String studyHash) throws IOException {
        return CommittedTables.read(tableFiles(), root, studyHash);
    }

    /**
     * Removes what an interrupted run left, and what a crash left damaged that is provably ours
     * (see {@link CommittedTables#repair}): hidden temporary files, traces of tasks whose trials
     * file was never committed, and empty, truncated or half-committed part files (their trials
     * will be trained again). Returns what it deleted.
     */
    public List<Path> removeUncommitted(String studyHash) throws IOException {
        return repair(tables(studyHash));
    }

    /**
     * {@link #removeUncommitted}, only while {@code fence}'s run still holds the lock: once another
     * run has taken it over, the hidden files here may be that run's, in the middle of a commit.
     */
    public List<Path> removeUncommittedWhileHolding(RunFence fence, String studyHash) throws IOException {
        fence.check(fs, root);
        return removeUncommitted(studyHash);
    }

    /** {@link CommittedTables#repair} in this folder. */
    public List<Path> repair(CommittedTables tables) throws IOException {
        return tables.repair(fs, root);
    }

    /** The folder holds a manifest.json that is not gradsweep's. */
    public static final class NotOurs extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotOurs(String message) {
            super(message);
        }
    }
}
