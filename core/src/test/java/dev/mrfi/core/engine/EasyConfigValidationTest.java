package dev.mrfi.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import org.junit.jupiter.api.Test;

class EasyConfigValidationTest {

    private static final EasyConfigLoader LOADER = new EasyConfigLoader(FakePlugins.mrfi().blocks());

    private static String errors(String yaml) {
        try {
            LOADER.parse(yaml, "test.yaml");
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigurationException");
    }

    private static String entry(String quantization, String errorMode) {
        return "faultinject:\n  - type: activation\n    module_name: fc\n" + quantization
                + "    error_mode: " + errorMode + "\n";
    }

    @Test
    void rejectsAnIntegerErrorModeWhoseWidthDiffersFromTheQuantizationsCode() {
        assertThat(errors(entry("    quantization: {method: TimesTen, bit_width: 8}\n", "{method: Negate, bit_width: 16}")))
                .isEqualTo("MRFI-J configuration errors:\n\n1) [config/InconsistentBitWidth]"
                        + " faultinject[0].error_mode.bit_width: Negate reads a signed 16-bit code but TimesTen produces"
                        + " a signed 8-bit code. Set error_mode.bit_width to 8, or set allow_inconsistent_bit_width: true"
                        + " to reproduce a reference experiment exactly.\n\n1 error");
    }

    @Test
    void acceptsAnUnsignedCodeReadAsUnsignedOrAsSignedWithOneMoreBit() {
        LOADER.parse(entry("    quantization: {method: TimesTen, bit_width: 8, signed: false}\n",
                "{method: Negate, bit_width: 8, signed: false}"), "t");
        LOADER.parse(entry("    quantization: {method: TimesTen, bit_width: 8, signed: false}\n",
                "{method: Negate, bit_width: 9}"), "t");
        assertThat(errors(entry("    quantization: {method: TimesTen, bit_width: 8, signed: false}\n",
                "{method: Negate, bit_width: 8}")))
                .contains("Negate reads a signed 8-bit code but TimesTen produces an unsigned 8-bit code."
                        + " Set error_mode.bit_width to 8 with signed: false (or 9 with signed: true)");
    }

    @Test
    void allowInconsistentBitWidthTurnsTheCheckIntoAWarning() {
        EasyConfig config = LOADER.parse("allow_inconsistent_bit_width: true\n"
                + entry("    quantization: {method: TimesTen, bit_width: 8}\n", "{method: Negate, bit_width: 16}"), "t");
        assertThat(config.warnings()).singleElement().asString().contains("reads a signed 16-bit code");
    }

    @Test
    void rejectsAnIntegerErrorModeWithoutQuantization() {
        assertThat(errors(entry("", "{method: Negate, bit_width: 16}")))
                .contains("1) [config/MissingQuantization] faultinject[0].error_mode: Negate flips bits of integer"
                        + " codes, but the entry has no quantization.");
    }

    @Test
    void collectsProblemsOfEveryEntryAndKeyWithPaths() {
        String message = errors("faultinject:\n"
                + "  - type: activaton\n    module_name: fc\n    selecter: {method: FirstN}\n"
                + "    error_mode: {method: Negat}\n"
                + "  - type: weight\n    weight: [bias]\n    module_name: fc\n    error_mode: {method: Add100}\n"
                + "oberve: []\n");
        assertThat(message)
                .contains("[config/UnknownKey] oberve: unknown key 'oberve'. Allowed: [allow_inconsistent_bit_width,"
                        + " faultinject, observe, seed]. Did you mean 'observe'?")
                .contains("[config/UnknownKey] faultinject[0].selecter: unknown key 'selecter'.")
                .contains("Did you mean 'selector'?")
                .contains("[config/InvalidValue] faultinject[0].type: unknown type 'activaton'. Allowed: [activation,"
                        + " activation_in, activation_out, weight, weights]. Did you mean 'activation'?")
                .contains("[config/UnknownMethod] faultinject[0].error_mode.method: unknown error mode 'Negat'.")
                .contains("[config/UnknownKey] faultinject[1].weight: unknown key 'weight'.")
                .contains("Weight tensors are chosen with 'name', for example name: [weight, bias].")
                .endsWith("5 errors");
    }

    @Test
    void anEmptyDocumentIsAClearError() {
        assertThatThrownBy(() -> LOADER.parse("", "empty.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/MissingKey] the configuration is empty.");
    }

    @Test
    void readsTheSeedAndTheLegacyActivationIdKey() {
        EasyConfig config = LOADER.parse("seed: 42\nfaultinject:\n  - type: activation\n    activationid: 3\n"
                + "    module_name: fc\n    error_mode: {method: Add100}\n", "t");
        assertThat(config.seed()).hasValue(42);
        assertThat(config.warnings()).containsExactly("faultinject[0].activationid: legacy key, ignored");
    }

    @Test
    void aConfigurationWithNoEnabledEntryInjectsNothing() {
        String enabled = entry("", "{method: Add100}");
        assertThat(LOADER.parse(enabled, "t").injectsNothing()).isFalse();
        assertThat(LOADER.parse("faultinject: []\n", "t").injectsNothing()).isTrue();
        assertThat(LOADER.parse(enabled.replace("    module_name: fc\n", "    module_name: fc\n    enabled: false\n"),
                "t").injectsNothing()).isTrue();
    }
}
