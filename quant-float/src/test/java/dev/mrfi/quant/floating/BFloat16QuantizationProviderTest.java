package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BFloat16QuantizationProviderTest extends QuantizationContractTest {

    private static final int CODES = 1 << 16;

    @Override
    protected QuantizationProvider provider() {
        return new BFloat16QuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    private static Quantizer quantizer() {
        return new BFloat16QuantizationProvider().create(new BFloat16QuantizationProvider().parameters().bind(Map.of()))
                .forTensor(new float[0], 0, 0);
    }

    @Test
    void everyCodeDecodesToAValueThatEncodesBackToIt() {
        float[] values = new float[CODES];
        for (int code = 0; code < CODES; code++) {
            values[code] = code;
        }
        quantizer().dequantize(values, 0, CODES);
        float[] codes = values.clone();
        quantizer().quantize(codes, 0, CODES);
        for (int code = 0; code < CODES; code++) {
            assertThat(Float.floatToRawIntBits(values[code])).isEqualTo(code << 16);
            if (Float.isNaN(values[code])) {
                assertThat(Float.isNaN(Float.intBitsToFloat((int) codes[code] << 16))).as("NaN code %d", code).isTrue();
            } else {
                assertThat(codes[code]).as("code %d (value %s)", code, values[code]).isEqualTo((float) code);
            }
        }
    }

    @Test
    void valuesHalfwayBetweenNeighboursRoundToTheEvenCode() {
        for (int code = 0; code < 0x7f7f; code++) {
            float halfway = Float.intBitsToFloat((code << 16) | 0x8000);
            float[] data = {halfway, Math.nextUp(halfway), Math.nextDown(halfway), -halfway};
            quantizer().quantize(data, 0, data.length);
            int even = code % 2 == 0 ? code : code + 1;
            assertThat(data).as("around halfway between codes %d and %d", code, code + 1)
                    .containsExactly(even, code + 1, code, even | 0x8000);
        }
    }

    @Test
    void nanStaysNaNAndOverflowGivesInfinity() {
        float[] data = {Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xffc00000), Float.MAX_VALUE,
            Float.NEGATIVE_INFINITY};
        quantizer().quantize(data, 0, data.length);
        assertThat(data).containsExactly(0x7fc0, 0xffc0, 0x7f80, 0xff80);
    }
}
