package dev.mrfi.nn.io;

import dev.mrfi.api.TensorShape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes NumPy's {@code .npy} format
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">specification</a>).
 *
 * <pre>{@code
 * NpyArray logits = Npy.read(Path.of("logits.npy"));   // any supported dtype, as float32
 * Npy.write(Path.of("out.npy"), TensorShape.of(8, 10), values);
 * }</pre>
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0; the dtypes of {@link NpyDtype} in little-endian
 * ({@code <}), big-endian ({@code >}), native ({@code =}) or not-applicable ({@code |}, one-byte types)
 * byte order; C and Fortran order (Fortran arrays are reordered to row-major); 0-d scalars. Writing
 * produces float32, little-endian, C order, version 1.0 unless the header needs 2.0, padded to 64 bytes
 * as NumPy does, so {@code np.load} reads it and NumPy writes the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE_LENGTH = MAGIC.length + 2;
    private static final int ALIGNMENT = 64;
    private static final int GROWTH_AXIS_DIGITS = 21;
    private static final long MAX_HEADER_LENGTH = 1 << 20;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final int INITIAL_STREAM_VALUES = 1 << 20;
    private static final Set<String> HEADER_KEYS = Set.of("descr", "fortran_order", "shape");

    private Npy() {
    }

    /**
     * Reads an {@code .npy} file.
     *
     * @param file the file
     * @return the array, as float32 in row-major order
     * @throws DataFileException if the content is not a supported NPY array; the message names the file
     * @throws IOException       if the file cannot be read
     */
    public static NpyArray read(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        long length = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
            return read(in, file.toString(), length, true);
        }
    }

    /**
     * Reads one NPY array from a stream, leaving the stream after the array's data; does not close it.
     *
     * @param in     the stream, positioned at the magic string
     * @param source what to call the stream in error messages, for example a file or archive entry name
     * @return the array, as float32 in row-major order
     * @throws DataFileException if the content is not a supported NPY array
     * @throws IOException       if the stream cannot be read
     */
    public static NpyArray read(InputStream in, String source) throws IOException {
        return read(in, source, -1);
    }

    /**
     * Reads one NPY array from a stream whose length is known, for example an archive entry's uncompressed
     * size; leaves the stream after the array's data and does not close it. A header announcing more data
     * than {@code length} allows fails before anything is allocated. The length is a claim too (an archive
     * may lie about it), so the data are still read in bounded steps: memory grows with the bytes actually
     * read, never with what a header or an archive announces.
     *
     * @param in     the stream, positioned at the magic string
     * @param source what to call the stream in error messages
     * @param length the bytes the stream holds for this array, header included; negative if unknown
     * @return the array, as float32 in row-major order
     * @throws DataFileException if the content is not a supported NPY array or is shorter than its header says
     * @throws IOException       if the stream cannot be read
     */
    public static NpyArray read(InputStream in, String source, long length) throws IOException {
        return read(in, source, length, false);
    }

    private static NpyArray read(InputStream in, String source, long length, boolean exactLength) throws IOException {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(source, "source is null");
        Header header = readHeader(in, source);
        long dataBytes = (long) header.shape.size() * header.dtype.itemSize();
        if (length >= 0 && dataBytes > length - header.length) {
            throw new DataFileException(DataFileError.NPY_TRUNCATED, source, "the header announces " + dataBytes
                    + " bytes of data (shape " + header.shape + ", dtype '" + header.descr + "') but the file holds "
                    + Math.max(0, length - header.length) + " bytes after the header");
        }
        float[] data = readData(in, source, header, exactLength);
        if (header.fortranOrder && header.shape.rank() > 1) {
            data = fortranToRowMajor(data, header.shape);
        }
        return new NpyArray(header.shape, data, header.dtype);
    }

    /** A parsed header; {@code length} counts its bytes from the magic string to the newline. */
    private record Header(NpyDtype dtype, ByteOrder order, String descr, boolean fortranOrder, TensorShape shape,
            long length) {

        Header withLength(long bytes) {
            return new Header(dtype, order, descr, fortranOrder, shape, bytes);
        }
    }

    private static Header readHeader(InputStream in, String source) throws IOException {
        byte[] preamble = in.readNBytes(PREAMBLE_LENGTH);
        int compared = Math.min(preamble.length, MAGIC.length);
        if (!Arrays.equals(preamble, 0, compared, MAGIC, 0, compared) || preamble.length == 0) {
            throw new DataFileException(DataFileError.NPY_BAD_MAGIC, source, "not an NPY file: it starts with "
                    + hex(preamble, 0, compared) + ", an NPY file with 93 4e 55 4d 50 59 (\"\\x93NUMPY\")"
                    + (startsWithZip(preamble) ? ". This is a ZIP archive; read .npz files with Npz.read" : ""));
        }
        if (preamble.length < PREAMBLE_LENGTH) {
            throw truncatedHeader(source, preamble.length);
        }
        int major = preamble[6] & 0xFF;
        int minor = preamble[7] & 0xFF;
        if (minor != 0 || major < 1 || major > 3) {
            throw new DataFileException(DataFileError.NPY_UNSUPPORTED_VERSION, source, "format version " + major + "."
                    + minor + " is not supported. Supported: 1.0, 2.0, 3.0");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw truncatedHeader(source, PREAMBLE_LENGTH + lengthField.length);
        }
        long headerLength = ByteBuffer.wrap(lengthBytes == 2 ? Arrays.copyOf(lengthField, 4) : lengthField)
                .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new DataFileException(DataFileError.NPY_BAD_HEADER, source, "the header length " + headerLength
                    + " exceeds the limit of " + MAX_HEADER_LENGTH + " bytes");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw truncatedHeader(source, PREAMBLE_LENGTH + lengthBytes + headerBytes.length);
        }
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(text, source).withLength(PREAMBLE_LENGTH + lengthBytes + headerLength);
    }

    private static DataFileException truncatedHeader(String source, long length) {
        return new DataFileException(DataFileError.NPY_TRUNCATED, source, "the file ends after " + length
                + " bytes, inside the NPY header");
    }

    private static Header parseHeader(String text, String source) throws DataFileException {
        Object literal;
        try {
            literal = PythonLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw badHeader(source, text, "it is not a Python literal: " + e.getMessage());
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw badHeader(source, text, "it is not a dictionary");
        }
        if (!dict.keySet().equals(HEADER_KEYS)) {
            throw badHeader(source, text, "its keys are " + dict.keySet() + ", expected exactly "
                    + "['descr', 'fortran_order', 'shape']");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw badHeader(source, text, "'fortran_order' is not True or False");
        }
        TensorShape shape = shape(dict.get("shape"), source, text);
        Object descr = dict.get("descr");
        if (!(descr instanceof String descrText)) {
            throw new DataFileException(DataFileError.NPY_UNSUPPORTED_DTYPE, source, "structured dtype " + descr
                    + " cannot be read as float32. " + supportedDtypes());
        }
        return dtype(descrText, source, fortranOrder, shape);
    }

    private static TensorShape shape(Object value, String source, String text) throws DataFileException {
        if (!(value instanceof List<?> items)) {
            throw badHeader(source, text, "'shape' is not a tuple");
        }
        int[] dims = new int[items.size()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (!(items.get(i) instanceof Long dim) || dim < 0) {
                throw badHeader(source, text, "'shape' must hold non-negative integers");
            }
            if (dim > Integer.MAX_VALUE) {
                throw new DataFileException(DataFileError.NPY_TOO_LARGE, source, "shape " + pythonTuple(items)
                        + " has a dimension larger than " + Integer.MAX_VALUE + ", the limit of one Java array");
            }
            dims[i] = (int) (long) dim;
            count = Math.min(count * dim, TensorShape.MAX_ELEMENTS + 1);
        }
        if (count > TensorShape.MAX_ELEMENTS) {
            throw new DataFileException(DataFileError.NPY_TOO_LARGE, source, "shape " + pythonTuple(items)
                    + " has more elements than one Java array holds (" + TensorShape.MAX_ELEMENTS + ")");
        }
        return TensorShape.of(dims);
    }

    private static Header dtype(String descr, String source, boolean fortranOrder, TensorShape shape)
            throws DataFileException {
        String rest = descr;
        char orderChar = '=';
        if (!rest.isEmpty() && "<>|=".indexOf(rest.charAt(0)) >= 0) {
            orderChar = rest.charAt(0);
            rest = rest.substring(1);
        }
        NpyDtype type = null;
        if (rest.length() >= 2 && rest.substring(1).chars().allMatch(Character::isDigit) && rest.length() < 6) {
            type = NpyDtype.find(rest.charAt(0), Integer.parseInt(rest.substring(1))).orElse(null);
        }
        if (type == null) {
            throw new DataFileException(DataFileError.NPY_UNSUPPORTED_DTYPE, source, "dtype '" + descr + "'"
                    + describeUnsupported(rest) + " cannot be read as float32. " + supportedDtypes());
        }
        ByteOrder order = switch (orderChar) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
        if (orderChar == '|' && type.itemSize() > 1) {
            throw new DataFileException(DataFileError.NPY_BAD_HEADER, source, "dtype '" + descr
                    + "' has no byte order, which only one-byte types may omit");
        }
        return new Header(type, order, descr, fortranOrder, shape, 0);
    }

    private static String describeUnsupported(String typeCode) {
        if (typeCode.isEmpty()) {
            return "";
        }
        return switch (typeCode.charAt(0)) {
            case 'c' -> " (complex)";
            case 'O' -> " (Python objects)";
            case 'U' -> " (unicode strings)";
            case 'S', 'a' -> " (byte strings)";
            case 'V' -> " (raw or structured records)";
            case 'M' -> " (datetime64)";
            case 'm' -> " (timedelta64)";
            case 'f' -> " (a float size other than 2, 4 or 8 bytes)";
            default -> "";
        };
    }

    private static String supportedDtypes() {
        StringBuilder names = new StringBuilder("Supported: ");
        for (NpyDtype type : NpyDtype.values()) {
            names.append(type == NpyDtype.BOOL ? "" : ", ").append(type.numpyName());
        }
        return names.toString();
    }

    private static DataFileException badHeader(String source, String text, String problem) {
        return new DataFileException(DataFileError.NPY_BAD_HEADER, source, "the header " + quote(text.strip()) + " is"
                + " not valid: " + problem);
    }

    /**
     * Reads the data in chunks. With {@code exactLength} the file size has vouched for the data, so the
     * array is allocated whole; otherwise it grows by doubling as chunks arrive, so a stream shorter than
     * its header says fails after allocating at most twice what it held.
     */
    private static float[] readData(InputStream in, String source, Header header, boolean exactLength)
            throws IOException {
        int count = header.shape.size();
        int itemSize = header.dtype.itemSize();
        float[] data = new float[exactLength ? count : Math.min(count, INITIAL_STREAM_VALUES)];
        byte[] buffer = new byte[(int) Math.min(CHUNK_BYTES, (long) count * itemSize)];
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(header.order);
        int itemsPerChunk = CHUNK_BYTES / itemSize;
        int done = 0;
        while (done < count) {
            int items = Math.min(count - done, itemsPerChunk);
            int length = items * itemSize;
            int read = in.readNBytes(buffer, 0, length);
            if (read < length) {
                throw new DataFileException(DataFileError.NPY_TRUNCATED, source, "the data ends after "
                        + ((long) done * itemSize + read) + " of " + ((long) count * itemSize) + " bytes (shape "
                        + header.shape + ", dtype '" + header.descr + "')");
            }
            if (done + items > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(count, Math.max(2L * data.length, done + items)));
            }
            decode(header.dtype, bytes, data, done, items);
            done += items;
        }
        return data;
    }

    private static void decode(NpyDtype type, ByteBuffer bytes, float[] out, int offset, int count) {
        switch (type) {
            case FLOAT32 -> bytes.asFloatBuffer().get(out, offset, count);
            case FLOAT64 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (float) bytes.getDouble(8 * i);
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = Float16.toFloat(bytes.getShort(2 * i) & 0xFFFF);
                }
            }
            case BOOL -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.get(i) != 0 ? 1f : 0f;
                }
            }
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.get(i);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.get(i) & 0xFF;
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.getShort(2 * i);
                }
            }
            case UINT16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.getShort(2 * i) & 0xFFFF;
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.getInt(4 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.getInt(4 * i) & 0xFFFF_FFFFL;
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bytes.getLong(8 * i);
                }
            }
            case UINT64 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = unsignedToFloat(bytes.getLong(8 * i));
                }
            }
            default -> throw new AssertionError(type);
        }
    }

    /** Rounds an unsigned 64-bit integer to the nearest float; halving keeps the lost bit as a sticky bit. */
    private static float unsignedToFloat(long value) {
        if (value >= 0) {
            return value;
        }
        return 2f * ((value >>> 1) | (value & 1));
    }

    /** Reorders a column-major array into row-major order, walking the row-major positions with an odometer. */
    private static float[] fortranToRowMajor(float[] columnMajor, TensorShape shape) {
        int rank = shape.rank();
        int[] dims = shape.dims();
        int[] columnStrides = new int[rank];
        int stride = 1;
        for (int axis = 0; axis < rank; axis++) {
            columnStrides[axis] = stride;
            stride *= Math.max(dims[axis], 1);
        }
        float[] rowMajor = new float[columnMajor.length];
        int[] position = new int[rank];
        int source = 0;
        for (int target = 0; target < rowMajor.length; target++) {
            rowMajor[target] = columnMajor[source];
            for (int axis = rank - 1; axis >= 0; axis--) {
                position[axis]++;
                source += columnStrides[axis];
                if (position[axis] < dims[axis]) {
                    break;
                }
                source -= columnStrides[axis] * dims[axis];
                position[axis] = 0;
            }
        }
        return rowMajor;
    }

    /**
     * Writes a float32 array to an {@code .npy} file, replacing it if it exists, atomically: a failed write
     * leaves the old file as it was (see {@link AtomicFiles}), so the target may be the file just read.
     *
     * @param file  the file
     * @param shape the shape
     * @param data  the values, row-major; {@code shape.size()} of them
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, TensorShape shape, float[] data) throws IOException {
        Objects.requireNonNull(file, "file is null");
        AtomicFiles.write(file, out -> write(out, shape, data));
    }

    /**
     * Writes a float32 array in NPY format to a stream; does not close it.
     *
     * @param out   the stream
     * @param shape the shape
     * @param data  the values, row-major; {@code shape.size()} of them
     * @throws IOException if the stream cannot be written
     */
    public static void write(OutputStream out, TensorShape shape, float[] data) throws IOException {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(data, "data is null");
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        out.write(header(shape));
        byte[] buffer = new byte[(int) Math.min(CHUNK_BYTES, 4L * data.length)];
        ByteBuffer bytes = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < data.length; ) {
            int count = Math.min(data.length - done, CHUNK_BYTES / 4);
            bytes.asFloatBuffer().put(data, done, count);
            out.write(buffer, 0, 4 * count);
            done += count;
        }
    }

    /** Returns the number of bytes {@link #write} produces. */
    static long writtenLength(TensorShape shape) {
        return header(shape).length + 4L * shape.size();
    }

    /**
     * Magic, version, header length and the header dictionary as NumPy writes them: the dictionary, room
     * for the first axis to grow to 21 digits, spaces up to the next multiple of 64 bytes (at least one)
     * and a newline. Version 1.0 unless its 2-byte length field cannot hold the header.
     */
    static byte[] header(TensorShape shape) {
        int[] dims = shape.dims();
        List<Long> items = Arrays.stream(dims).mapToObj(dim -> (long) dim).toList();
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + pythonTuple(items) + ", }";
        if (dims.length > 0) {
            dict += " ".repeat(Math.max(0, GROWTH_AXIS_DIGITS - Integer.toString(dims[0]).length()));
        }
        int major = 1;
        int lengthBytes = 2;
        int padding = padding(dict.length(), lengthBytes);
        if (dict.length() + padding + 1 > 0xFFFF) {
            major = 2;
            lengthBytes = 4;
            padding = padding(dict.length(), lengthBytes);
        }
        int headerLength = dict.length() + padding + 1;
        ByteBuffer bytes = ByteBuffer.allocate(PREAMBLE_LENGTH + lengthBytes + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC).put((byte) major).put((byte) 0);
        if (lengthBytes == 2) {
            bytes.putShort((short) headerLength);
        } else {
            bytes.putInt(headerLength);
        }
        bytes.put(dict.getBytes(StandardCharsets.US_ASCII));
        bytes.put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        bytes.put((byte) '\n');
        return bytes.array();
    }

    private static int padding(int dictLength, int lengthBytes) {
        return ALIGNMENT - (PREAMBLE_LENGTH + lengthBytes + dictLength + 1) % ALIGNMENT;
    }

    private static String pythonTuple(List<?> items) {
        if (items.size() == 1) {
            return "(" + items.get(0) + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        return text.append(')').toString();
    }

    static boolean startsWithZip(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    static String hex(byte[] bytes, int from, int to) {
        if (to <= from) {
            return "nothing (the file is empty)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i == from ? "" : " ").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return text.toString();
    }

    private static String quote(String text) {
        String shortened = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return '"' + shortened.replace("\n", "\\n") + '"';
    }
}
