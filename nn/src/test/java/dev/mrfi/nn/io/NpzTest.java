package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    private static Map<String, NpyArray> arrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("conv1.weight", NpyArray.of(TensorShape.of(2, 1, 2, 2), new float[] {1, 2, 3, 4, 5, 6, 7, 8}));
        arrays.put("conv1.bias", NpyArray.of(TensorShape.of(2), new float[] {-0.5f, 0.5f}));
        arrays.put("scalar", NpyArray.of(TensorShape.of(), new float[] {3}));
        return arrays;
    }

    @Test
    void roundTripsStoredAndCompressedArchivesInOrder(@TempDir Path folder) throws IOException {
        Path stored = folder.resolve("stored.npz");
        Path compressed = folder.resolve("compressed.npz");

        Npz.write(stored, arrays());
        Npz.writeCompressed(compressed, arrays());

        assertThat(Npz.read(stored)).containsExactlyEntriesOf(arrays());
        assertThat(Npz.read(compressed)).containsExactlyEntriesOf(arrays());
        try (ZipFile zip = new ZipFile(stored.toFile())) {
            assertThat(zip.getEntry("conv1.weight.npy").getMethod()).isEqualTo(ZipEntry.STORED);
        }
        try (ZipFile zip = new ZipFile(compressed.toFile())) {
            assertThat(zip.getEntry("conv1.weight.npy").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
    }

    @Test
    void writesTheSameBytesForTheSameArrays(@TempDir Path folder) throws IOException {
        Npz.write(folder.resolve("a.npz"), arrays());
        Npz.write(folder.resolve("b.npz"), arrays());

        assertThat(Files.readAllBytes(folder.resolve("a.npz"))).isEqualTo(Files.readAllBytes(folder.resolve("b.npz")));
    }

    @Test
    void readsFromAStreamWhatItWroteToAStream() throws IOException {
        for (boolean compress : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npz.write(out, arrays(), compress);

            Map<String, NpyArray> read = Npz.read(new ByteArrayInputStream(out.toByteArray()), "memory");

            assertThat(read).containsExactlyEntriesOf(arrays());
        }
    }

    @Test
    void skipsEntriesThatAreNotArrays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("not an array".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("x.npy"));
            Npy.write(zip, TensorShape.of(1), new float[] {5});
        }

        Map<String, NpyArray> read = Npz.read(new ByteArrayInputStream(out.toByteArray()), "memory");

        assertThat(read).containsOnlyKeys("x");
    }

    @Test
    void namesTheArchiveEntryInErrorsAboutIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("broken.npy"));
            zip.write(NpyBytes.header("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }").build());
        }

        assertThatThrownBy(() -> Npz.read(new ByteArrayInputStream(out.toByteArray()), "weights.npz"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("[npy/UnsupportedDtype] weights.npz!broken.npy: dtype '<c16' (complex)");
    }

    @Test
    void rejectsFilesThatAreNotZipArchives(@TempDir Path folder) throws IOException {
        Path text = folder.resolve("text.npz");
        Files.writeString(text, "hello");
        Path damaged = folder.resolve("damaged.npz");
        Files.write(damaged, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

        assertThatThrownBy(() -> Npz.read(text))
                .isInstanceOfSatisfying(DataFileException.class,
                        e -> assertThat(e.error()).isEqualTo(DataFileError.NPZ_BAD_ARCHIVE))
                .hasMessage("[npz/BadArchive] " + text + ": not an NPZ (ZIP) archive: it starts with 68 65 6c 6c, a ZIP"
                        + " archive with 50 4b 03 04 (\"PK\\3\\4\")");
        assertThatThrownBy(() -> Npz.read(damaged))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("[npz/BadArchive] " + damaged + ": not a readable ZIP archive: ");
    }
}
