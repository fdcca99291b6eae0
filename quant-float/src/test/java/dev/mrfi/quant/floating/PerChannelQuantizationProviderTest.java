package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.api.quantization.ScaleEncoding;
import dev.mrfi.testkit.QuantizationContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerChannelQuantizationProviderTest extends QuantizationContractTest {

    @Override
    protected QuantizationProvider provider() {
        return new PerChannelQuantizationProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8),
                Map.of("bit_width", 4, "axis", 1, "dynamic_range", "auto"),
                Map.of("bit_width", 23, "axis", -1, "dynamic_range", 2.5));
    }

    private static Quantization create(Map<String, Object> raw) {
        return new PerChannelQuantizationProvider().create(new PerChannelQuantizationProvider().parameters().bind(raw));
    }

    @Test
    void eachOutputChannelOfAWeightGetsTheRangeOfItsOwnValues() {
        // a [2, 3] weight: channel 0 spans 1.0, channel 1 spans 100.0; 8 bits, L = 127
        float[] data = {1f, -0.5f, 0.25f, 100f, 50f, -1f};
        Quantizer quantizer = create(Map.of("bit_width", 8)).forTensor(data, 0, TensorShape.of(2, 3));
        quantizer.quantize(data, 0, data.length);
        // channel 0: x * 127 / 1; channel 1: x * 127 / 100 (-1.27 rounds to -1)
        assertThat(data).containsExactly(127f, -64f, 32f, 127f, 64f, -1f);
        quantizer.dequantize(data, 0, data.length);
        assertThat(data[1]).isEqualTo(-64f * (1f / 127f));
        assertThat(data[4]).isEqualTo(64f * (100f / 127f));
        assertThat(data[5]).isEqualTo(-100f / 127f);
    }

    @Test
    void axisOneOfAnActivationGroupsTheValuesOfEachChannelAcrossTheBatch() {
        // [batch 2, channels 2, 2 values]: channel 0 holds 1, 2, 3, 4 (range 4), channel 1 holds 8 at most
        float[] data = {1f, 2f, 8f, -4f, 3f, 4f, 0.5f, 1f};
        Quantizer quantizer = create(Map.of("bit_width", 4, "axis", 1)).forTensor(data, 0, TensorShape.of(2, 2, 2));
        assertThat(quantizer.scales().count()).isEqualTo(2);
        assertThat(quantizer.scales().code(0)).isEqualTo(4f);
        assertThat(quantizer.scales().code(1)).isEqualTo(8f);
        quantizer.quantize(data, 0, data.length);
        // L = 7: channel 0 is x * 7/4, channel 1 is x * 7/8
        assertThat(data).containsExactly(2f, 4f, 7f, -4f, 5f, 7f, 0f, 1f);
    }

    @Test
    void withoutAShapeTheWholeTensorIsOneChannel() {
        float[] data = {1f, 100f};
        Quantizer quantizer = create(Map.of("bit_width", 8)).forTensor(data, 0, data.length);
        assertThat(quantizer.scales().count()).isEqualTo(1);
        quantizer.quantize(data, 0, data.length);
        assertThat(data).containsExactly(1f, 127f);
    }

    @Test
    void aFixedRangeGivesEveryChannelThatRangeAndClipsBeyondIt() {
        float[] data = {3f, -0.5f, 0.25f, 1f};
        Quantizer quantizer = create(Map.of("bit_width", 8, "dynamic_range", 1.0))
                .forTensor(data, 0, TensorShape.of(2, 2));
        quantizer.quantize(data, 0, data.length);
        assertThat(data).containsExactly(127f, -64f, 32f, 127f);
    }

    @Test
    void aQuantizerWorksOnAnyRangeOfItsTensorAtAnOffset() {
        float[] whole = {9f, 1f, 0.5f, 10f, 5f, 9f};
        float[] parts = whole.clone();
        Quantization quantization = create(Map.of("bit_width", 8));
        Quantizer full = quantization.forTensor(whole, 1, TensorShape.of(2, 2));
        full.quantize(whole, 1, 4);
        Quantizer split = quantization.forTensor(parts, 1, TensorShape.of(2, 2));
        split.quantize(parts, 2, 2);
        split.quantize(parts, 1, 1);
        split.quantize(parts, 4, 1);
        assertThat(parts).containsExactly(whole);
        assertThat(whole[0]).isEqualTo(9f);
        assertThat(whole[5]).isEqualTo(9f);
    }

    @Test
    void anAllZeroChannelQuantizesAndDequantizesToZero() {
        float[] data = {0f, 0f, 2f, -2f};
        Quantizer quantizer = create(Map.of("bit_width", 8)).forTensor(data, 0, TensorShape.of(2, 2));
        quantizer.quantize(data, 0, 4);
        quantizer.dequantize(data, 0, 4);
        assertThat(data).containsExactly(0f, 0f, 2f, -2f);
    }

    @Test
    void aCorruptedChannelRangeChangesOnlyThatChannelsValues() {
        float[] data = {1f, -0.5f, 4f, 2f};
        Quantizer quantizer = create(Map.of("bit_width", 8)).forTensor(data, 0, TensorShape.of(2, 2));
        QuantizerScales scales = quantizer.scales();
        assertThat(scales.encoding()).isEqualTo(ScaleEncoding.float32());
        quantizer.quantize(data, 0, 4);
        Quantizer faulty = scales.withCodes(new int[] {1}, new float[] {8f}, 1);
        faulty.dequantize(data, 0, 4);
        assertThat(data[0]).isEqualTo(1f);
        assertThat(data[2]).isEqualTo(8f);
        assertThat(data[3]).isEqualTo(64f * (8f / 127f));
        assertThat(scales.code(1)).as("the original quantizer keeps its range").isEqualTo(4f);
    }

    @Test
    void theCodeIsTheSignedIntegerOfTheBitWidthAndScalesAreFloat32() {
        assertThat(create(Map.of("bit_width", 6)).code()).isEqualTo(IntegerCode.signed(6));
        assertThat(create(Map.of("bit_width", 6)).scaleEncoding()).contains(ScaleEncoding.float32());
    }

    @Test
    void anAxisOutsideTheTensorIsReportedWithTheShape() {
        assertThatThrownBy(() -> create(Map.of("bit_width", 8, "axis", 2)).forTensor(new float[4], 0,
                TensorShape.of(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("axis 2").hasMessageContaining("[2, 2]");
    }

    @Test
    void rejectsABitWidthAbove23() {
        assertThatThrownBy(() -> new PerChannelQuantizationProvider().parameters().bind(Map.of("bit_width", 24)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("bit_width");
    }
}
