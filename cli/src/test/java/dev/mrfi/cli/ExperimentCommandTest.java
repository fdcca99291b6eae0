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
        assertThat(csv.get(0)).isEqualTo("ber,rate,accuracy_mean,accuracy_low,accuracy_high,repeats");
        assertThat(csv).hasSize(5);
        double golden = Double.parseDouble(csv.get(1).split(",")[2]);
        assertThat(csv.get(1)).startsWith("0.0,0.0,");
        assertThat(golden).isGreaterThanOrEqualTo(0.85);
        assertThat(csv.get(3)).startsWith("1.0E-4,0.0016,");
        double atHighest = Double.parseDouble(csv.get(4).split(",")[2]);
        assertThat(atHighest).isLessThan(golden - 0.1);
        BufferedImage plot = ImageIO.read(out.resolve("ber_accuracy.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(900);
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
                "--seed", "6", "--threads", "2", "--out", one.toString()).exitCode()).isZero();
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
