package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.Npy;
import dev.mrfi.nn.io.NpyArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration tree file is accepted wherever a configuration is, and `mrfi modules` shows the tree. */
class ConfigTreeCommandsTest {

    /** Only conv2's input is injected, with its own range and a rate the BER sweep replaces. */
    static final String CONV2_ONLY = "sub_modules:\n"
            + "  conv1:\n    activation:\n      0:\n        enabled: false\n"
            + "        quantization: {method: SymmericQuantization, layerwise: true, args: {bit_width: 16, dynamic_range: auto}}\n"
            + "        selector: {method: RandomPositionByRate, args: {rate: 1e-3}}\n"
            + "        error_mode: {method: IntSignBitFlip, args: {bit_width: 16}}\n"
            + "  conv2:\n    activation:\n      0:\n        enabled: true\n"
            + "        quantization: {method: SymmericQuantization, layerwise: true, args: {bit_width: 16, dynamic_range: 2.5}}\n"
            + "        selector: {method: RandomPositionByRate, args: {rate: 0.001}}\n"
            + "        error_mode: {method: IntSignBitFlip, args: {bit_width: 16}}\n";

    private static Path write(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void modulesPrintsEveryModuleWithItsWeightsAndWhatTheTreeSetsThere(@TempDir Path folder) throws IOException {
        CommandRunner plain = CommandRunner.run("modules");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("conv1        Conv2d     weight [6, 1, 5, 5], bias [6]")
                .contains("fc3          Linear     weight [10, 84], bias [10]").doesNotContain("activation in");

        CommandRunner tree = CommandRunner.run("modules", "--config", write(folder, "tree.yaml", CONV2_ONLY).toString());
        assertThat(tree.exitCode()).as(tree.err()).isZero();
        assertThat(tree.out()).contains("  activation in   #0 [disabled] SymmericQuantization{")
                .containsPattern("conv2 +Conv2d .*\\n  activation in   #0 SymmericQuantization\\{bit_width=16,"
                        + " dynamic_range=2.5\\} layerwise -> RandomPositionByRate\\{rate=0.001\\} -> IntSignBitFlip");

        CommandRunner json = CommandRunner.run("modules", "--preset", "weight_fi", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).startsWith("{\n  \"modules\" : [")
                .contains("\"name\" : \"fc1\"", "\"weight\" : [ 120, 400 ]", "\"weight_faults\" : [ {");
    }

    @Test
    void validateAcceptsATreeAndReportsItsMistakesAtTheirPaths(@TempDir Path folder) throws IOException {
        CommandRunner good = CommandRunner.run("validate", write(folder, "good.yaml", CONV2_ONLY).toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.out()).isEqualTo("valid\n");

        CommandRunner bad = CommandRunner.run("validate", write(folder, "bad.yaml",
                CONV2_ONLY.replace("args: {rate: 0.001}", "args: {rte: 0.001}")).toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("[config/UnknownParameter] sub_modules.conv2.activation.0.selector.args.rte:"
                + " unknown parameter 'rte'").contains("Did you mean 'rate'?").doesNotContain("\tat ");
    }

    @Test
    void experimentSweepsBerOverATreeAndRefusesModulesTheModelLacks(@TempDir Path folder) throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        Path out = folder.resolve("out");
        CommandRunner result = CommandRunner.run("experiment", "--data", data.toString(), "--config",
                write(folder, "tree.yaml", CONV2_ONLY).toString(), "--ber", "1e-4", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("ber_accuracy.csv"));
        assertThat(csv.get(2)).startsWith("1.0E-4,0.0016,16,");

        CommandRunner unknown = CommandRunner.run("experiment", "--data", data.toString(), "--config",
                write(folder, "unknown.yaml", CONV2_ONLY.replace("  conv2:", "  conv7:")).toString(),
                "--ber", "1e-4", "--out", folder.resolve("out2").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("[config/NoMatchingModule] sub_modules.conv7: the model has no module"
                + " 'conv7'. Did you mean 'conv1'?");
    }

    @Test
    void applyTakesATreeAndInjectsOnlyAtTheModulesItEnables(@TempDir Path folder) throws IOException {
        Path tree = write(folder, "tree.yaml", CONV2_ONLY.replace("args: {rate: 0.001}", "args: {rate: 0.5}"));
        Path input = folder.resolve("x.npy");
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 17) / 8f - 1f;
        }
        Npy.write(input, TensorShape.of(10, 100), values);

        Path conv2 = folder.resolve("conv2.npy");
        CommandRunner enabled = CommandRunner.run("apply", "--config", tree.toString(), "--input", input.toString(),
                "--output", conv2.toString(), "--module-name", "conv2", "--module-type", "Conv2d");
        assertThat(enabled.exitCode()).as(enabled.err()).isZero();
        assertThat(enabled.out()).startsWith("applied 1 faultinject entry to activation_in of conv2");
        assertThat(Npy.read(conv2).data()).isNotEqualTo(values);

        Path conv1 = folder.resolve("conv1.npy");
        CommandRunner disabled = CommandRunner.run("apply", "--config", tree.toString(), "--input", input.toString(),
                "--output", conv1.toString(), "--module-name", "conv1", "--module-type", "Conv2d");
        assertThat(disabled.exitCode()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("0 values faulted");
    }
}
