package io.gradsweep.worker.folder;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * A folder on this machine's disk, read with java.nio and Parquet's own local file, no Hadoop
 * class loaded (see {@link FolderFiles}): no link followed, a file gone since its listing is
 * {@link FileNotFoundException}. Its paths are {@code file:} paths, named as Hadoop's local file
 * system names them. Unlike Hadoop's local file system it does not check the .crc side files.
 */
public final class LocalFolderFiles implements FolderFiles {
    private final ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(new LocalDecompressors()).usePageChecksumVerification(true).build();

    @Override
    public List<FolderTree.Entry> list(Path dir) throws IOException {
        return list(local(dir), dir);
    }

    /** The entries of the local directory {@code d}, named as children of {@code dir}; FolderTree's listing on file:. */
    static List<FolderTree.Entry> list(java.nio.file.Path d, Path dir) throws IOException {
        List<FolderTree.Entry> entries = new ArrayList<>();
        // the folder listed may itself be reached through a link (an output folder linked to
        // another disk); what matters is that no entry found in it is ever followed
        if (!Files.isDirectory(d)) {
            return entries;
        }
        try (DirectoryStream<java.nio.file.Path> children = Files.newDirectoryStream(d)) {
            for (java.nio.file.Path child : children) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // deleted while we listed
                }
                FolderTree.Kind kind = a.isSymbolicLink() ? FolderTree.Kind.LINK : a.isDirectory() ? FolderTree.Kind.DIRECTORY
                        : a.isRegularFile() ? FolderTree.Kind.FILE : FolderTree.Kind.OTHER;
                entries.add(new FolderTree.Entry(new Path(dir, child.getFileName().toString()), kind, a.size()));
            }
        } catch (NoSuchFileException e) {
            return entries; // the directory was deleted since it was seen
        }
        entries.sort(Comparator.comparing(FolderTree.Entry::name));
        return entries;
    }

    @Override
    public InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(local(file));
        } catch (NoSuchFileException e) {
            throw gone(e);
        }
    }

    @Override
    public long modifiedMillis(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(local(file)).toMillis();
        } catch (NoSuchFileException e) {
            throw gone(e);
        }
    }

    @Override
    public InputFile parquet(Path file) throws IOException {
        // opened with RandomAccessFile: a file gone is a FileNotFoundException already
        return new LocalInputFile(local(file));
    }

    @Override
    public ParquetReadOptions parquetOptions() {
        return options;
    }

    /** The file behind a file: path, as Hadoop's local file system finds it. */
    private static java.nio.file.Path local(Path path) {
        return java.nio.file.Paths.get(path.toUri().getPath());
    }

    private static FileNotFoundException gone(NoSuchFileException e) {
        FileNotFoundException f = new FileNotFoundException(e.getFile() + ": no such file");
        f.initCause(e);
        return f;
    }
}
