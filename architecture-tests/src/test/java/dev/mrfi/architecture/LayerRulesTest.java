package dev.mrfi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layers: api depends on the JDK only, plugins on api only and never on each other, core on
 * no plugin, no package cycles, and Guice and Jackson only in core and the command.
 */
class LayerRulesTest {

    static final String[] PLUGIN_PACKAGES = {
        "dev.mrfi.quant.symmetric..", "dev.mrfi.quant.positive..", "dev.mrfi.quant.fixpoint..",
        "dev.mrfi.errormode..", "dev.mrfi.selector..", "dev.mrfi.observer.."
    };

    static final ArchRule API_DEPENDS_ONLY_ON_THE_JDK = classes().that().resideInAPackage("dev.mrfi.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..")
            .because("plugins compile against api alone, so it must not drag in any library");

    static final ArchRule CORE_NAMES_NO_PLUGIN = noClasses().that().resideInAPackage("dev.mrfi.core..")
            .should().dependOnClassesThat().resideInAnyPackage(PLUGIN_PACKAGES)
            .because("core reaches plugins only through the registry, so removing a plugin never breaks core");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.mrfi.(**)").should().beFreeOfCycles()
            .because("cycles make modules impossible to split or reason about");

    static final ArchRule GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND = noClasses()
            .that().resideOutsideOfPackages("dev.mrfi.core..", "dev.mrfi.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "com.fasterxml.jackson..")
            .because("plugins and the api must stay free of wiring and parsing libraries");

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mrfi");
    }

    static ArchRule pluginDependsOnlyOnApiAndItself(String pluginPackage) {
        return classes().that().resideInAPackage(pluginPackage)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.mrfi.api..", pluginPackage)
                .allowEmptyShould(true)
                .because("a built-in plugin obeys exactly the rules a third-party JAR obeys");
    }

    @Test
    void theImportSeesEveryLayer() {
        assertThat(productionClasses.containPackage("dev.mrfi.api")).isTrue();
        assertThat(productionClasses.containPackage("dev.mrfi.core")).isTrue();
        assertThat(productionClasses.containPackage("dev.mrfi.quant.symmetric")).isTrue();
        assertThat(productionClasses.containPackage("dev.mrfi.errormode")).isTrue();
        assertThat(productionClasses.containPackage("dev.mrfi.selector")).isTrue();
        assertThat(productionClasses.containPackage("dev.mrfi.observer")).isTrue();
    }

    @Test
    void apiDependsOnlyOnTheJdk() {
        API_DEPENDS_ONLY_ON_THE_JDK.check(productionClasses);
    }

    @Test
    void pluginsDependOnlyOnApiAndThemselves() {
        for (String pluginPackage : PLUGIN_PACKAGES) {
            pluginDependsOnlyOnApiAndItself(pluginPackage).check(productionClasses);
        }
    }

    @Test
    void coreDependsOnNoPlugin() {
        CORE_NAMES_NO_PLUGIN.check(productionClasses);
    }

    @Test
    void packagesHaveNoCycles() {
        NO_PACKAGE_CYCLES.check(productionClasses);
    }

    @Test
    void guiceAndJacksonAppearOnlyInCoreAndTheCommand() {
        GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND.check(productionClasses);
    }
}
