package io.gradsweep.worker.folder;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompression for {@link LocalFolderFiles} without Hadoop: Parquet's own codec factory makes a
 * Hadoop Configuration for every codec, and that alone (parsing core-default.xml) costs status
 * more than reading the folder. Our part files are ZSTD (see PartFiles), decompressed here in pure
 * Java by aircompressor's decoder (on the class path with Spark): zstd-jni, which Parquet's codec wraps, first probes for an OSGi class, a miss that
 * opens every one of the ~170 jars on the class path, then writes its native library to a
 * temporary file, which together cost status a fifth of its time. A page the Java decoder
 * refuses goes to zstd-jni all the same. Uncompressed pages pass through; any other
 * codec (a file written by another tool never gets this far, but an older gradsweep may have
 * written another) goes to Parquet's codec factory after all. Reading only.
 */
final class LocalDecompressors implements CompressionCodecFactory {
    private CompressionCodecFactory others;

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> ZSTD;
            case UNCOMPRESSED -> UNCOMPRESSED;
            default -> others().getDecompressor(codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("reading only: no " + codec + " compressor here");
    }

    @Override
    public synchronized void release() {
        if (others != null) {
            others.release();
            others = null;
        }
    }

    private synchronized CompressionCodecFactory others() {
        if (others == null) {
            others = new CodecFactory(new org.apache.hadoop.conf.Configuration(), 0);
        }
        return others;
    }

    private static final BytesInputDecompressor UNCOMPRESSED = new Decompressor() {
        @Override
        byte[] decompress(byte[] compressed, int size) {
            return compressed;
        }
    };

    private static final BytesInputDecompressor ZSTD = new Decompressor() {
        @Override
        byte[] decompress(byte[] compressed, int size) throws IOException {
            byte[] out = new byte[size];
            int n;
            try {
                n = new ZstdDecompressor().decompress(compressed, 0, compressed.length, out, 0, size);
            } catch (RuntimeException | LinkageError e) {
                return zstdJni(compressed, size); // the native decoder has the last word
            }
            if (n != size) {
                throw new IOException("ZSTD page decompresses to " + n + " bytes, its header says " + size);
            }
            return out;
        }
    };

    /** As Parquet's own ZSTD codec decompresses: zstd-jni, the reference implementation's binding. */
    private static byte[] zstdJni(byte[] compressed, int size) throws IOException {
        byte[] out = new byte[size];
        long n;
        try {
            n = Zstd.decompress(out, compressed);
        } catch (ZstdException e) {
            throw new IOException("ZSTD page does not decompress: " + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw new IOException("ZSTD page does not decompress: " + Zstd.getErrorName(n));
        }
        if (n != size) {
            throw new IOException("ZSTD page decompresses to " + n + " bytes, its header says " + size);
        }
        return out;
    }

    /** A page's bytes to its uncompressed bytes, in the two forms Parquet asks for. */
    private abstract static class Decompressor implements BytesInputDecompressor {
        abstract byte[] decompress(byte[] compressed, int size) throws IOException;

        @Override
        public BytesInput decompress(BytesInput bytes, int size) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), size));
        }

        /** As Parquet's own heap decompressor: {@code compressedSize} bytes from input's position, written at output's. */
        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size) throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(decompress(compressed, size));
        }

        @Override
        public void release() {
        }
    }
}
