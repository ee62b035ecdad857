package io.gradsweep.driver.sweep;

import io.gradsweep.worker.folder.CommittedTables;
import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.LocalFolderFiles;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What status reports of an output folder, read without Spark: the manifest, the committed files
 * (footers and three columns, see {@link CommittedTables}) and the lock. A folder on this machine
 * (a path, or a file: URI without a host) is read without Hadoop ({@link LocalFolderFiles}): the
 * JVM then loads no Hadoop configuration or file system, which took most of status's time; any
 * other folder goes through Hadoop's FileSystem, as the run reaches it. Both read alike.
 */
public final class StudyStatus {
    /** Hadoop's local file system's URI, against which it qualifies a path (see {@link #uri}). */
    private static final URI LOCAL = URI.create("file:///");

    private final Path root;
    private final String uri;
    /** For the manifest and the lock: on file: without the checksum layer, see {@link WholeFiles}. */
    private final FolderFiles direct;
    private final FolderFiles tables;

    private StudyStatus(Path root, String uri, FolderFiles direct, FolderFiles tables) {
        this.root = root;
        this.uri = uri;
        this.direct = direct;
        this.tables = tables;
    }

    /** The folder at {@code location} (a path or a URI, as for run --out), read the quickest way that reads it whole. */
    public static StudyStatus at(String location) {
        Path root = OutputFolder.root(location);
        if (isLocal(location)) {
            LocalFolderFiles local = new LocalFolderFiles();
            return new StudyStatus(root, root.makeQualified(LOCAL, root).toString(), local, local);
        }
        return throughHadoop(location, HadoopSettings.fromSystemProperties());
    }

    /**
     * True when {@code location} (a path or a URI, as for run --out) is a folder on this machine: a
     * path, or a file: URI without a host. Such a folder is read without Hadoop (status), and a
     * small study there without Spark (analyze).
     */
    public static boolean isLocal(String location) {
        URI u = OutputFolder.root(location).toUri();
        return "file".equals(u.getScheme()) && (u.getAuthority() == null || u.getAuthority().isEmpty());
    }

    /** The folder at {@code location} read through Hadoop's FileSystem, whatever its scheme. */
    public static StudyStatus throughHadoop(String location, Configuration conf) {
        OutputFolder folder = OutputFolder.at(location, conf);
        return new StudyStatus(folder.root(), folder.uri(), folder.directFiles(), folder.tableFiles());
    }

    /** True when the folder is read without Hadoop (a folder on this machine). */
    public boolean local() {
        return tables instanceof LocalFolderFiles;
    }

    /** The folder, fully qualified. */
    public String uri() {
        return uri;
    }

    /**
     * The folder's manifest, if it has one and it is gradsweep's.
     *
     * @throws OutputFolder.NotOurs when a manifest.json is there but is not gradsweep's
     */
    public Optional<Manifest> manifest() throws IOException {
        return ManifestFile.ours(direct, root, uri);
    }

    /** The committed files, checked, for the study of {@code manifest}. */
    public CommittedTables tables(Manifest manifest) throws IOException {
        return CommittedTables.read(tables, root, manifest.studyHash());
    }

    /** Who holds the folder's lock, as one line (see {@link RunLock#describe(OutputFolder)}); empty if no one. */
    public Optional<String> lock() throws IOException {
        return RunLock.describe(direct, root);
    }
}
