package dev.mrfi.nn.data;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.Tensor;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: unsigned-byte images (magic {@code 0x00000803}) and
 * labels (magic {@code 0x00000801}), each either plain or gzipped, told apart by their first bytes.
 *
 * <p>Images become float32 {@code [N, 1, rows, cols]} holding {@code pixel / 255f}, nothing else: no
 * mean or standard-deviation normalisation, exactly the preprocessing the bundled LeNet was trained
 * with. Stateless and thread-safe.
 */
public final class Idx {

    /** Magic number of an IDX file of unsigned bytes in three dimensions: images, rows, columns. */
    public static final int IMAGES_MAGIC = 0x0000_0803;
    /** Magic number of an IDX file of unsigned bytes in one dimension: labels. */
    public static final int LABELS_MAGIC = 0x0000_0801;

    private static final int INITIAL_STREAM_BYTES = 1 << 20;

    private Idx() {
    }

    /**
     * Reads an image file.
     *
     * @param file plain or gzipped IDX images
     * @return float32 {@code [N, 1, rows, cols]} in [0, 1]
     * @throws DataFileException if the file is not an IDX image file or is truncated
     * @throws IOException       if it cannot be read
     */
    public static Tensor readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString(), Files.size(file));
        }
    }

    /**
     * Reads images from a stream; does not close it.
     *
     * @param in     plain or gzipped IDX images
     * @param source what to call the stream in error messages
     * @return float32 {@code [N, 1, rows, cols]} in [0, 1]
     * @throws DataFileException if the stream is not an IDX image file or is truncated
     * @throws IOException       if it cannot be read
     */
    public static Tensor readImages(InputStream in, String source) throws IOException {
        return readImages(in, source, -1);
    }

    private static Tensor readImages(InputStream in, String source, long fileLength) throws IOException {
        InputStream data = open(in);
        long plainLength = data instanceof GzipData ? -1 : fileLength;
        try {
            int[] dims = readHeader(data, source, IMAGES_MAGIC);
            long count = (long) dims[0] * dims[1] * dims[2];
            if (count > TensorShape.MAX_ELEMENTS) {
                throw new DataFileException(DataFileError.IDX_TOO_LARGE, source, dims[0] + " images of " + dims[1] + "x"
                        + dims[2] + " are more values than one Java array holds (" + TensorShape.MAX_ELEMENTS + ")");
            }
            byte[] pixels = readBody(data, source, (int) count, plainLength - 16,
                    dims[0] + " images of " + dims[1] + "x" + dims[2] + ", " + count + " pixels,");
            float[] values = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                values[i] = (pixels[i] & 0xFF) / 255f;
            }
            return new Tensor(TensorShape.of(dims[0], 1, dims[1], dims[2]), values);
        } catch (EOFException e) {
            throw truncatedCompression(source, e);
        }
    }

    /**
     * Reads a label file.
     *
     * @param file plain or gzipped IDX labels
     * @return one label per item, 0 to 255
     * @throws DataFileException if the file is not an IDX label file or is truncated
     * @throws IOException       if it cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString(), Files.size(file));
        }
    }

    /**
     * Reads labels from a stream; does not close it.
     *
     * @param in     plain or gzipped IDX labels
     * @param source what to call the stream in error messages
     * @return one label per item, 0 to 255
     * @throws DataFileException if the stream is not an IDX label file or is truncated
     * @throws IOException       if it cannot be read
     */
    public static int[] readLabels(InputStream in, String source) throws IOException {
        return readLabels(in, source, -1);
    }

    private static int[] readLabels(InputStream in, String source, long fileLength) throws IOException {
        InputStream data = open(in);
        long plainLength = data instanceof GzipData ? -1 : fileLength;
        try {
            int[] dims = readHeader(data, source, LABELS_MAGIC);
            byte[] bytes = readBody(data, source, dims[0], plainLength - 8, dims[0] + " labels");
            int[] labels = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (EOFException e) {
            throw truncatedCompression(source, e);
        }
    }

    private static InputStream open(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in is null");
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == 0x1F && second == 0x8B) {
            return new GzipData(new GZIPInputStream(buffered, 1 << 16));
        }
        return buffered;
    }

    private static int[] readHeader(InputStream in, String source, int expectedMagic) throws IOException {
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new DataFileException(DataFileError.IDX_TRUNCATED, source, "the file ends after " + magicBytes.length
                    + " bytes, before the end of the magic number");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        if (magic != expectedMagic) {
            throw new DataFileException(DataFileError.IDX_BAD_MAGIC, source, String.format(
                    "magic number 0x%08x (%s), expected 0x%08x (%s)", magic, describe(magic), expectedMagic,
                    describe(expectedMagic)));
        }
        int rank = magic & 0xFF;
        byte[] dimBytes = in.readNBytes(4 * rank);
        if (dimBytes.length < 4 * rank) {
            throw new DataFileException(DataFileError.IDX_TRUNCATED, source, "the file ends inside the dimensions of the"
                    + " header, after " + (4 + dimBytes.length) + " bytes");
        }
        ByteBuffer dims = ByteBuffer.wrap(dimBytes);
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            result[i] = dims.getInt();
            if (result[i] < 0) {
                throw new DataFileException(DataFileError.IDX_TOO_LARGE, source, "dimension " + i + " is "
                        + Integer.toUnsignedString(result[i]) + ", larger than one Java array can hold");
            }
        }
        return result;
    }

    private static String describe(int magic) {
        if (magic == IMAGES_MAGIC) {
            return "unsigned-byte images, 3 dimensions";
        }
        if (magic == LABELS_MAGIC) {
            return "unsigned-byte labels, 1 dimension";
        }
        if ((magic >>> 16) == 0) {
            return "IDX type 0x" + String.format("%02x", (magic >>> 8) & 0xFF) + ", " + (magic & 0xFF) + " dimensions";
        }
        return "not an IDX file";
    }

    /** The decompressed content of a gzipped file, whose length nothing tells before it is read. */
    private static final class GzipData extends BufferedInputStream {
        GzipData(InputStream gzip) {
            super(gzip, 1 << 16);
        }
    }

    /**
     * Reads the body: checked against the file's length before allocating when it is known ({@code available}
     * not negative), else read in chunks into a buffer that doubles, so a header that lies costs at most twice
     * the bytes actually present, never what it claims.
     */
    private static byte[] readBody(InputStream in, String source, int count, long available, String what)
            throws IOException {
        if (available >= 0 && available < count) {
            throw truncatedBody(source, what, available);
        }
        byte[] body = new byte[available >= 0 ? count : Math.min(count, INITIAL_STREAM_BYTES)];
        int done = 0;
        while (done < count) {
            if (done == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(count, 2L * body.length));
            }
            int read = in.read(body, done, body.length - done);
            if (read < 0) {
                throw truncatedBody(source, what, done);
            }
            done += read;
        }
        return body;
    }

    private static DataFileException truncatedBody(String source, String what, long held) {
        return new DataFileException(DataFileError.IDX_TRUNCATED, source, "the header announces " + what
                + " but the file holds only " + held + " bytes after the header");
    }

    private static DataFileException truncatedCompression(String source, EOFException e) {
        return new DataFileException(DataFileError.IDX_TRUNCATED, source, "the gzip stream ends early: " + e.getMessage(), e);
    }
}
