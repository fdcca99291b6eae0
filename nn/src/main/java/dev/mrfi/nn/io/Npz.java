package dev.mrfi.nn.io;

import dev.mrfi.api.TensorShape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} archives: a ZIP file with one {@code <key>.npy} entry per array,
 * as {@code np.savez} (stored entries) and {@code np.savez_compressed} (deflated entries) write them.
 *
 * <pre>{@code
 * Map<String, NpyArray> state = Npz.read(Path.of("lenet.npz"));   // "conv1.weight" -> [6, 1, 5, 5] ...
 * }</pre>
 *
 * <p>Reading returns the arrays in archive order, keyed by entry name without {@code .npy}; entries
 * whose names do not end in {@code .npy} are skipped. Each entry is read by {@link Npy#read(InputStream,
 * String, long)} with the size the archive gives for it, so a header claiming more than the entry holds fails
 * before its array is allocated; its errors name it as {@code archive!entry}. Stateless and thread-safe.
 */
public final class Npz {

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /**
     * Reads an {@code .npz} file.
     *
     * @param file the archive
     * @return key to array, in archive order; unmodifiable
     * @throws DataFileException if the file is not a ZIP archive or an entry is not a supported NPY array
     * @throws IOException       if the file cannot be read
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file is null");
        String source = file.toString();
        checkZipMagic(readPrefix(file), source);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isArray(entry)) {
                    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                        put(arrays, entry, Npy.read(in, source + "!" + entry.getName(), entry.getSize()), source);
                    }
                }
            }
        } catch (ZipException e) {
            throw badArchive(source, e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Reads an {@code .npz} archive from a stream, for example a class-path resource; does not close it.
     * Entries are read in the order they are stored. A stored (uncompressed) entry must carry its sizes
     * in its local header, as NumPy writes them to a file; archives written to a pipe may not, and must be
     * read from a file with {@link #read(Path)}.
     *
     * @param in     the stream, positioned at the archive's start
     * @param source what to call the archive in error messages
     * @return key to array, in archive order; unmodifiable
     * @throws DataFileException if the stream is not a ZIP archive or an entry is not a supported NPY array
     * @throws IOException       if the stream cannot be read
     */
    public static Map<String, NpyArray> read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(source, "source is null");
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] prefix = buffered.readNBytes(4);
        buffered.reset();
        checkZipMagic(prefix, source);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(buffered);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (isArray(entry)) {
                    put(arrays, entry, Npy.read(zip, source + "!" + entry.getName(), entry.getSize()), source);
                }
            }
        } catch (ZipException e) {
            throw badArchive(source, e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    private static byte[] readPrefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    private static void checkZipMagic(byte[] prefix, String source) throws DataFileException {
        boolean zip = prefix.length == 4 && prefix[0] == 'P' && prefix[1] == 'K'
                && ((prefix[2] == 3 && prefix[3] == 4) || (prefix[2] == 5 && prefix[3] == 6));
        if (!zip) {
            boolean npy = prefix.length >= 2 && (prefix[0] & 0xFF) == 0x93 && prefix[1] == 'N';
            throw new DataFileException(DataFileError.NPZ_BAD_ARCHIVE, source, "not an NPZ (ZIP) archive: it starts"
                    + " with " + Npy.hex(prefix, 0, prefix.length) + ", a ZIP archive with 50 4b 03 04 (\"PK\\3\\4\")"
                    + (npy ? ". This is a single NPY array; read it with Npy.read" : ""));
        }
    }

    private static boolean isArray(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().endsWith(SUFFIX);
    }

    private static void put(Map<String, NpyArray> arrays, ZipEntry entry, NpyArray array, String source)
            throws DataFileException {
        String key = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
        if (arrays.put(key, array) != null) {
            throw new DataFileException(DataFileError.NPZ_BAD_ARCHIVE, source, "the archive holds two entries named '"
                    + entry.getName() + "'");
        }
    }

    private static DataFileException badArchive(String source, ZipException e) {
        return new DataFileException(DataFileError.NPZ_BAD_ARCHIVE, source, "not a readable ZIP archive: "
                + e.getMessage(), e);
    }

    /**
     * Writes float32 arrays to an {@code .npz} file of stored (uncompressed) entries, like
     * {@code np.savez}, replacing the file if it exists. Entry times are fixed, so equal arrays give
     * equal files.
     *
     * @param file   the archive
     * @param arrays key to array, written in iteration order; every array is written as float32
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, false);
    }

    /**
     * Writes float32 arrays to an {@code .npz} file of deflated entries, like {@code np.savez_compressed}.
     *
     * @param file   the archive
     * @param arrays key to array, written in iteration order; every array is written as float32
     * @throws IOException if the file cannot be written
     */
    public static void writeCompressed(Path file, Map<String, NpyArray> arrays) throws IOException {
        write(file, arrays, true);
    }

    private static void write(Path file, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(arrays, "arrays is null");
        AtomicFiles.write(file, out -> write(out, arrays, compress));
    }

    /**
     * Writes float32 arrays as an {@code .npz} archive to a stream, finishing the archive without closing
     * the stream.
     *
     * @param out      the stream
     * @param arrays   key to array, written in iteration order; every array is written as float32
     * @param compress deflate the entries ({@code np.savez_compressed}) or store them ({@code np.savez})
     * @throws IOException if the stream cannot be written
     */
    public static void write(OutputStream out, Map<String, NpyArray> arrays, boolean compress) throws IOException {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(arrays, "arrays is null");
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NpyArray> item : arrays.entrySet()) {
            Objects.requireNonNull(item.getKey(), "array key is null");
            NpyArray array = Objects.requireNonNull(item.getValue(), "array '" + item.getKey() + "' is null");
            ZipEntry entry = new ZipEntry(item.getKey() + SUFFIX);
            entry.setTimeLocal(ENTRY_TIME);
            if (compress) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                long length = Npy.writtenLength(array.shape());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(length);
                entry.setCompressedSize(length);
                entry.setCrc(crc(array.shape(), array.data()));
            }
            zip.putNextEntry(entry);
            Npy.write(zip, array.shape(), array.data());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** A stored entry needs its CRC before its data, so the NPY bytes are produced twice; the first time only counted. */
    private static long crc(TensorShape shape, float[] data) throws IOException {
        CRC32 crc = new CRC32();
        try (CheckedOutputStream out = new CheckedOutputStream(OutputStream.nullOutputStream(), crc)) {
            Npy.write(out, shape, data);
        }
        return crc.getValue();
    }
}
