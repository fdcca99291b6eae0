package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigDocuments;
import org.junit.jupiter.api.Test;

/** Quantization blocks read from YAML or JSON, validated against the real plugins, with exact messages. */
class QuantizationConfigValidationTest {

    private static final Mrfi MRFI = Mrfi.load();

    private static Quantization load(String yaml) {
        return MRFI.quantization(ConfigDocuments.parse(yaml, "test.yaml"));
    }

    private static String errors(String yaml) {
        try {
            load(yaml);
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigurationException for:\n" + yaml);
    }

    @Test
    void loadsTheReferenceFlatFormFromYamlAndJson() {
        Quantization yaml = load("quantization:\n  method: SymmericQuantization\n  dynamic_range: auto\n  bit_width: 16\n");
        Quantization json = load("{\"quantization\": {\"method\": \"SymmetricQuantization\", \"dynamic_range\": 2.5,"
                + " \"bit_width\": 8}}");
        assertThat(yaml.code().toString()).isEqualTo("signed 16-bit");
        assertThat(json.code().toString()).isEqualTo("signed 8-bit");
    }

    @Test
    void readsYamlExponentNumbersAsNumbers() {
        float[] data = {1e-3f};
        Quantization q = load("quantization: {method: SymmericQuantization, dynamic_range: 1e-3, bit_width: 8}");
        q.forTensor(data, 0, 1).quantize(data, 0, 1);
        assertThat(data[0]).isEqualTo(127f);
    }

    @Test
    void rejectsAnUnknownMethodListingTheAvailableOnesAndTheNearest() {
        assertThat(errors("quantization: {method: SymetricQuantization, bit_width: 8, dynamic_range: 1.0}"))
                .isEqualTo("MRFI-J configuration errors:\n\n"
                        + "1) [config/UnknownMethod] quantization.method: unknown quantization 'SymetricQuantization'."
                        + " Available: [BFloat16Quantization, FixPointQuantization, Float16Quantization, Fp8Quantization,"
                        + " MxQuantization, PerChannelQuantization, PositiveQuantization, SymmericQuantization]."
                        + " Did you mean 'SymmetricQuantization'?\n\n1 error");
    }

    @Test
    void collectsEveryProblemOfABlockIntoOneReport() {
        assertThat(errors("quantization:\n  method: SymmericQuantization\n  bit_widht: 8\n  dynamic_range: 0\n"
                + "  scale_factor: abc\n"))
                .isEqualTo("MRFI-J configuration errors:\n\n"
                        + "1) [config/UnknownParameter] quantization.bit_widht: unknown parameter 'bit_widht'."
                        + " Allowed: [bit_width, dynamic_range, scale_factor]. Did you mean 'bit_width'?\n"
                        + "2) [config/OutOfRange] quantization.dynamic_range: must be 'auto' or a finite number"
                        + " greater than 0, got 0\n"
                        + "3) [config/WrongType] quantization.scale_factor: expected float, got 'abc'\n"
                        + "4) [config/MissingParameter] quantization.bit_width: required parameter 'bit_width'"
                        + " (int, in [2, 26]: a symmetric code needs at least 2 bits (with 1 bit its only level is 0"
                        + " and the scale divides by zero), and float32 codes wider than 26 bits lose most integers"
                        + " above 2^24 and overflow int32 at 32 bits) is missing. Bits of the signed integer code,"
                        + " often 8 or 16.\n\n"
                        + "4 errors");
    }

    @Test
    void rejectsBitWidthsOutsideEachSchemesRange() {
        assertThat(errors("quantization: {method: SymmericQuantization, bit_width: 1, dynamic_range: auto}"))
                .contains("1) [config/OutOfRange] quantization.bit_width: must be in [2, 26]: a symmetric code needs"
                        + " at least 2 bits")
                .endsWith(", got 1\n\n1 error");
        assertThat(errors("quantization: {method: SymmericQuantization, bit_width: 27, dynamic_range: 1.0}"))
                .contains("1) [config/OutOfRange] quantization.bit_width: must be in [2, 26]")
                .contains("lose most integers above 2^24");
        assertThat(errors("quantization: {method: PositiveQuantization, bit_width: 27, dynamic_range: 1.0}"))
                .contains("1) [config/OutOfRange] quantization.bit_width: must be in [1, 26]: float32 codes wider");
        assertThat(errors("quantization: {method: FixPointQuantization, integer_bit: 12, decimal_bit: 13}"))
                .contains("[config/OutOfRange] quantization.decimal_bit: integer_bit + decimal_bit must be in [1, 24]")
                .contains("got 12 + 13 = 25");
        assertThat(errors("quantization: {method: FixPointQuantization, integer_bit: 0, decimal_bit: 0}"))
                .contains("integer_bit + decimal_bit must be in [1, 24]: with 0 the only code is 0");
    }

    @Test
    void rejectsAWrongTypeForAnInteger() {
        assertThat(errors("quantization: {method: FixPointQuantization, integer_bit: 2.5, decimal_bit: '4'}"))
                .contains("1) [config/WrongType] quantization.integer_bit: expected int, got 2.5\n"
                        + "2) [config/WrongType] quantization.decimal_bit: expected int, got '4'\n\n2 errors");
    }

    @Test
    void reportsMissingMethodAndUnknownTopLevelKeys() {
        assertThat(errors("quantisation: {bit_width: 8}\n"))
                .contains("[config/UnknownKey] quantisation: unknown key 'quantisation'. Allowed: [quantization]."
                        + " Did you mean 'quantization'?")
                .contains("[config/MissingKey] quantization: the document has no 'quantization' block");
        assertThat(errors("quantization: {bit_width: 8}"))
                .contains("[config/MissingMethod] quantization.method: the quantization block has no 'method'."
                        + " Available: [BFloat16Quantization, FixPointQuantization, Float16Quantization, Fp8Quantization,"
                        + " MxQuantization, PerChannelQuantization, PositiveQuantization, SymmericQuantization].");
    }

    @Test
    void reportsSyntaxErrorsAndDuplicateKeysWithTheirLine() {
        assertThatThrownBy(() -> load("quantization:\n  method: A\n  method: B\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/Syntax]").hasMessageContaining("line 3")
                .hasMessageContaining("Duplicate field 'method'");
        assertThatThrownBy(() -> load("quantization: [unclosed"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("[config/Syntax]");
    }
}
