package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model resnet} sweeps the shipped ResNet through ONNX Runtime; a bad model is a usage error. */
class ModelOptionTest {

    @Test
    void sweepsTheShippedResNet(@TempDir Path folder) throws IOException {
        Path out = folder.resolve("out");
        CommandRunner result = CommandRunner.run("experiment", "--model", "resnet", "--data",
                ExperimentCommandTest.embeddedDataFolder(folder).toString(), "--ber", "1e-4", "--repeats", "1",
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("ber_accuracy.csv"));
        assertThat(csv).hasSize(3);
        double golden = Double.parseDouble(csv.get(1).split(",")[3]);
        double faulty = Double.parseDouble(csv.get(2).split(",")[3]);
        assertThat(golden).isGreaterThanOrEqualTo(0.88);
        assertThat(faulty).isLessThan(golden);
    }

    @Test
    void aFileThatIsNoModelIsAUsageErrorNamingIt(@TempDir Path folder) throws IOException {
        Path garbage = folder.resolve("garbage.onnx");
        Files.writeString(garbage, "not a model");
        CommandRunner result = CommandRunner.run("experiment", "--model", garbage.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot load the model: " + garbage + " is not an ONNX model");
    }
}
