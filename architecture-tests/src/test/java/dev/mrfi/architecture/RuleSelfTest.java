package dev.mrfi.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules are not vacuous: each rejects a class that breaks it. */
class RuleSelfTest {

    @Test
    void thePluginRuleRejectsAPluginThatUsesCore() {
        JavaClasses offender = new ClassFileImporter().importClasses(dev.mrfi.quant.symmetric.fake.UsesCore.class);
        assertThatThrownBy(() -> LayerRulesTest.pluginDependsOnlyOnApiAndItself("dev.mrfi.quant.symmetric..")
                .check(offender)).isInstanceOf(AssertionError.class).hasMessageContaining("dev.mrfi.core");
    }

    @Test
    void theWiringRuleRejectsJacksonOutsideCore() {
        JavaClasses offender = new ClassFileImporter().importClasses(dev.mrfi.quant.symmetric.fake.UsesJackson.class);
        assertThatThrownBy(() -> LayerRulesTest.GUICE_AND_JACKSON_ONLY_IN_CORE_AND_COMMAND.check(offender))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.fasterxml.jackson");
    }
}
