package io.gradsweep.worker.folder;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/** A folder's files through Hadoop's FileSystem: any scheme (file:, hdfs:, s3a:), with its settings. */
public final class HadoopFolderFiles implements FolderFiles {
    private final FileSystem fs;

    public HadoopFolderFiles(FileSystem fs) {
        this.fs = fs;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    @Override
    public List<FolderTree.Entry> list(Path dir) throws IOException {
        return FolderTree.list(fs, dir);
    }

    @Override
    public InputStream open(Path file) throws IOException {
        return fs.open(file);
    }

    @Override
    public long modifiedMillis(Path file) throws IOException {
        return fs.getFileStatus(file).getModificationTime();
    }

    @Override
    public InputFile parquet(Path file) throws IOException {
        return HadoopInputFile.fromPath(file, fs.getConf());
    }

    @Override
    public ParquetReadOptions parquetOptions() {
        return HadoopReadOptions.builder(fs.getConf()).usePageChecksumVerification(true).build();
    }
}
