package dev.mrfi.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.core.Mrfi;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin folders with real JARs built at test time: one good JAR and one JAR for each way a plugin can be
 * broken. Every failure names its JAR and provider class, and every other plugin still loads.
 */
class PluginFoldersIT {

    private static final String SERVICES = "META-INF/services/" + QuantizationProvider.class.getName();

    @TempDir
    static Path work;

    static Path folder;
    static Path good;
    static Path missingClass;
    static Path missingDependency;
    static Path throwingConstructor;
    static Path oldApi;
    static Path notAJar;
    static DiscoveredPlugins plugins;

    @BeforeAll
    static void buildPluginFolder() throws IOException {
        folder = work.resolve("plugins");
        good = TestJars.builder()
                .source("com.example.good.GoodProvider", provider("com.example.good", "GoodProvider", "GoodQuantization", "", ""))
                .service(QuantizationProvider.class, "com.example.good.GoodProvider")
                .build(folder.resolve("good.jar"));
        missingClass = TestJars.builder()
                .source("com.example.missing.PresentProvider",
                        provider("com.example.missing", "PresentProvider", "PresentQuantization", "", ""))
                .service(QuantizationProvider.class, "# a comment, then a class that is not in the JAR")
                .service(QuantizationProvider.class, "com.example.missing.NotThere")
                .service(QuantizationProvider.class, "com.example.missing.Bad Name")
                .service(QuantizationProvider.class, "com.example.missing.PresentProvider")
                .build(folder.resolve("missing-class.jar"));
        missingDependency = TestJars.builder()
                .source("com.example.nodep.Base", "package com.example.nodep;\n"
                        + "public abstract class Base implements dev.mrfi.api.quantization.QuantizationProvider {\n"
                        + "    public String description() { return \"Shared code.\"; }\n}\n")
                .source("com.example.nodep.NeedsBaseProvider", provider("com.example.nodep", "NeedsBaseProvider",
                        "NeedsBaseQuantization", "extends Base", ""))
                .omit("com.example.nodep.Base")
                .service(QuantizationProvider.class, "com.example.nodep.NeedsBaseProvider")
                .build(folder.resolve("missing-dependency.jar"));
        throwingConstructor = TestJars.builder()
                .source("com.example.throwing.ThrowingProvider", provider("com.example.throwing", "ThrowingProvider",
                        "ThrowingQuantization", "",
                        "public ThrowingProvider() { throw new IllegalStateException(\"licence file not found\"); }\n"))
                .service(QuantizationProvider.class, "com.example.throwing.ThrowingProvider")
                .build(folder.resolve("throwing-constructor.jar"));
        oldApi = TestJars.builder()
                .source("dev.mrfi.api.PluginProvider", "package dev.mrfi.api;\n"
                        + "public interface PluginProvider {\n"
                        + "    String name();\n"
                        + "    default java.util.Set<String> aliases() { return java.util.Set.of(); }\n"
                        + "    dev.mrfi.api.config.ParameterSchema parameters();\n"
                        + "    PluginKind kind();\n}\n")
                .source("dev.mrfi.api.quantization.QuantizationProvider", "package dev.mrfi.api.quantization;\n"
                        + "public interface QuantizationProvider extends dev.mrfi.api.PluginProvider {\n"
                        + "    Quantization create(dev.mrfi.api.config.PluginConfig config);\n"
                        + "    default dev.mrfi.api.PluginKind kind() { return dev.mrfi.api.PluginKind.QUANTIZATION; }\n}\n")
                .source("com.example.old.OldApiProvider", "package com.example.old;\n"
                        + "public final class OldApiProvider implements dev.mrfi.api.quantization.QuantizationProvider {\n"
                        + "    public String name() { return \"OldQuantization\"; }\n"
                        + "    public dev.mrfi.api.config.ParameterSchema parameters() {"
                        + " return dev.mrfi.api.config.ParameterSchema.empty(); }\n"
                        + "    public dev.mrfi.api.quantization.Quantization create(dev.mrfi.api.config.PluginConfig c) {"
                        + " return null; }\n}\n")
                .omit("dev.mrfi.api.PluginProvider")
                .omit("dev.mrfi.api.quantization.QuantizationProvider")
                .service(QuantizationProvider.class, "com.example.old.OldApiProvider")
                .build(folder.resolve("old-api.jar"));
        notAJar = Files.writeString(folder.resolve("notes.jar"), "not a zip file");
        plugins = DiscoveredPlugins.discoverLeniently(PluginFoldersIT.class.getClassLoader(), List.of(folder));
    }

    /** The source of a quantization provider that rounds to integers. */
    static String provider(String pkg, String simpleName, String configName, String extendsClause, String members) {
        return "package " + pkg + ";\n"
                + "import dev.mrfi.api.IntegerCode;\n"
                + "import dev.mrfi.api.config.ParameterSchema;\n"
                + "import dev.mrfi.api.config.PluginConfig;\n"
                + "import dev.mrfi.api.quantization.Quantization;\n"
                + "import dev.mrfi.api.quantization.QuantizationProvider;\n"
                + "import dev.mrfi.api.quantization.Quantizer;\n"
                + "public final class " + simpleName + " " + extendsClause + " implements QuantizationProvider {\n"
                + members
                + "    public String name() { return \"" + configName + "\"; }\n"
                + "    public String description() { return \"Rounds to integers.\"; }\n"
                + "    public ParameterSchema parameters() { return ParameterSchema.empty(); }\n"
                + "    public Quantization create(PluginConfig config) {\n"
                + "        return new Quantization() {\n"
                + "            public IntegerCode code() { return IntegerCode.signed(32); }\n"
                + "            public Quantizer forTensor(float[] data, int offset, int length) {\n"
                + "                return new Quantizer() {\n"
                + "                    public void quantize(float[] d, int o, int n) {\n"
                + "                        for (int i = o; i < o + n; i++) { d[i] = Math.round(d[i]); }\n"
                + "                    }\n"
                + "                    public void dequantize(float[] d, int o, int n) { }\n"
                + "                };\n"
                + "            }\n"
                + "        };\n"
                + "    }\n"
                + "}\n";
    }

    private static List<String> problems() {
        return plugins.loadProblems().stream().map(PluginLoadProblem::toString).toList();
    }

    @Test
    void everyWorkingProviderLoadsDespiteTheBrokenJars() {
        assertThat(plugins.providers(PluginKind.QUANTIZATION)).extracting(PluginProvider::name)
                .containsExactlyInAnyOrder("GoodQuantization", "PresentQuantization");
        assertThat(plugins.loadProblems()).hasSize(6);
    }

    @Test
    void aServicesEntryNamingAMissingClassNamesTheJarAndTheClass() {
        assertThat(problems()).contains("[plugin/LoadFailure] cannot load quantization provider"
                + " com.example.missing.NotThere from " + missingClass + ": the class is not in the JAR. Check the name"
                + " listed in " + SERVICES);
    }

    @Test
    void aMalformedServicesLineIsReportedAndTheNextLinesStillLoad() {
        assertThat(problems()).contains("[plugin/LoadFailure] cannot load quantization provider"
                + " com.example.missing.Bad Name from " + missingClass + ": line 3 of " + SERVICES
                + " is not a class name. Write one fully qualified class name per line");
        assertThat(plugins.providers(PluginKind.QUANTIZATION)).extracting(PluginProvider::name)
                .contains("PresentQuantization");
    }

    @Test
    void aProviderThatNeedsAClassItsJarLacksNamesTheProviderAndTheMissingClass() {
        assertThat(problems()).contains("[plugin/LoadFailure] cannot load quantization provider"
                + " com.example.nodep.NeedsBaseProvider from " + missingDependency + ": it needs class"
                + " com.example.nodep.Base, which its class loader cannot find (NoClassDefFoundError). A plugin JAR sees"
                + " only mrfi-api and the JDK: bundle any other library inside it");
    }

    @Test
    void aConstructorThatThrowsIsReportedWithItsException() {
        assertThat(problems()).contains("[plugin/LoadFailure] cannot load quantization provider"
                + " com.example.throwing.ThrowingProvider from " + throwingConstructor + ": its constructor threw"
                + " java.lang.IllegalStateException: licence file not found");
    }

    @Test
    void aProviderCompiledAgainstAnOlderApiIsReportedAsIncompatible() {
        PluginLoadProblem problem = plugins.loadProblems().stream()
                .filter(p -> p.source().equals(oldApi.toString())).findFirst().orElseThrow();
        assertThat(problem.provider()).contains("com.example.old.OldApiProvider");
        assertThat(problem.name()).contains("OldQuantization");
        assertThat(problem.toString()).startsWith("[plugin/LoadFailure] cannot load quantization provider"
                        + " com.example.old.OldApiProvider from " + oldApi + ": it was compiled against an incompatible"
                        + " mrfi-api (java.lang.AbstractMethodError: ")
                .contains("description()")
                .endsWith("). Rebuild it against the mrfi-api of this MRFI-J version");
    }

    @Test
    void aFileThatIsNotAJarIsReported() {
        assertThat(problems()).anyMatch(p -> p.startsWith("[plugin/LoadFailure] " + notAJar
                + ": is not a readable JAR file: "));
    }

    @Test
    void aMissingFolderIsReported() {
        Path missing = work.resolve("no-such-folder");
        DiscoveredPlugins none = DiscoveredPlugins.discoverLeniently(getClass().getClassLoader(), List.of(missing));
        assertThat(none.loadProblems()).extracting(PluginLoadProblem::toString)
                .containsExactly("[plugin/LoadFailure] " + missing + ": the plugin folder does not exist");
    }

    @Test
    void pluginsSeeOnlyTheApiAndTheJdk() throws ClassNotFoundException {
        ClassLoader loader = plugins.providers(PluginKind.QUANTIZATION).get(0).getClass().getClassLoader();
        assertThat(loader.loadClass(QuantizationProvider.class.getName())).isSameAs(QuantizationProvider.class);
        assertThat(loader.loadClass("java.sql.Connection")).isNotNull();
        for (String hidden : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.google.inject.Guice",
                "org.slf4j.Logger", Mrfi.class.getName(), PluginFoldersIT.class.getName())) {
            assertThatThrownBy(() -> loader.loadClass(hidden)).as(hidden).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(loader.getResource("META-INF/services/" + QuantizationProvider.class.getName()))
                .as("only the JAR's own services file").isNotNull();
    }

    @Test
    void failFastLoadingListsEveryProblemInOneReport() {
        assertThatThrownBy(() -> Mrfi.load(List.of(folder)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("MRFI-J configuration errors:\n\n1) [plugin/LoadFailure] ")
                .hasMessageContaining("com.example.throwing.ThrowingProvider from " + throwingConstructor)
                .hasMessageEndingWith("\n6 errors");
    }

    @Test
    void lenientLoadingUsesTheWorkingPluginsByConfigName() {
        Mrfi mrfi = Mrfi.loadLenient(List.of(folder));
        assertThat(mrfi.loadProblems()).hasSize(6);
        Quantization quantization = mrfi.quantization(Map.of("method", "GoodQuantization"), "quantization");
        float[] data = {1.4f, -2.6f};
        quantization.forTensor(data, 0, 2).quantize(data, 0, 2);
        assertThat(data).containsExactly(1f, -3f);
    }

    @Test
    void aConfigNamingAPluginThatFailedToLoadGetsAnErrorMentioningTheFailure() {
        Mrfi mrfi = Mrfi.loadLenient(List.of(folder));
        assertThatThrownBy(() -> mrfi.quantization(Map.of("method", "OldQuantization"), "quantization"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/UnknownMethod] quantization.method: unknown quantization"
                        + " 'OldQuantization'. Available: [GoodQuantization, PresentQuantization]. Did you mean"
                        + " 'GoodQuantization'? The quantization"
                        + " plugin 'OldQuantization' failed to load: cannot load quantization provider"
                        + " com.example.old.OldApiProvider from " + oldApi + ": it was compiled against an incompatible");
        assertThatThrownBy(() -> mrfi.quantization(Map.of("method", "ThrowingQuantization"), "quantization"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("6 plugins failed to load and may include the one meant: ")
                .hasMessageContaining("com.example.throwing.ThrowingProvider from " + throwingConstructor
                        + ": its constructor threw java.lang.IllegalStateException: licence file not found");
    }

    @Test
    void twoJarsClaimingOneNameAreRejectedNamingBoth() throws IOException {
        Path clash = work.resolve("clash");
        Files.createDirectories(clash);
        Path first = Files.copy(good, clash.resolve("a.jar"));
        Path second = Files.copy(good, clash.resolve("b.jar"));
        assertThatThrownBy(() -> DiscoveredPlugins.discoverLeniently(getClass().getClassLoader(), List.of(clash)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[plugin/DuplicateName] two quantization plugins claim the name"
                        + " 'GoodQuantization': com.example.good.GoodProvider (from " + first
                        + ") and com.example.good.GoodProvider (from " + second + ").");
    }

    @Test
    void aPluginJarClashingWithABuiltInIsRejectedNamingBoth() throws IOException {
        Path builtInJar = Files.copy(good, work.resolve("built-in.jar"));
        Path clash = work.resolve("clash-with-built-in");
        Files.createDirectories(clash);
        Path plugin = Files.copy(good, clash.resolve("good.jar"));
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> DiscoveredPlugins.discoverLeniently(classPath, List.of(clash)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'GoodQuantization': com.example.good.GoodProvider (from " + builtInJar
                            + ") and com.example.good.GoodProvider (from " + plugin + ").");
        }
    }

    @Test
    void aFolderGivenTwiceLoadsItsJarsOnce() {
        DiscoveredPlugins twice = DiscoveredPlugins.discoverLeniently(getClass().getClassLoader(),
                List.of(good, folder.resolve("."), folder));
        assertThat(twice.providers(PluginKind.QUANTIZATION)).hasSize(2);
    }
}
