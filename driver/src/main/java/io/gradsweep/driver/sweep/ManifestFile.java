package io.gradsweep.driver.sweep;

import io.gradsweep.worker.folder.FolderFiles;
import io.gradsweep.worker.folder.FolderTree;
import io.gradsweep.worker.folder.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Reads a folder's manifest.json through {@link FolderFiles}: one reader for the run (through
 * Hadoop, see {@link OutputFolder#manifest}) and for status (without Hadoop on a local folder).
 */
final class ManifestFile {
    /** Ours are a few KB (the study file and Spark's settings); a larger file is not read whole. */
    private static final long MAX_BYTES = 16 << 20;

    private ManifestFile() {
    }

    /**
     * The manifest of the folder at {@code root} (named {@code uri} in messages), if it has one and it is gradsweep's.
     *
     * @throws OutputFolder.NotOurs when a manifest.json is there but is not gradsweep's (its folder is someone else's)
     */
    static Optional<Manifest> ours(FolderFiles files, Path root, String uri) throws IOException {
        Optional<Manifest.Reading> reading = read(files, root);
        if (reading.isEmpty()) {
            return Optional.empty();
        }
        if (reading.get() instanceof Manifest.Reading.Foreign f) {
            throw new OutputFolder.NotOurs(uri + " holds a " + OutputFolder.MANIFEST + " that is not gradsweep's ("
                    + f.why() + "): not a gradsweep output folder; nothing there is read, written or deleted."
                    + " Choose another folder");
        }
        return Optional.of(((Manifest.Reading.Ours) reading.get()).manifest());
    }

    /** What the folder's manifest.json is, if there is one. */
    static Optional<Manifest.Reading> read(FolderFiles files, Path root) throws IOException {
        Path file = new Path(root, OutputFolder.MANIFEST);
        Optional<FolderTree.Entry> entry = files.entry(file);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().kind() != FolderTree.Kind.FILE) {
            return Optional.of(new Manifest.Reading.Foreign(OutputFolder.MANIFEST + " is not a regular file"));
        }
        if (entry.get().length() > MAX_BYTES) {
            return Optional.of(new Manifest.Reading.Foreign(entry.get().length() + " bytes, more than a manifest of ours"));
        }
        try (InputStream in = files.open(file)) {
            return Optional.of(Manifest.read(in.readAllBytes()));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }
}
