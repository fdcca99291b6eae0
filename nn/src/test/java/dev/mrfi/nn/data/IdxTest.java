package dev.mrfi.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.Tensor;
import dev.mrfi.nn.io.DataFileError;
import dev.mrfi.nn.io.DataFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    private static Tensor images(byte[] bytes) throws IOException {
        return Idx.readImages(new ByteArrayInputStream(bytes), "images.idx");
    }

    private static int[] labels(byte[] bytes) throws IOException {
        return Idx.readLabels(new ByteArrayInputStream(bytes), "labels.idx");
    }

    private static void assertFails(ThrowingCallable call, DataFileError error, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(DataFileException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessage(message);
    }

    @Test
    void readsImagesAsPixelsDividedBy255WithAChannelAxis() throws IOException {
        byte[] file = IdxFiles.idx(0x0803, new int[] {2, 1, 3}, new byte[] {0, (byte) 255, 51, 1, (byte) 128, 17});

        Tensor images = images(file);

        assertThat(images.shape()).isEqualTo(TensorShape.of(2, 1, 1, 3));
        assertThat(images.data()).containsExactly(0f, 1f, 51 / 255f, 1 / 255f, 128 / 255f, 17 / 255f);
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] plain = IdxFiles.images(3, 28, 28);

        assertThat(images(IdxFiles.gzip(plain))).isEqualTo(images(plain));
        assertThat(labels(IdxFiles.gzip(IdxFiles.labels(9, 0, 255)))).containsExactly(9, 0, 255);
    }

    @Test
    void rejectsALabelFileReadAsImages() {
        assertFails(() -> images(IdxFiles.labels(1, 2)), DataFileError.IDX_BAD_MAGIC,
                "[idx/BadMagic] images.idx: magic number 0x00000801 (unsigned-byte labels, 1 dimension), expected"
                        + " 0x00000803 (unsigned-byte images, 3 dimensions)");
        assertFails(() -> labels("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), DataFileError.IDX_BAD_MAGIC,
                "[idx/BadMagic] labels.idx: magic number 0x47494638 (not an IDX file), expected 0x00000801"
                        + " (unsigned-byte labels, 1 dimension)");
    }

    @Test
    void rejectsTruncatedFiles() {
        byte[] plain = IdxFiles.images(2, 4, 4);
        byte[] gzipped = IdxFiles.gzip(plain);

        assertFails(() -> images(Arrays.copyOf(plain, plain.length - 5)), DataFileError.IDX_TRUNCATED,
                "[idx/Truncated] images.idx: the header announces 2 images of 4x4, 32 pixels, but the file holds only 27"
                        + " bytes after the header");
        assertFails(() -> images(Arrays.copyOf(plain, 10)), DataFileError.IDX_TRUNCATED,
                "[idx/Truncated] images.idx: the file ends inside the dimensions of the header, after 10 bytes");
        assertFails(() -> labels(new byte[] {0, 0}), DataFileError.IDX_TRUNCATED,
                "[idx/Truncated] labels.idx: the file ends after 2 bytes, before the end of the magic number");
        assertThatThrownBy(() -> images(Arrays.copyOf(gzipped, gzipped.length / 2)))
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.IDX_TRUNCATED))
                .hasMessageStartingWith("[idx/Truncated] images.idx: the gzip stream ends early");
    }

    @Test
    void checksAPlainFilesLengthBeforeAllocatingWhatItsHeaderClaims(@TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve("images.idx"),
                IdxFiles.idx(Idx.IMAGES_MAGIC, new int[] {40_000, 224, 224}, new byte[10]));
        assertFails(() -> Idx.readImages(file), DataFileError.IDX_TRUNCATED, "[idx/Truncated] " + file
                + ": the header announces 40000 images of 224x224, 2007040000 pixels, but the file holds only 10 bytes"
                + " after the header");
        Path labels = Files.write(folder.resolve("labels.idx"),
                IdxFiles.idx(Idx.LABELS_MAGIC, new int[] {2_000_000_000}, new byte[3]));
        assertFails(() -> Idx.readLabels(labels), DataFileError.IDX_TRUNCATED, "[idx/Truncated] " + labels
                + ": the header announces 2000000000 labels but the file holds only 3 bytes after the header");
    }

    @Test
    void readsAGzippedFileInBoundedChunksSoALyingHeaderFailsWithItsCount() {
        byte[] gzipped = IdxFiles.gzip(IdxFiles.idx(Idx.IMAGES_MAGIC, new int[] {40_000, 224, 224}, new byte[10]));
        assertFails(() -> images(gzipped), DataFileError.IDX_TRUNCATED, "[idx/Truncated] images.idx: the header"
                + " announces 40000 images of 224x224, 2007040000 pixels, but the file holds only 10 bytes after the header");
    }
}
