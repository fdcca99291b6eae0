package dev.mrfi.quant.floating;

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

class MxQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new MxQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("format", "fp8_e4m3"),
                Map.of("format", "fp8_e5m2", "block_size", 16, "rounding", "nearest"),
                Map.of("format", "fp6_e3m2", "block_size", 7),
                Map.of("format", "fp6_e2m3", "axis", -1),
                Map.of("format", "fp4_e2m1", "block_size", 1),
                Map.of("format", "int8", "rounding", "nearest"));
    }

    private static Quantization create(Map<String, Object> raw) {
        return new MxQuantizationProvider().create(new MxQuantizationProvider().parameters().bind(raw));
    }

    private static float[] roundTrip(Map<String, Object> raw, float... values) {
        float[] data = values.clone();
        Quantizer quantizer = create(raw).forTensor(data, 0, data.length);
        quantizer.quantize(data, 0, data.length);
        quantizer.dequantize(data, 0, data.length);
        return data;
    }

    @Test
    void theSharedScaleLeavesRoomForTheElementFormatsLargestExponent() {
        // max 6 = 1.5 * 2^2: fp4_e2m1 has emax 2, so the scale is 1 and the elements are E2M1 values
        assertThat(roundTrip(Map.of("format", "fp4_e2m1", "block_size", 4), 6f, 2.4f, -0.3f, 0.25f))
                .containsExactly(6f, 2f, -0.5f, 0f);
        // max 448 * 2^3: e4m3 has emax 8, so the scale is 2^3; 448 * 8 survives, and 0.005 / 8 is below
        // half the smallest E4M3 subnormal (2^-9)
        assertThat(roundTrip(Map.of("format", "fp8_e4m3", "block_size", 2), 3584f, 0.005f))
                .containsExactly(3584f, 0f);
    }

    @Test
    void elementsSaturateAtTheLargestNormal() {
        // max 7.9 has exponent 2, scale 1; 7.9 rounds to 8 in E2M1's spacing and saturates at 6
        assertThat(roundTrip(Map.of("format", "fp4_e2m1", "block_size", 2), 7.9f, 1f)).containsExactly(6f, 1f);
        // int8 elements are k/64 with |k| <= 127: 1.999 saturates at 127/64
        assertThat(roundTrip(Map.of("format", "int8", "block_size", 2), 1.999f, 0.5f))
                .containsExactly(127f / 64, 0.5f);
    }

    @Test
    void roundingIsHalfToEvenOrHalfAwayFromZero() {
        // scale 1 (max 4 in E2M1 is exponent 2 = emax); 2.5 and 5 are halfway in E2M1's spacing
        float[] values = {4f, 2.5f, -5f, 0.75f};
        assertThat(roundTrip(Map.of("format", "fp4_e2m1", "block_size", 4, "rounding", "even"), values))
                .containsExactly(4f, 2f, -4f, 1f);
        assertThat(roundTrip(Map.of("format", "fp4_e2m1", "block_size", 4, "rounding", "nearest"), values))
                .containsExactly(4f, 3f, -6f, 1f);
    }

    @Test
    void aBlockWithNaNOrInfinityDequantizesToNaNAndLeavesOtherBlocksAlone() {
        float[] result = roundTrip(Map.of("format", "fp8_e5m2", "block_size", 2),
                1f, Float.POSITIVE_INFINITY, Float.NaN, 2f, 1f, 0.5f);
        assertThat(result[0]).isNaN();
        assertThat(result[1]).isNaN();
        assertThat(result[2]).isNaN();
        assertThat(result[3]).isNaN();
        assertThat(result[4]).isEqualTo(1f);
        assertThat(result[5]).isEqualTo(0.5f);
    }

    @Test
    void anAllZeroBlockStaysZeroWithItsSigns() {
        assertThat(roundTrip(Map.of("format", "fp6_e2m3", "block_size", 3), 0f, -0f, 0f)).containsExactly(0f, -0f, 0f);
    }

    @Test
    void theCodeIsTheElementPattern() {
        float[] data = {1f, -1f, 0.5f, 448f};
        Quantization quantization = create(Map.of("format", "fp8_e4m3", "block_size", 4));
        quantization.forTensor(data, 0, 4).quantize(data, 0, 4);
        // max 448 has exponent 8 = emax, so the scale is 1 and the codes are the E4M3 patterns
        assertThat(data).containsExactly(0x38, 0xb8, 0x30, 0x7e);
        assertThat(quantization.code().toString()).isEqualTo("unsigned 8-bit");
        assertThat(create(Map.of("format", "fp6_e3m2")).code().toString()).isEqualTo("unsigned 6-bit");
        assertThat(create(Map.of("format", "fp4_e2m1")).code().toString()).isEqualTo("unsigned 4-bit");
        assertThat(create(Map.of("format", "int8")).code().toString()).isEqualTo("signed 8-bit");
    }

    @Test
    void quantizingASubsetUsesTheScalesOfTheWholeTensor() {
        float[] data = {8f, 1f, 0.001f, 0.002f};
        Quantizer quantizer = create(Map.of("format", "int8", "block_size", 2)).forTensor(data, 0, 4);
        float[] part = data.clone();
        quantizer.quantize(part, 1, 2);
        quantizer.dequantize(part, 1, 2);
        float[] whole = data.clone();
        quantizer.quantize(whole, 0, 4);
        quantizer.dequantize(whole, 0, 4);
        assertThat(part[1]).isEqualTo(whole[1]);
        assertThat(part[2]).isEqualTo(whole[2]);
    }

    @Test
    void onlyTheLastAxisIsAccepted() {
        assertThatThrownBy(() -> new MxQuantizationProvider().parameters().bind(Map.of("format", "int8", "axis", 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("axis");
    }
}
