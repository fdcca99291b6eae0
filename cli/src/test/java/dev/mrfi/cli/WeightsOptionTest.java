package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --weights} runs any LeNet-5 saved as a PyTorch state_dict in an .npz, and rejects one that does not fit. */
class WeightsOptionTest {

    private static Map<String, NpyArray> shippedWeights(Path folder) throws IOException {
        Path copy = folder.resolve("shipped.npz");
        try (InputStream in = WeightsOptionTest.class.getResourceAsStream("/dev/mrfi/nn/lenet-fashion-mnist.npz")) {
            Files.copy(in, copy);
        }
        return Npz.read(copy);
    }

    @Test
    void anotherLeNetsWeightsRunUnchanged(@TempDir Path folder) throws IOException {
        Map<String, NpyArray> state = new LinkedHashMap<>(shippedWeights(folder));
        // another model: the last layer's classes swapped pairwise, saved compressed as np.savez_compressed does
        NpyArray fc3 = state.get("fc3.weight");
        float[] swapped = fc3.data().clone();
        int columns = fc3.shape().dim(1);
        for (int row = 0; row < 10; row += 2) {
            System.arraycopy(fc3.data(), (row + 1) * columns, swapped, row * columns, columns);
            System.arraycopy(fc3.data(), row * columns, swapped, (row + 1) * columns, columns);
        }
        state.put("fc3.weight", NpyArray.of(fc3.shape(), swapped));
        Path other = folder.resolve("other-lenet.npz");
        Npz.writeCompressed(other, state);

        Path out = folder.resolve("out");
        CommandRunner result = CommandRunner.run("experiment", "--weights", other.toString(), "--data",
                ExperimentCommandTest.embeddedDataFolder(folder).toString(), "--ber", "1e-6", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("ber_accuracy.csv"));
        double golden = Double.parseDouble(csv.get(1).split(",")[3]);
        assertThat(golden).as("classes swapped, so most predictions are wrong").isLessThan(0.3);
    }

    @Test
    void weightsThatDoNotFitLeNetAreAUsageErrorListingTheKeys(@TempDir Path folder) throws IOException {
        Map<String, NpyArray> state = new LinkedHashMap<>(shippedWeights(folder));
        state.remove("fc2.bias");
        Path broken = folder.resolve("broken.npz");
        Npz.write(broken, state);
        CommandRunner result = CommandRunner.run("experiment", "--weights", broken.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot load LeNet weights from " + broken).contains("fc2.bias")
                .doesNotContain("\tat ");
    }

    @Test
    void weightsWhoseHeaderClaimsMoreThanTheArchiveHoldsAreAUsageErrorNotOutOfMemory(@TempDir Path folder)
            throws IOException {
        // 1.6e9 float32 values (6.4 GB) claimed by a 192-byte array
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1600000000,), }";
        int headerLength = 128 - 10;
        java.io.ByteArrayOutputStream npy = new java.io.ByteArrayOutputStream();
        npy.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) headerLength, 0});
        npy.writeBytes((dict + " ".repeat(headerLength - dict.length() - 1) + "\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        npy.writeBytes(new byte[64]);
        Path lying = folder.resolve("lying.npz");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(lying))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("conv1.weight.npy"));
            zip.write(npy.toByteArray());
            zip.closeEntry();
        }
        CommandRunner result = CommandRunner.run("experiment", "--weights", lying.toString(), "--out",
                folder.resolve("out").toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("cannot load LeNet weights from " + lying)
                .contains("[npy/Truncated] " + lying + "!conv1.weight.npy: the header announces 6400000000 bytes of data")
                .doesNotContain("OutOfMemoryError");
    }
}
