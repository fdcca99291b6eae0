package dev.mrfi.quant.fixpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixPointQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new FixPointQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("integer_bit", 3, "decimal_bit", 12), Map.of("integer_bit", 0, "decimal_bit", 7));
    }

    private static Quantization create(Map<String, Object> raw) {
        return new FixPointQuantizationProvider().create(new FixPointQuantizationProvider().parameters().bind(raw));
    }

    @Test
    void stepIsRangeOverMaximumCodeNotAPowerOfTwo() {
        float[] data = {1.5f, 1.0f};
        Quantization q = create(Map.of("integer_bit", 3, "decimal_bit", 4));
        q.forTensor(data, 0, 2).quantize(data, 0, 2);
        assertThat(data).containsExactly(24f, 16f);
        q.forTensor(data, 0, 2).dequantize(data, 0, 2);
        assertThat(data[0]).isEqualTo((float) (24 * (float) (8.0 / 127.0)));
    }

    @Test
    void declaresTheCodeWidthIntegerPlusDecimalPlusSign() {
        assertThat(create(Map.of("integer_bit", 3, "decimal_bit", 12)).code().toString()).isEqualTo("signed 16-bit");
    }

    @Test
    void rejectsCodesWiderThanFloat32HoldsAndTheEmptyCode() {
        assertThatThrownBy(() -> create(Map.of("integer_bit", 12, "decimal_bit", 13)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] decimal_bit: integer_bit + decimal_bit must be in [1, 24]")
                .hasMessageContaining("is not an integer float32 can hold, got 12 + 13 = 25");
        assertThatThrownBy(() -> create(Map.of("integer_bit", 0, "decimal_bit", 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("with 0 the only code is 0 and dequantizing divides by zero");
        assertThat(create(Map.of("integer_bit", 0, "decimal_bit", 24)).code().toString()).contains("25-bit");
    }
}
