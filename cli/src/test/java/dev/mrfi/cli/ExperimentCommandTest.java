package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

    @Test
    void writesTheTableCsvAndPlotAndAccuracyFallsAtTheHighestBer(@TempDir Path out) throws IOException {
        CommandRunner result = CommandRunner.run("experiment", "--data", embeddedDataFolder(out).toString(),
                "--ber", "1e-6,1e-4,1e-3", "--out", out.toString(), "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ber", "golden", "accuracy");
        List<String> csv = Files.readAllLines(out.resolve("ber_accuracy.csv"));
        assertThat(result.out()).contains("rate = BER x 16 bits per value (declared by the error mode;");
        assertThat(csv.get(0)).isEqualTo("ber,rate,bits_per_value,accuracy_mean,accuracy_low,accuracy_high,repeats,"
                + "interval_method,half_width");
        assertThat(csv).hasSize(5);
        double golden = Double.parseDouble(csv.get(1).split(",")[3]);
        assertThat(csv.get(1)).startsWith("0.0,0.0,16,");
        assertThat(golden).isGreaterThanOrEqualTo(0.85);
        assertThat(csv.get(3)).startsWith("1.0E-4,0.0016,16,");
        double atHighest = Double.parseDouble(csv.get(4).split(",")[3]);
        assertThat(atHighest).isLessThan(golden - 0.1);
        BufferedImage plot = ImageIO.read(out.resolve("ber_accuracy.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(900);
    }

    @Test
    void bitsPerValueIsSettableAndDecidesTheRate(@TempDir Path out) throws IOException {
        Path data = embeddedDataFolder(out);
        CommandRunner result = CommandRunner.run("experiment", "--data", data.toString(),
                "--preset", "float_fi", "--ber", "1e-5", "--bits-per-value", "16", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("rate = BER x 16 bits per value (--bits-per-value)");
        assertThat(Files.readAllLines(out.resolve("ber_accuracy.csv")).get(2)).startsWith("1.0E-5,1.6E-4,16,");

        Path derived = out.resolve("derived");
        CommandRunner fromMode = CommandRunner.run("experiment", "--data", data.toString(),
                "--preset", "float_fi", "--ber", "1e-5", "--out", derived.toString());
        assertThat(fromMode.exitCode()).as(fromMode.err()).isZero();
        assertThat(fromMode.out()).contains("rate = BER x 32 bits per value (declared by the error mode");
        assertThat(Files.readAllLines(derived.resolve("ber_accuracy.csv")).get(2)).startsWith("1.0E-5,3.2E-4,32,");
    }

    @Test
    void aSweepOverAConfigurationWithoutARateDrivenSelectorIsRefused(@TempDir Path out) throws IOException {
        Path config = out.resolve("by-number.yaml");
        Files.writeString(config, "faultinject:\n  - type: activation\n    module_type: Conv2d\n"
                + "    selector: {method: RandomPositionByNumber, n: 50}\n"
                + "    error_mode: {method: FloatRandomBitFlip}\n");
        CommandRunner result = CommandRunner.run("experiment", "--data", embeddedDataFolder(out).toString(),
                "--config", config.toString(), "--ber", "1e-8,1e-3", "--out", out.resolve("r").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a bit error rate sweep needs an enabled entry whose selector is driven by a"
                + " rate").contains("faultinject[0]: RandomPositionByNumber").doesNotContain("\tat ");
    }

    @Test
    void observePrintsEachObserverUnderItsOwnName(@TempDir Path out) throws IOException {
        Path config = out.resolve("observed.yaml");
        Files.writeString(config, "faultinject:\n  - type: activation\n    module_type: Conv2d\n"
                + "    quantization: {method: SymmericQuantization, bit_width: 16, dynamic_range: auto}\n"
                + "    selector: {method: RandomPositionByRate, rate: 1.0e-3}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 16}\n"
                + "observe:\n  - {method: MAE, module_name: fc3}\n  - {method: EqualRate, module_name: fc3}\n");
        CommandRunner result = CommandRunner.run("experiment", "--data", embeddedDataFolder(out).toString(),
                "--config", config.toString(), "--observe");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("layer", "observer", "value")
                .containsPattern("fc3 +output +MAE +[0-9.e-]+")
                .containsPattern("fc3 +output +EqualRate +[0-9.e-]+")
                .containsPattern("fc3 +output +RMSE +[0-9.e-]+")
                .containsPattern("conv1 +output +RMSE +[0-9.e-]+");
    }

    @Test
    void theSameSeedGivesTheSameCsvWithOneOrTwoThreads(@TempDir Path out) throws IOException {
        Path data = embeddedDataFolder(out);
        Path one = out.resolve("one");
        Path two = out.resolve("two");
        assertThat(CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5,1e-4", "--repeats", "2",
                "--seed", "5", "--threads", "1", "--out", one.toString()).exitCode()).isZero();
        assertThat(CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5,1e-4", "--repeats", "2",
                "--seed", "5", "--threads", "2", "--out", two.toString()).exitCode()).isZero();
        assertThat(Files.readString(two.resolve("ber_accuracy.csv"))).isEqualTo(Files.readString(one.resolve("ber_accuracy.csv")));
        assertThat(CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5,1e-4", "--repeats", "2",
                "--seed", "6", "--threads", "2", "--out", one.toString(), "--overwrite").exitCode()).isZero();
        assertThat(Files.readString(two.resolve("ber_accuracy.csv"))).isNotEqualTo(Files.readString(one.resolve("ber_accuracy.csv")));
    }

    @Test
    void anUnknownPresetIsAUsageErrorWithTheAvailableNames() {
        CommandRunner result = CommandRunner.run("experiment", "--preset", "defualt_fi");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[config/UnknownPreset] unknown preset 'defualt_fi'.")
                .contains("Did you mean 'default_fi'?").doesNotContain("\tat ");
    }

    @Test
    void aMissingDataFolderIsAUsageError(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--data", out.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mrfi: data folder").contains("does not exist");
    }

    /** A folder holding the embedded subset under the t10k names, so tests do not depend on the Debian data. */
    static Path embeddedDataFolder(Path parent) throws IOException {
        Path folder = parent.resolve("data");
        Files.createDirectories(folder);
        try (var images = ExperimentCommandTest.class.getResourceAsStream(
                "/dev/mrfi/nn/fashion-mnist-test-2000-images-idx3-ubyte.gz");
             var labels = ExperimentCommandTest.class.getResourceAsStream(
                "/dev/mrfi/nn/fashion-mnist-test-2000-labels-idx1-ubyte.gz")) {
            Files.copy(images, folder.resolve("t10k-images-idx3-ubyte.gz"));
            Files.copy(labels, folder.resolve("t10k-labels-idx1-ubyte.gz"));
        }
        return folder;
    }
}
