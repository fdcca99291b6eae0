package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.TensorShape;
import dev.mrfi.core.Mrfi;
import dev.mrfi.nn.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndPluginsCommandTest {

    @Test
    void validatePrintsValidForAGoodConfig(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("ok.yaml");
        Files.writeString(config, "faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    selector: {method: RandomPositionByRate, rate: 1e-3}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 8}\n");
        CommandRunner result = CommandRunner.run("validate", config.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("valid\n");
    }

    @Test
    void validatePrintsTheNumberedReportAndExitsTwoWithoutAStackTrace(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("bad.yaml");
        Files.writeString(config, "faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 16}\n  - type: weights\n"
                + "    module_name: fc\n    error_mode: {method: SetValu, value: 1}\n");
        CommandRunner result = CommandRunner.run("validate", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("MRFI-J configuration errors:\n\n1) [config/InconsistentBitWidth]")
                .contains("2) [config/UnknownMethod] faultinject[1].error_mode.method: unknown error mode 'SetValu'.")
                .contains("Did you mean 'SetValue'?").contains("2 errors").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void validateRejectsAOneBitSymmetricCodeAndSaysWhy(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("one-bit.yaml");
        Files.writeString(config, "faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: SymmericQuantization, bit_width: 1, dynamic_range: auto}\n"
                + "    selector: {method: RandomPositionByRate, rate: 1e-3}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 1}\n");
        CommandRunner result = CommandRunner.run("validate", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[config/OutOfRange] faultinject[0].quantization.bit_width: must be in"
                + " [2, 26]: a symmetric code needs at least 2 bits (with 1 bit its only level is 0 and the scale"
                + " divides by zero)").contains(", got 1").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void validatePrintsEachWarningOnce(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("legacy.yaml");
        Files.writeString(config, "faultinject:\n  - type: weight\n    module_name: fc\n    activationid: 2\n"
                + "    error_mode: {method: SetZero}\n");
        CommandRunner result = CommandRunner.run("validate", config.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("warning: faultinject[0].activationid: legacy key, ignored\n");
    }

    @Test
    void validateOfAMissingFileIsAUsageError() {
        CommandRunner result = CommandRunner.run("validate", "/nonexistent/config.yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("mrfi: configuration file /nonexistent/config.yaml does not exist\n");
    }

    @Test
    void pluginsListsEveryKindWithParameterTables() {
        CommandRunner result = CommandRunner.run("plugins", "--format", "markdown");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("### SymmericQuantization\n\nAliases: SymmetricQuantization")
                .contains("| Name | Type | Description | Default |")
                .contains("| bit_width | int, in [2, 26]: a symmetric code needs at least 2 bits").contains("Bits of the signed integer code, often 8 or 16. | required |")
                .contains("### IntSignBitFlip").contains("### RandomPositionByRate").contains("### RMSE");
        CommandRunner json = CommandRunner.run("plugins", "--kind", "selector", "--format", "json");
        assertThat(json.out()).startsWith("{\n  \"selector\": [").doesNotContain("\"quantization\"");
    }

    @Test
    void docsPluginsMdIsGeneratedFromTheSchemasAndUpToDate() throws IOException {
        String root = System.getenv("MRFI_REPO_ROOT");
        Path file = Path.of(root == null ? ".." : root).resolve("docs/plugins.md");
        String expected = PluginCatalog.markdown(Mrfi.load().registry(), List.of(PluginKind.values()));
        assertThat(file).as("docs/plugins.md; regenerate with ./mrfi plugins --format markdown > docs/plugins.md").exists();
        assertThat(Files.readString(file)).as("docs/plugins.md is stale; regenerate with"
                + " ./mrfi plugins --format markdown > docs/plugins.md").isEqualTo(expected);
    }

    @Test
    void aConfigurationThatInjectsNothingIsValidWithAWarningInEveryCommand(@TempDir Path folder)
            throws IOException {
        String warning = "warning: no faultinject entry is enabled; nothing will be injected\n";
        Path empty = Files.writeString(folder.resolve("empty.yaml"), "faultinject: []\n");
        Path disabled = Files.writeString(folder.resolve("off.yaml"), "faultinject:\n"
                + "  - {type: activation, module_name: conv, enabled: false, selector: {method: RandomPositionByRate, rate: 0.1},"
                + " error_mode: {method: SetZero}}\n");
        for (Path config : List.of(empty, disabled)) {
            CommandRunner validate = CommandRunner.run("validate", config.toString());
            assertThat(validate.exitCode()).isZero();
            assertThat(validate.err()).contains(warning);
        }
        Path input = folder.resolve("x.npy");
        Npy.write(input, TensorShape.of(2), new float[] {1f, 2f});
        CommandRunner apply = CommandRunner.run("apply", "--config", empty.toString(), "--input", input.toString(),
                "--output", folder.resolve("y.npy").toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.err()).contains(warning);
        CommandRunner experiment = CommandRunner.run("experiment", "--config", disabled.toString(), "--ber", "1e-5",
                "--out", folder.resolve("out").toString());
        assertThat(experiment.err()).contains(warning);
    }
}
