package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Fp8QuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new Fp8QuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("format", "e4m3"), Map.of("format", "e5m2"));
    }

    private static Quantizer quantizer(String format) {
        Quantization quantization = new Fp8QuantizationProvider()
                .create(new Fp8QuantizationProvider().parameters().bind(Map.of("format", format)));
        return quantization.forTensor(new float[0], 0, 0);
    }

    private static float encode(String format, float value) {
        float[] data = {value};
        quantizer(format).quantize(data, 0, 1);
        return data[0];
    }

    private static float decode(String format, int code) {
        float[] data = {code};
        quantizer(format).dequantize(data, 0, 1);
        return data[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"e4m3", "e5m2"})
    void everyCodeDecodesToAValueThatEncodesBackToIt(String format) {
        for (int code = 0; code < 256; code++) {
            float value = decode(format, code);
            float again = encode(format, value);
            if (Float.isNaN(value)) {
                assertThat(decode(format, (int) again)).as("NaN code %d", code).isNaN();
            } else {
                assertThat(again).as("code %d (value %s)", code, value).isEqualTo((float) code);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"e4m3", "e5m2"})
    void valuesHalfwayBetweenNeighboursRoundToTheEvenCode(String format) {
        int checked = 0;
        for (int code = 0; code < 127; code++) {
            float low = decode(format, code);
            float high = decode(format, code + 1);
            if (!Float.isFinite(low) || !Float.isFinite(high)) {
                continue;
            }
            float halfway = (low + high) / 2;
            int even = code % 2 == 0 ? code : code + 1;
            assertThat(encode(format, halfway)).as("halfway between codes %d and %d", code, code + 1)
                    .isEqualTo((float) even);
            assertThat(encode(format, -halfway)).isEqualTo((float) (even | 0x80));
            assertThat(encode(format, Math.nextUp(halfway))).isEqualTo((float) (code + 1));
            assertThat(encode(format, Math.nextDown(halfway))).isEqualTo((float) code);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void e4m3HasBias7NoInfinitiesAndSaturatesAt448() {
        assertThat(decode("e4m3", 0x7e)).isEqualTo(448f);
        assertThat(decode("e4m3", 0x7f)).isNaN();
        assertThat(decode("e4m3", 0xff)).isNaN();
        assertThat(decode("e4m3", 0x78)).isEqualTo(256f);
        assertThat(decode("e4m3", 0x38)).isEqualTo(1f);
        assertThat(decode("e4m3", 0x01)).isEqualTo(0x1p-9f);
        assertThat(encode("e4m3", 465f)).isEqualTo(0x7e);
        assertThat(encode("e4m3", 1e30f)).isEqualTo(0x7e);
        assertThat(encode("e4m3", -1e30f)).isEqualTo(0xfe);
        assertThat(encode("e4m3", Float.POSITIVE_INFINITY)).isEqualTo(0x7f);
        assertThat(encode("e4m3", Float.NaN)).isEqualTo(0x7f);
        assertThat(encode("e4m3", 0x1p-11f)).as("a quarter of the smallest subnormal").isEqualTo(0);
    }

    @Test
    void e5m2HasBias15InfinitiesAndSaturatesFiniteValuesAt57344() {
        assertThat(decode("e5m2", 0x7b)).isEqualTo(57344f);
        assertThat(decode("e5m2", 0x7c)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(decode("e5m2", 0xfc)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(decode("e5m2", 0x7d)).isNaN();
        assertThat(decode("e5m2", 0x3c)).isEqualTo(1f);
        assertThat(decode("e5m2", 0x01)).isEqualTo(0x1p-16f);
        assertThat(encode("e5m2", 61440f)).isEqualTo(0x7b);
        assertThat(encode("e5m2", Float.MAX_VALUE)).isEqualTo(0x7b);
        assertThat(encode("e5m2", Float.NEGATIVE_INFINITY)).isEqualTo(0xfc);
        assertThat(decode("e5m2", (int) encode("e5m2", Float.NaN))).isNaN();
    }

    @Test
    void negativeZeroKeepsItsSignBit() {
        assertThat(encode("e4m3", -0f)).isEqualTo(0x80);
        assertThat(Float.floatToRawIntBits(decode("e4m3", 0x80))).isEqualTo(Float.floatToRawIntBits(-0f));
    }

    @Test
    void flippingABitOfTheCodeFlipsThatBitOfTheEncoding() {
        float code = encode("e4m3", 1f);
        assertThat(code).isEqualTo(0x38);
        assertThat(decode("e4m3", 0x38 ^ 0x80)).isEqualTo(-1f);
        assertThat(decode("e4m3", 0x38 ^ 0x40)).as("exponent bit 3 set: 2^(15-7)").isEqualTo(256f);
    }

    @Test
    void aCodeThatIsNotAPatternDecodesToNaN() {
        assertThat(decode("e5m2", 256)).isNaN();
        float[] data = {-1f, 2.5f};
        quantizer("e5m2").dequantize(data, 0, 2);
        assertThat(data[0]).isNaN();
        assertThat(data[1]).isNaN();
    }

    @Test
    void theCodeIsAnUnsigned8BitNumber() {
        assertThat(provider().create(provider().parameters().bind(Map.of("format", "e5m2"))).code().toString())
                .isEqualTo("unsigned 8-bit");
    }
}
