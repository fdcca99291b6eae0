package dev.mrfi.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules are not vacuous: each rejects a class that breaks it, and a rule that finds no class to
 * check fails instead of passing.
 */
class RuleSelfTest {

    private static JavaClasses only(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void assertRejects(ArchRule rule, JavaClasses offenders, String named) {
        assertThatThrownBy(() -> rule.check(offenders)).isInstanceOf(AssertionError.class).hasMessageContaining(named);
    }

    @Test
    void theSparkRulesRejectCoreNamingSparkOrTheSparkModule() {
        assertRejects(LayerRulesTest.SPARK_ONLY_IN_THE_SPARK_MODULE, only(dev.mrfi.core.fake.UsesSpark.class),
                "org.apache.spark.SparkConf");
        assertRejects(LayerRulesTest.NOTHING_NAMES_THE_SPARK_MODULE, only(dev.mrfi.core.fake.UsesSpark.class),
                "dev.mrfi.spark.SparkTrialRunnerProvider");
    }

    @Test
    void thePluginRuleRejectsAPluginThatUsesCore() {
        assertRejects(LayerRulesTest.pluginDependsOnlyOnApiAndItself("dev.mrfi.quant.symmetric.."),
                only(dev.mrfi.quant.symmetric.fake.UsesCore.class), "dev.mrfi.core");
    }

    @Test
    void theWiringRuleRejectsJacksonOutsideCore() {
        assertRejects(LayerRulesTest.GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND,
                only(dev.mrfi.quant.symmetric.fake.UsesJackson.class), "com.fasterxml.jackson");
    }

    @Test
    void theApiRuleCoversTheHostContract() {
        assertRejects(LayerRulesTest.API_DEPENDS_ONLY_ON_THE_JDK, only(dev.mrfi.api.host.fake.UsesNn.class),
                "dev.mrfi.nn.Tensor");
    }

    @Test
    void theNnRuleRejectsAnNnClassThatUsesTheEngine() {
        assertRejects(LayerRulesTest.NN_DEPENDS_ONLY_ON_THE_API, only(dev.mrfi.nn.fake.UsesCore.class),
                "dev.mrfi.core.engine.InjectionPlan");
    }

    @Test
    void theOnnxRuleRejectsAnOnnxClassThatUsesTheEngine() {
        assertRejects(LayerRulesTest.ONNX_DEPENDS_ONLY_ON_THE_API_AND_ONNX_RUNTIME,
                only(dev.mrfi.onnx.fake.UsesCore.class), "dev.mrfi.core.engine.Trial");
    }

    @Test
    void theCoreRuleRejectsCoreNamingAHost() {
        assertRejects(LayerRulesTest.CORE_NAMES_NO_HOST_AND_NO_COMMAND, only(dev.mrfi.core.fake.UsesNn.class),
                "dev.mrfi.nn.LeNet");
    }

    @Test
    void theCommandRuleRejectsTheCommandNamingAPlugin() {
        assertRejects(LayerRulesTest.COMMAND_AND_LIBRARY_USERS_NAME_NO_PLUGIN, only(dev.mrfi.cli.fake.UsesPlugin.class),
                "dev.mrfi.quant.symmetric.SymmetricQuantizationProvider");
    }

    @Test
    void theThirdPartyPluginRuleRejectsAPluginThatUsesCore() {
        assertRejects(LayerRulesTest.THIRD_PARTY_PLUGIN_DEPENDS_ONLY_ON_THE_API,
                only(com.example.mrfi.logquant.fake.UsesCore.class), "dev.mrfi.core.Mrfi");
    }

    @Test
    void theJacksonDocumentRuleRejectsATreeOutsideConfigurationUnlessTheClassStatesItsOwnFormat() {
        JavaClasses engineClasses = only(dev.mrfi.core.engine.fake.ReadsJsonTree.class,
                dev.mrfi.core.engine.fake.ReadsOwnJsonFile.class);
        assertThatThrownBy(() -> LayerRulesTest.JACKSON_DOCUMENTS_ONLY_IN_CONFIGURATION_LOADING.check(engineClasses))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReadsJsonTree")
                .hasMessageContaining("com.fasterxml.jackson.databind")
                .hasMessageNotContaining("ReadsOwnJsonFile");
    }

    @Test
    void theCycleRuleRejectsTwoPackagesThatNeedEachOther() {
        assertRejects(LayerRulesTest.NO_PACKAGE_CYCLES,
                only(dev.mrfi.fake.cycle.a.PointsToB.class, dev.mrfi.fake.cycle.b.PointsToA.class), "Cycle");
    }

    @Test
    void theDisplayLibraryRuleRejectsACommandClassOutsideTheStudyPackageDrawingAChart() {
        assertRejects(LayerRulesTest.CHARTS_AND_PROGRESS_BARS_ONLY_IN_THE_COMMANDS_STUDY_PACKAGE,
                only(dev.mrfi.cli.fake.DrawsChart.class), "org.knowm.xchart.XYChart");
    }

    @Test
    void aRuleThatFindsNothingToCheckFails() {
        JavaClasses apiOnly = only(dev.mrfi.api.TensorShape.class);
        for (ArchRule rule : new ArchRule[] {LayerRulesTest.NN_DEPENDS_ONLY_ON_THE_API,
            LayerRulesTest.ONNX_DEPENDS_ONLY_ON_THE_API_AND_ONNX_RUNTIME,
            LayerRulesTest.CORE_NAMES_NO_HOST_AND_NO_COMMAND, LayerRulesTest.COMMAND_AND_LIBRARY_USERS_NAME_NO_PLUGIN,
            LayerRulesTest.THIRD_PARTY_PLUGIN_DEPENDS_ONLY_ON_THE_API}) {
            assertRejects(rule, apiOnly, "failed to check any classes");
        }
    }
}
