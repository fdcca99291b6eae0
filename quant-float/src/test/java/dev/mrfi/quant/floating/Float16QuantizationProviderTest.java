package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Float16QuantizationProviderTest extends QuantizationContractTest {

    private static final int CODES = 1 << 16;

    @Override
    protected QuantizationProvider provider() {
        return new Float16QuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    private static Quantizer quantizer() {
        return new Float16QuantizationProvider().create(new Float16QuantizationProvider().parameters().bind(Map.of()))
                .forTensor(new float[0], 0, 0);
    }

    private static float[] decodeAll() {
        float[] values = new float[CODES];
        for (int code = 0; code < CODES; code++) {
            values[code] = code;
        }
        quantizer().dequantize(values, 0, CODES);
        return values;
    }

    @Test
    void everyCodeDecodesToAValueThatEncodesBackToIt() {
        float[] values = decodeAll();
        float[] codes = values.clone();
        quantizer().quantize(codes, 0, CODES);
        for (int code = 0; code < CODES; code++) {
            boolean nan = (code & 0x7c00) == 0x7c00 && (code & 0x3ff) != 0;
            assertThat(Float.isNaN(values[code])).as("code %d is NaN", code).isEqualTo(nan);
            if (!nan) {
                assertThat(codes[code]).as("code %d (value %s)", code, values[code]).isEqualTo((float) code);
            }
        }
    }

    @Test
    void valuesHalfwayBetweenNeighboursRoundToTheEvenCode() {
        float[] values = decodeAll();
        float[] halfway = new float[0x7bff];
        for (int code = 0; code < 0x7bff; code++) {
            halfway[code] = (values[code] + values[code + 1]) / 2;
        }
        quantizer().quantize(halfway, 0, halfway.length);
        for (int code = 0; code < 0x7bff; code++) {
            assertThat(halfway[code]).as("halfway between codes %d and %d", code, code + 1)
                    .isEqualTo((float) (code % 2 == 0 ? code : code + 1));
        }
    }

    @Test
    void magnitudesRoundingBeyond65504BecomeInfinity() {
        float[] data = {65504f, 65519.996f, 65520f, -1e10f, Float.POSITIVE_INFINITY, Float.NaN, 0x1p-25f, 0x1.000002p-25f};
        quantizer().quantize(data, 0, data.length);
        assertThat(data).containsExactly(0x7bff, 0x7bff, 0x7c00, 0xfc00, 0x7c00, 0x7e00, 0, 1);
    }
}
