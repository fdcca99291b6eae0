package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriteTest {

    private static byte[] write(TensorShape shape, float[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, shape, data);
        return out.toByteArray();
    }

    @Test
    void writesAVersion1HeaderPaddedTo64BytesThenLittleEndianFloats() throws IOException {
        byte[] bytes = write(TensorShape.of(2), new float[] {1f, -2f});

        // NumPy leaves room for the first axis to grow to 21 digits, then pads to a multiple of 64
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertThat(bytes).hasSize(128 + 8);
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes[8] & 0xFF | (bytes[9] & 0xFF) << 8).isEqualTo(118);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }   ").endsWith(" \n");
        assertThat(bytes).endsWith(0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0);
    }

    @Test
    void roundTripsScalarsEmptyAndLargeArrays(@TempDir Path folder) throws IOException {
        float[] large = new float[200_003];
        for (int i = 0; i < large.length; i++) {
            large[i] = i * 0.5f - 7;
        }
        TensorShape[] shapes = {TensorShape.of(), TensorShape.of(0, 4), TensorShape.of(3, 1, 2), TensorShape.of(200_003)};
        float[][] values = {{Float.NaN}, {}, {1, -0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 3}, large};
        for (int i = 0; i < shapes.length; i++) {
            Path file = folder.resolve("array" + i + ".npy");

            Npy.write(file, shapes[i], values[i]);
            NpyArray read = Npy.read(file);

            assertThat(read).isEqualTo(new NpyArray(shapes[i], values[i], NpyDtype.FLOAT32));
            assertThat((Files.size(file) - 4L * values[i].length) % 64).isZero();
        }
    }

    @Test
    void switchesToVersion2WhenTheHeaderExceeds65535Bytes() throws IOException {
        int[] dims = new int[22_000];
        java.util.Arrays.fill(dims, 1);
        TensorShape shape = TensorShape.of(dims);

        byte[] bytes = write(shape, new float[] {42});

        assertThat(bytes[6]).isEqualTo((byte) 2);
        assertThat((bytes.length - 4) % 64).isZero();
        NpyArray read = Npy.read(new ByteArrayInputStream(bytes), "v2");
        assertThat(read.shape()).isEqualTo(shape);
        assertThat(read.data()).containsExactly(42);
    }
}
