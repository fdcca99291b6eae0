package dev.mrfi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.mrfi.core.architecture.OwnJsonFileFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layers, over the production classes of every module (api, core, the plugins, nn, cli and
 * the examples): api depends on the JDK only; plugins and the nn host on api only; core names no plugin
 * and no host; the command and the library example name no plugin; Guice and Jackson only in core and
 * the command, Jackson's document tree only in configuration loading; no package cycles.
 */
class LayerRulesTest {

    static final String[] PLUGIN_PACKAGES = {
        "dev.mrfi.quant.symmetric..", "dev.mrfi.quant.positive..", "dev.mrfi.quant.fixpoint..", "dev.mrfi.quant.floating..",
        "dev.mrfi.errormode..", "dev.mrfi.selector..", "dev.mrfi.observer.."
    };

    static final ArchRule API_DEPENDS_ONLY_ON_THE_JDK = classes().that().resideInAPackage("dev.mrfi.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..")
            .because("plugins and hosts compile against api alone, so it must not drag in any library");

    static final ArchRule NN_DEPENDS_ONLY_ON_THE_API = classes().that().resideInAPackage("dev.mrfi.nn..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..", "dev.mrfi.nn..")
            .because("nn is a host like any other framework: it sees the host contract, and receives the engine"
                    + " only as an implementation of ForwardHooks");

    static final ArchRule ONNX_DEPENDS_ONLY_ON_THE_API_AND_ONNX_RUNTIME = classes()
            .that().resideInAPackage("dev.mrfi.onnx..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..", "dev.mrfi.onnx..",
                    "ai.onnxruntime..", "ai.onnx.proto..", "com.google.protobuf..")
            .because("the ONNX host is a host like nn, which also reads graphs (ONNX protobuf classes) and runs them"
                    + " (ONNX Runtime); it receives the engine only as an implementation of ForwardHooks");

    static final ArchRule CORE_NAMES_NO_PLUGIN = noClasses().that().resideInAPackage("dev.mrfi.core..")
            .should().dependOnClassesThat().resideInAnyPackage(PLUGIN_PACKAGES)
            .because("core reaches plugins only through the registry, so removing a plugin never breaks core");

    static final ArchRule CORE_NAMES_NO_HOST_AND_NO_COMMAND = noClasses().that().resideInAPackage("dev.mrfi.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mrfi.nn..", "dev.mrfi.onnx..", "dev.mrfi.cli..")
            .because("core sees a model only through the host contract, so any framework can host it");

    static final ArchRule COMMAND_AND_LIBRARY_USERS_NAME_NO_PLUGIN = noClasses()
            .that().resideInAnyPackage("dev.mrfi.cli..", "com.example.mrfi.host..")
            .should().dependOnClassesThat().resideInAnyPackage(PLUGIN_PACKAGES)
            .because("users of the engine find plugins by name through the registry, as they find a third-party"
                    + " JAR's");

    static final ArchRule THIRD_PARTY_PLUGIN_DEPENDS_ONLY_ON_THE_API = classes()
            .that().resideInAPackage("com.example.mrfi.logquant..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.mrfi.api..", "com.example.mrfi.logquant..")
            .because("the example shows that a plugin outside the project needs nothing but mrfi-api");

    static final ArchRule GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND = CompositeArchRule.of(noClasses()
            .that().resideOutsideOfPackages("dev.mrfi.core..", "dev.mrfi.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("plugins, hosts and the api must stay free of parsing libraries"))
            .and(noClasses()
            .that().resideOutsideOfPackages("dev.mrfi.core..", "dev.mrfi.cli..", "com.example.mrfi.host..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
            .because("plugins, hosts and the api must stay free of wiring libraries; a program that uses the"
                    + " library (com.example.mrfi.host) may replace parts of its Guice module"));

    /** Classes annotated with {@link OwnJsonFileFormat}, and the classes nested in them. */
    static final DescribedPredicate<JavaClass> DECLARING_AN_OWN_JSON_FILE_FORMAT =
            new DescribedPredicate<>("declare a JSON file format of their own with @OwnJsonFileFormat") {
                @Override
                public boolean test(JavaClass javaClass) {
                    for (Optional<JavaClass> c = Optional.of(javaClass); c.isPresent(); c = c.get().getEnclosingClass()) {
                        if (c.get().isAnnotatedWith(OwnJsonFileFormat.class)) {
                            return true;
                        }
                    }
                    return false;
                }
            };

    static final ArchRule JACKSON_DOCUMENTS_ONLY_IN_CONFIGURATION_LOADING = noClasses()
            .that().resideOutsideOfPackage("dev.mrfi.core.config..")
            .and(DescribedPredicate.not(DECLARING_AN_OWN_JSON_FILE_FORMAT))
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("a configuration is typed once it is loaded: no Jackson tree travels past the loader"
                    + " (classes with a JSON file format of their own say so with @OwnJsonFileFormat)");

    static final ArchRule CHARTS_AND_PROGRESS_BARS_ONLY_IN_THE_COMMANDS_STUDY_PACKAGE = noClasses()
            .that().resideOutsideOfPackage("dev.mrfi.cli.study..")
            .should().dependOnClassesThat().resideInAnyPackage("org.knowm.xchart..", "me.tongfei.progressbar..")
            .because("the engine, the plugins and the hosts stay free of display libraries, and the command draws"
                    + " in one package, so replacing a charting or progress library touches nothing else");

    static final ArchRule SPARK_ONLY_IN_THE_SPARK_MODULE = noClasses().that().resideOutsideOfPackage("dev.mrfi.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .because("Spark is a heavy, provided dependency: only the spark module names it, so the engine and the"
                    + " command run without it on the class path");

    static final ArchRule NOTHING_NAMES_THE_SPARK_MODULE = noClasses().that().resideOutsideOfPackage("dev.mrfi.spark..")
            .should().dependOnClassesThat().resideInAPackage("dev.mrfi.spark..")
            .because("trial runners are found through TrialRunnerProvider and ServiceLoader, so core and the command"
                    + " never depend on the spark module and it can be left off the class path");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("(**)").should().beFreeOfCycles()
            .because("cycles make modules impossible to split or reason about");

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mrfi", "com.example.mrfi");
    }

    static ArchRule pluginDependsOnlyOnApiAndItself(String pluginPackage) {
        return classes().that().resideInAPackage(pluginPackage)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..", pluginPackage)
                .allowEmptyShould(true)
                .because("a built-in plugin obeys exactly the rules a third-party JAR obeys");
    }

    @Test
    void theImportSeesEveryModule() {
        for (String modulePackage : new String[] {"dev.mrfi.api", "dev.mrfi.api.host", "dev.mrfi.core",
            "dev.mrfi.core.config", "dev.mrfi.quant.symmetric", "dev.mrfi.quant.positive", "dev.mrfi.quant.fixpoint", "dev.mrfi.quant.floating",
            "dev.mrfi.errormode", "dev.mrfi.selector", "dev.mrfi.observer", "dev.mrfi.nn", "dev.mrfi.onnx", "dev.mrfi.cli", "dev.mrfi.spark",
            "com.example.mrfi.logquant", "com.example.mrfi.host"}) {
            assertThat(productionClasses.containPackage(modulePackage)).as(modulePackage).isTrue();
        }
    }

    @Test
    void chartsAndProgressBarsOnlyInTheCommandsStudyPackage() {
        CHARTS_AND_PROGRESS_BARS_ONLY_IN_THE_COMMANDS_STUDY_PACKAGE.check(productionClasses);
    }

    @Test
    void sparkTypesAppearOnlyInTheSparkModule() {
        SPARK_ONLY_IN_THE_SPARK_MODULE.check(productionClasses);
    }

    @Test
    void noOtherModuleNamesTheSparkModule() {
        NOTHING_NAMES_THE_SPARK_MODULE.check(productionClasses);
    }

    @Test
    void apiDependsOnlyOnTheJdk() {
        API_DEPENDS_ONLY_ON_THE_JDK.check(productionClasses);
    }

    @Test
    void nnDependsOnlyOnTheApi() {
        NN_DEPENDS_ONLY_ON_THE_API.check(productionClasses);
    }

    @Test
    void onnxDependsOnlyOnTheApiAndOnnxRuntime() {
        ONNX_DEPENDS_ONLY_ON_THE_API_AND_ONNX_RUNTIME.check(productionClasses);
    }

    @Test
    void pluginsDependOnlyOnApiAndThemselves() {
        for (String pluginPackage : PLUGIN_PACKAGES) {
            pluginDependsOnlyOnApiAndItself(pluginPackage).check(productionClasses);
        }
    }

    @Test
    void theThirdPartyPluginDependsOnlyOnTheApi() {
        THIRD_PARTY_PLUGIN_DEPENDS_ONLY_ON_THE_API.check(productionClasses);
    }

    @Test
    void coreDependsOnNoPlugin() {
        CORE_NAMES_NO_PLUGIN.check(productionClasses);
    }

    @Test
    void coreDependsOnNoHostAndNoCommand() {
        CORE_NAMES_NO_HOST_AND_NO_COMMAND.check(productionClasses);
    }

    @Test
    void theCommandAndLibraryUsersNameNoPlugin() {
        COMMAND_AND_LIBRARY_USERS_NAME_NO_PLUGIN.check(productionClasses);
    }

    @Test
    void packagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(productionClasses);
    }

    @Test
    void guiceAndJacksonAppearOnlyInCoreAndTheCommand() {
        GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND.check(productionClasses);
    }

    @Test
    void jacksonDocumentsStayInConfigurationLoading() {
        JACKSON_DOCUMENTS_ONLY_IN_CONFIGURATION_LOADING.check(productionClasses);
    }
}
