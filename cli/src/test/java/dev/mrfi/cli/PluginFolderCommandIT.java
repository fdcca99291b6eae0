package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin {@code examples/log-quantization}, built by the reactor against mrfi-api alone, dropped
 * into a plugin folder outside the project and used by its config name through the command and the API.
 * The JAR is not on this test's class path.
 */
class PluginFolderCommandIT {

    /** LogQuantization codes for range 4 and 4 bits: 4 -> 7, 3 -> 7, 1.42 -> 6, -0.1 -> -2. */
    private static final String LOG_CONFIG = "faultinject:\n  - type: activation\n    module_name: fc\n"
            + "    quantization: {method: LogQuantization, bit_width: 4, dynamic_range: 4.0}\n"
            + "    selector: {method: FixPosition, position: 0}\n"
            + "    error_mode: {method: IntSignBitFlip, bit_width: 4}\n";
    /** The sign flip turns code 7 (0111) into -1 (1111), which stands for -2^-4. */
    private static final float[] INPUT = {4f, 3f, 1.42f, -0.1f};
    private static final float[] EXPECTED = {-0.0625f, 4f, 2f, -0.125f};

    @TempDir
    Path work;

    Path plugins;
    Path config;

    static Path exampleJar() {
        String location = System.getProperty("mrfi.example.plugin.jar");
        assertThat(location).as("system property mrfi.example.plugin.jar, set by the cli pom").isNotBlank();
        Path jar = Path.of(location);
        assertThat(jar).as("the example plugin JAR").isRegularFile();
        return jar;
    }

    @BeforeEach
    void dropTheExampleJarIntoAPluginFolder() throws IOException {
        plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(exampleJar(), plugins.resolve("log-quantization.jar"));
        config = Files.writeString(work.resolve("log.yaml"), LOG_CONFIG);
    }

    @Test
    void theExampleIsNotOnTheClassPath() {
        assertThat(Mrfi.load().registry().find(PluginKind.QUANTIZATION, "LogQuantization")).isEmpty();
    }

    @Test
    void pluginsListsTheExampleWithItsAliasAndParameters() {
        CommandRunner text = CommandRunner.run("plugins", "--plugins", plugins.toString(), "--kind", "quantization");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("  LogQuantization (aliases: PowerOfTwoQuantization)\n    Power-of-two quantization")
                .contains("    bit_width          int, in [2, 8]").contains("SymmericQuantization");
        assertThat(text.err()).isEmpty();
        CommandRunner markdown = CommandRunner.run("plugins", "--plugins", plugins.toString(), "--format", "markdown");
        assertThat(markdown.out()).contains("### LogQuantization\n\nAliases: PowerOfTwoQuantization\n\n")
                .contains("| dynamic_range | float or 'auto', 'auto' or a finite number greater than 0 |");
    }

    @Test
    void validateAcceptsAConfigNamingThePluginOnlyWhenItsFolderIsGiven() {
        CommandRunner withFolder = CommandRunner.run("validate", config.toString(), "--plugins", plugins.toString());
        assertThat(withFolder.exitCode()).as(withFolder.err()).isZero();
        assertThat(withFolder.out()).isEqualTo("valid\n");

        CommandRunner fromEnvironment = CommandRunner.run(Map.of("MRFI_PLUGIN_PATH", plugins.toString()),
                "validate", config.toString());
        assertThat(fromEnvironment.out()).isEqualTo("valid\n");

        CommandRunner without = CommandRunner.run("validate", config.toString());
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("[config/UnknownMethod] faultinject[0].quantization.method: unknown"
                + " quantization 'LogQuantization'.");
    }

    @Test
    void applyUsesThePluginByName() throws IOException {
        Path input = work.resolve("x.npy");
        Path output = work.resolve("y.npy");
        Npy.write(input, TensorShape.of(1, 4), INPUT);
        CommandRunner result = CommandRunner.run("apply", "--plugins", plugins.toString(), "--config", config.toString(),
                "--input", input.toString(), "--output", output.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Npy.read(output).data()).containsExactly(EXPECTED);
    }

    @Test
    void theLibraryApiUsesThePluginByName() {
        Mrfi mrfi = Mrfi.load(List.of(plugins));
        InjectionPlan plan = InjectionPlan.build(new EasyConfigLoader(mrfi.blocks()).parse(LOG_CONFIG, "log.yaml"),
                List.of(new ModuleDescriptor("", "Model", Map.of()), new ModuleDescriptor("fc", "Linear", Map.of())));
        Trial trial = plan.newTrial(0L);
        float[] data = INPUT.clone();
        trial.onInput("fc", data, TensorShape.of(1, 4));
        assertThat(data).containsExactly(EXPECTED);
    }

    @Test
    void aBrokenJarBesideItIsAWarningAndAConfigNeedingItNamesTheFailure() throws IOException {
        Path broken = Files.writeString(plugins.resolve("broken.jar"), "not a zip file");
        CommandRunner listing = CommandRunner.run("plugins", "--plugins", plugins.toString());
        assertThat(listing.exitCode()).isZero();
        assertThat(listing.err()).startsWith("warning: [plugin/LoadFailure] " + broken + ": is not a readable JAR file");
        assertThat(listing.out()).contains("LogQuantization");

        Path other = Files.writeString(work.resolve("other.yaml"), LOG_CONFIG.replace("LogQuantization", "CubeQuantization"));
        CommandRunner validate = CommandRunner.run("validate", other.toString(), "--plugins", plugins.toString());
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("unknown quantization 'CubeQuantization'.")
                .contains("A plugin failed to load and may be the one meant: " + broken + ": is not a readable JAR file")
                .doesNotContain("\tat ");
    }

    @Test
    void twoCopiesOfThePluginAreAnErrorNamingBothJars() throws IOException {
        Path copy = Files.copy(plugins.resolve("log-quantization.jar"), plugins.resolve("log-quantization-copy.jar"));
        CommandRunner result = CommandRunner.run("plugins", "--plugins", plugins.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[plugin/DuplicateName] two quantization plugins claim the name 'LogQuantization':"
                + " com.example.mrfi.logquant.LogQuantizationProvider (from " + copy
                + ") and com.example.mrfi.logquant.LogQuantizationProvider (from " + plugins.resolve("log-quantization.jar")
                + ")");
    }
}
