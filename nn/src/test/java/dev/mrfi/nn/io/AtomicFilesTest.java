package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aWriteThatFailsMidwayLeavesTheOldFileWholeAndNoTemporaryFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("x.npy");
        Npy.write(file, TensorShape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6});
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void anArrayCanBeWrittenOverTheFileItWasReadFrom(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("x.npy");
        Npy.write(file, TensorShape.of(4), new float[] {1, 2, 3, 4});
        NpyArray read = Npy.read(file);
        float[] doubled = read.data().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        Npy.write(file, read.shape(), doubled);
        assertThat(Npy.read(file).data()).containsExactly(2, 4, 6, 8);
    }

    @Test
    void anNpyWriteWithTooFewValuesFailsWithoutTouchingTheTarget(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("x.npy");
        Npy.write(file, TensorShape.of(2), new float[] {7, 8});
        assertThatThrownBy(() -> Npy.write(file, TensorShape.of(3), new float[] {1, 2}))
                .isInstanceOf(RuntimeException.class);
        assertThat(Npy.read(file).data()).containsExactly(7, 8);
    }
}
