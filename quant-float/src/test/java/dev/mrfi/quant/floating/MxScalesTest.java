package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.api.quantization.ScaleEncoding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MxScalesTest {

    private static Quantization create(Map<String, Object> raw) {
        return new MxQuantizationProvider().create(new MxQuantizationProvider().parameters().bind(raw));
    }

    @Test
    void theSharedExponentsAreExposedAsE8m0Codes() {
        // fp4_e2m1 has emax 2: block max 6 -> exponent 0 (code 127); block max 48 -> exponent 3 (code 130)
        float[] data = {6f, 1f, 48f, 8f};
        Quantization mx = create(Map.of("format", "fp4_e2m1", "block_size", 2));
        QuantizerScales scales = mx.forTensor(data, 0, data.length).scales();
        assertThat(mx.scaleEncoding()).contains(ScaleEncoding.e8m0());
        assertThat(scales.encoding().code()).contains(IntegerCode.unsigned(8));
        assertThat(scales.count()).isEqualTo(2);
        assertThat(scales.code(0)).isEqualTo(127f);
        assertThat(scales.code(1)).isEqualTo(130f);
        assertThat(scales.encoding().decode(130f)).isEqualTo(8f);
    }

    @Test
    void aFlippedSharedExponentScalesItsWholeBlockAndNothingElse() {
        float[] data = {6f, 1f, 48f, 8f};
        Quantizer quantizer = create(Map.of("format", "fp4_e2m1", "block_size", 2)).forTensor(data, 0, 4);
        quantizer.quantize(data, 0, 4);
        // flip bit 0 of code 127 -> 126: the first block's scale halves
        Quantizer faulty = quantizer.scales().withCodes(new int[] {0}, new float[] {126f}, 1);
        faulty.dequantize(data, 0, 4);
        assertThat(data).containsExactly(3f, 0.5f, 48f, 8f);
    }

    @Test
    void theNanCodeTurnsItsBlockIntoNan() {
        float[] data = {6f, 1f, 48f, 8f};
        Quantizer quantizer = create(Map.of("format", "fp8_e4m3", "block_size", 2)).forTensor(data, 0, 4);
        quantizer.quantize(data, 0, 4);
        quantizer.scales().withCodes(new int[] {1}, new float[] {255f}, 1).dequantize(data, 0, 4);
        assertThat(data[0]).isEqualTo(6f);
        assertThat(data[2]).isNaN();
        assertThat(data[3]).isNaN();
    }
}
