package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.Npy;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mrfi apply} refuses paths that would overwrite one another, and says what is wrong with a path. */
class ApplyPathsTest {

    private static final String FLIP = "faultinject:\n  - type: activation\n    module_name: fc\n"
            + "    quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: 4.0}\n"
            + "    selector: {method: FixPosition, position: 1}\n"
            + "    error_mode: {method: IntSignBitFlip, bit_width: 8}\n";

    @TempDir
    Path folder;
    Path config;
    Path input;
    String configText;
    byte[] inputBytes;

    @BeforeEach
    void files() throws IOException {
        config = Files.writeString(folder.resolve("flip.yaml"), FLIP);
        input = folder.resolve("x.npy");
        Npy.write(input, TensorShape.of(2), new float[] {1f, 2f});
        configText = Files.readString(config);
        inputBytes = Files.readAllBytes(input);
    }

    private void assertRefusedAndNothingWritten(CommandRunner result, String message) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("mrfi: " + message + "\n");
        assertThat(Files.readString(config)).isEqualTo(configText);
        assertThat(Files.readAllBytes(input)).isEqualTo(inputBytes);
    }

    @Test
    void manifestOnTheInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path output = folder.resolve("y.npy");
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", output.toString(), "--manifest", folder.resolve(".").resolve("x.npy").toString());
        assertRefusedAndNothingWritten(result, "--manifest and --input are the same file (" + input + "); the run"
                + " would overwrite one with the other. Give different paths");
        assertThat(output).doesNotExist();
    }

    @Test
    void outputOnTheConfigIsRefused() throws IOException {
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", folder.resolve("sub/../flip.yaml").toString());
        assertRefusedAndNothingWritten(result, "--output and --config are the same file (" + config + "); the run"
                + " would overwrite one with the other. Give different paths");
    }

    @Test
    void manifestOnTheOutputIsRefused() throws IOException {
        Path output = folder.resolve("y.npy");
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", output.toString(), "--manifest", output.toString());
        assertRefusedAndNothingWritten(result, "--output and --manifest are the same file (" + output + "); the run"
                + " would overwrite one with the other. Give different paths");
        assertThat(output).doesNotExist();
    }

    @Test
    void sameFileThroughALinkIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link.yaml"), config);
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", link.toString());
        assertRefusedAndNothingWritten(result, "--output and --config are the same file (" + link + " and " + config
                + "); the run would overwrite one with the other. Give different paths");
    }

    @Test
    void outputOnTheInputIsAllowedBecauseTheWriteIsAtomic() throws IOException {
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", input.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Npy.read(input).data()[1]).isNegative();
    }

    @Test
    void aFolderOrSomethingElseWhereAFileIsExpectedSaysWhatItIs() throws IOException {
        Path sub = Files.createDirectories(folder.resolve("sub"));
        String out = folder.resolve("y.npy").toString();
        assertThat(CommandRunner.run("apply", "--config", sub.toString(), "--input", input.toString(), "--output", out)
                .err()).isEqualTo("mrfi: configuration file " + sub + " is a folder, not a file\n");
        assertThat(CommandRunner.run("apply", "--config", config.toString(), "--input", sub.toString(), "--output", out)
                .err()).isEqualTo("mrfi: input file " + sub + " is a folder, not a file\n");
        assertThat(CommandRunner.run("apply", "--config", "-", "--input", input.toString(), "--output", out).err())
                .isEqualTo("mrfi: configuration file '-' is not a file: standard input is not read; give a file\n");
        assertThat(CommandRunner.run("validate", sub.toString()).err())
                .isEqualTo("mrfi: configuration file " + sub + " is a folder, not a file\n");
        assertThat(CommandRunner.run("experiment", "--weights", "/dev/null", "--out", folder.resolve("o").toString())
                .err()).isEqualTo("mrfi: weights file /dev/null is not a regular"
                + " file (a device, pipe or socket); give a file\n");
        assertThat(CommandRunner.run("experiment", "--config", sub.toString(), "--out", folder.resolve("o").toString())
                .err()).isEqualTo("mrfi: configuration file " + sub + " is a folder, not a file\n");
    }

    @Test
    void aFailedWriteGivesTheReason() {
        Path missing = folder.resolve("none").resolve("y.npy");
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", missing.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("mrfi: cannot write " + missing + ": the folder " + missing.getParent()
                + " does not exist\n");
        assertThat(FileChecks.reason(new AccessDeniedException("/x/y.npy"))).isEqualTo("permission denied");
        assertThat(FileChecks.reason(new NoSuchFileException("/x/y.npy"))).isEqualTo("the folder /x does not exist");
        assertThat(FileChecks.reason(new FileSystemException("/x/y.npy", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(FileChecks.reason(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }

    @Test
    void applyPrintsTheVersionAndHelpApplyPrintsItsUsage() {
        CommandRunner version = CommandRunner.run("apply", "-V");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).isEqualTo(CommandRunner.run("-V").out()).startsWith("mrfi ");
        CommandRunner help = CommandRunner.run("help", "apply");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: mrfi apply ");
        assertThat(help.err()).doesNotContain("Missing required options");
    }

    @Test
    void aMistypedOptionIsNamedWithTheNearestRealOne() {
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--ouptut", "y.npy");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown option: '--ouptut'. Did you mean '--output'?\n")
                .contains("Usage: mrfi apply");
    }
}
