package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A header that claims more data than the file holds fails with a message, before the claimed array is
 * allocated: 1.6e9 floats are 6.4 GB, more than a test JVM's heap, so allocating first would end in
 * OutOfMemoryError.
 */
class ClaimedSizeTest {

    private static final String HUGE = "{'descr': '<f4', 'fortran_order': False, 'shape': (1600000000,), }";

    private static byte[] hugeNpy() {
        return NpyBytes.header(HUGE).floats(1, 2).build();
    }

    private static void assertTruncated(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.NPY_TRUNCATED))
                .hasMessageContaining(message);
    }

    private static byte[] zip(byte[] npy, boolean stored) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("w.npy");
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(npy);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void npyFileClaimingMoreDataThanItHoldsFailsBeforeAllocating(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("huge.npy"), hugeNpy());
        assertTruncated(() -> Npy.read(file), "[npy/Truncated] " + file + ": the header announces 6400000000 bytes"
                + " of data (shape [1600000000], dtype '<f4') but the file holds 8 bytes after the header");
    }

    @Test
    void npyStreamOfUnknownLengthIsReadInBoundedStepsSoALieFailsWithoutTheClaimedAllocation() {
        assertTruncated(() -> Npy.read(new ByteArrayInputStream(hugeNpy()), "huge.npy"),
                "[npy/Truncated] huge.npy: the data ends after 8 of 6400000000 bytes (shape [1600000000], dtype '<f4')");
    }

    @Test
    void npyStreamOfKnownLengthClaimingMoreFailsBeforeReadingTheData() {
        byte[] npy = hugeNpy();
        assertTruncated(() -> Npy.read(new ByteArrayInputStream(npy), "huge.npy", npy.length),
                "[npy/Truncated] huge.npy: the header announces 6400000000 bytes of data (shape [1600000000], dtype"
                        + " '<f4') but the file holds 8 bytes after the header");
    }

    @Test
    void npzEntriesClaimingMoreDataThanTheyHoldFailBeforeAllocating(@TempDir Path folder) throws IOException {
        for (boolean stored : new boolean[] {true, false}) {
            byte[] archive = zip(hugeNpy(), stored);
            Path file = Files.write(folder.resolve("huge-" + stored + ".npz"), archive);
            assertTruncated(() -> Npz.read(file), "[npy/Truncated] " + file + "!w.npy: the header announces 6400000000");
            assertTruncated(() -> Npz.read(new ByteArrayInputStream(archive), "huge.npz"), "[npy/Truncated] huge.npz!w.npy: ");
        }
    }

    @Test
    void wellFormedArraysStillReadFromFilesStreamsAndArchives(@TempDir Path folder) throws IOException {
        float[] values = new float[300_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Path file = folder.resolve("big.npy");
        Npy.write(file, dev.mrfi.api.TensorShape.of(values.length), values);
        assertThat(Npy.read(file).data()).isEqualTo(values);
        assertThat(Npy.read(new ByteArrayInputStream(Files.readAllBytes(file)), "big.npy").data()).isEqualTo(values);
        byte[] archive = zip(Files.readAllBytes(file), false);
        assertThat(Npz.read(new ByteArrayInputStream(archive), "big.npz").get("w").data()).isEqualTo(values);
        Path npz = Files.write(folder.resolve("big.npz"), archive);
        assertThat(Npz.read(npz).get("w").data()).isEqualTo(values);
    }
}
