package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --mean/--std normalise the images; images or labels the model cannot take stop the run before any trial. */
class InputsOptionTest {

    private static Path idx(Path folder, int count, int rows, int cols, int label) throws IOException {
        Files.createDirectories(folder);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(folder.resolve("t10k-images-idx3-ubyte")))) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < count * rows * cols; i++) {
                out.writeByte(i % 251);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(folder.resolve("t10k-labels-idx1-ubyte")))) {
            out.writeInt(0x801);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.writeByte(label);
            }
        }
        return folder;
    }

    @Test
    void meanAndStdNormaliseThePixelsTheModelSees(@TempDir Path folder) throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        Path plain = folder.resolve("plain");
        Path shifted = folder.resolve("shifted");
        assertThat(CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-6", "--out", plain.toString())
                .exitCode()).isZero();
        CommandRunner normalised = CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-6",
                "--mean", "0.5", "--std", "0.25", "--out", shifted.toString());
        assertThat(normalised.exitCode()).as(normalised.err()).isZero();
        String goldenPlain = Files.readAllLines(plain.resolve("ber_accuracy.csv")).get(1);
        String goldenShifted = Files.readAllLines(shifted.resolve("ber_accuracy.csv")).get(1);
        assertThat(goldenShifted).isNotEqualTo(goldenPlain);

        CommandRunner twoChannels = CommandRunner.run("experiment", "--data", data.toString(), "--mean", "0.1,0.2");
        assertThat(twoChannels.exitCode()).isEqualTo(2);
        assertThat(twoChannels.err()).contains("--mean needs one value or one per channel (1), got 2");
        CommandRunner zeroStd = CommandRunner.run("experiment", "--data", data.toString(), "--std", "0");
        assertThat(zeroStd.exitCode()).isEqualTo(2);
        assertThat(zeroStd.err()).contains("every --std must be a finite number greater than 0, got 0.0");
    }

    @Test
    void imagesOfTheWrongSizeAndLabelsOutsideTheClassesStopTheRunBeforeAnyTrial(@TempDir Path folder) throws IOException {
        CommandRunner wide = CommandRunner.run("experiment", "--data", idx(folder.resolve("wide"), 4, 28, 56, 1).toString(),
                "--out", folder.resolve("o1").toString());
        assertThat(wide.exitCode()).isEqualTo(2);
        assertThat(wide.err()).contains("the images ([1, 1, 28, 56] each) do not fit embedded LeNet-5")
                .doesNotContain("\tat ");
        assertThat(folder.resolve("o1")).doesNotExist();

        CommandRunner wideResnet = CommandRunner.run("experiment", "--model", "resnet", "--data",
                folder.resolve("wide").toString(), "--out", folder.resolve("o2").toString());
        assertThat(wideResnet.exitCode()).isEqualTo(2);
        assertThat(wideResnet.err()).contains("do not fit embedded ResNet (ONNX)");

        CommandRunner label = CommandRunner.run("experiment", "--data", idx(folder.resolve("label"), 4, 28, 28, 12)
                .toString(), "--out", folder.resolve("o3").toString());
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).contains("a label is 12 but embedded LeNet-5 has 10 classes (0 to 9)");
        assertThat(List.of(folder.resolve("o2"), folder.resolve("o3"))).allSatisfy(p -> assertThat(p).doesNotExist());
    }
}
