package dev.mrfi.quant.symmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymmetricQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new SymmetricQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8, "dynamic_range", 3.0),
                Map.of("bit_width", 16, "dynamic_range", "auto", "scale_factor", 0.5),
                Map.of("bit_width", 2, "dynamic_range", "1e-1"));
    }

    private static Quantization create(Map<String, Object> raw) {
        PluginConfig config = new SymmetricQuantizationProvider().parameters().bind(raw);
        return new SymmetricQuantizationProvider().create(config);
    }

    @Test
    void clampsBeforeRoundingAndRoundsHalfToEven() {
        // bit_width 3: L = 3, range 3, so the code of x is x itself after the three float steps
        float[] data = {0.5f, 1.5f, 2.5f, -1.5f, 7f, -7f, Float.NaN};
        create(Map.of("bit_width", 3, "dynamic_range", 3.0)).forTensor(data, 0, data.length).quantize(data, 0, data.length);
        assertThat(data).containsExactly(0f, 2f, 2f, -2f, 3f, -3f, Float.NaN);
    }

    @Test
    void infinitiesClipToTheRangeEnds() {
        float[] data = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        Quantizer quantizer = create(Map.of("bit_width", 8, "dynamic_range", 2.0)).forTensor(data, 0, 2);
        quantizer.quantize(data, 0, 2);
        assertThat(data).containsExactly(127f, -127f);
        quantizer.dequantize(data, 0, 2);
        assertThat(data).containsExactly(2f, -2f);
    }

    @Test
    void anAllZeroTensorWithAutoRangeStaysZeroInsteadOfNaN() {
        float[] data = new float[8];
        Quantizer quantizer = create(Map.of("bit_width", 8, "dynamic_range", "auto")).forTensor(data, 0, 8);
        quantizer.quantize(data, 0, 8);
        data[3] = -128f; // a sign-bit flip of code 0
        quantizer.dequantize(data, 0, 8);
        assertThat(data).containsOnly(0f);
    }

    @Test
    void autoRangeComputesTheScaleInFloat32AndAConfiguredRangeInDouble() {
        // the reference's probed example: D = 0.3 at 16 bits gives 109223.328125 (float32 division)
        // with auto and 109223.3359375 (double division rounded to float32) when configured
        float[] data = {0.3f, -0.1f};
        SymmetricQuantizer auto = (SymmetricQuantizer) create(Map.of("bit_width", 16, "dynamic_range", "auto"))
                .forTensor(data, 0, 2);
        SymmetricQuantizer fixed = (SymmetricQuantizer) create(Map.of("bit_width", 16, "dynamic_range", 0.3))
                .forTensor(data, 0, 2);
        assertThat(auto.toCode).isEqualTo(109223.328125f);
        assertThat(fixed.toCode).isEqualTo(109223.3359375f);
    }

    @Test
    void isKnownByTheReferenceSpellingAndTheCorrectOne() {
        assertThat(provider().name()).isEqualTo("SymmericQuantization");
        assertThat(provider().aliases()).containsExactly("SymmetricQuantization");
        assertThat(create(Map.of("bit_width", 8, "dynamic_range", 1.0)).code().toString()).isEqualTo("signed 8-bit");
    }
}
