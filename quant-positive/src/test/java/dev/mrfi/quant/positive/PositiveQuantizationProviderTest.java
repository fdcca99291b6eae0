package dev.mrfi.quant.positive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositiveQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new PositiveQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8, "dynamic_range", 3.0),
                Map.of("bit_width", 4, "dynamic_range", "auto"));
    }

    private static Quantization create(Map<String, Object> raw) {
        return new PositiveQuantizationProvider().create(new PositiveQuantizationProvider().parameters().bind(raw));
    }

    @Test
    void negativeValuesClipToZeroAndKeepTheirSignedZero() {
        float[] data = {-3f, -0.0f, 1f, 100f};
        create(Map.of("bit_width", 4, "dynamic_range", 15.0)).forTensor(data, 0, 4).quantize(data, 0, 4);
        assertThat(data).containsExactly(0f, -0.0f, 1f, 15f);
        assertThat(Float.floatToRawIntBits(data[1])).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void producesAnUnsignedCodeAndRejectsCodesFloat32CannotHold() {
        assertThat(create(Map.of("bit_width", 8, "dynamic_range", 1.0)).code().toString()).isEqualTo("unsigned 8-bit");
        assertThatThrownBy(() -> create(Map.of("bit_width", 27, "dynamic_range", 1.0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] bit_width: must be in [1, 26]: float32 codes wider")
                .hasMessageContaining("got 27");
    }

    @Test
    void anAllZeroTensorWithAutoRangeStaysZero() {
        float[] data = new float[4];
        Quantizer quantizer = create(Map.of("bit_width", 8, "dynamic_range", "auto")).forTensor(data, 0, 4);
        quantizer.quantize(data, 0, 4);
        data[0] = 255f;
        quantizer.dequantize(data, 0, 4);
        assertThat(data).containsOnly(0f);
    }
}
