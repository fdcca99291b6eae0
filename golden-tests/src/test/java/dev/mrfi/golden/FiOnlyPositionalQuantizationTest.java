package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code layerwise: false} only the selected values are quantized; a quantization whose scale depends
 * on the position (a range per channel, an exponent per MX block) must still use each value's own scale.
 */
class FiOnlyPositionalQuantizationTest {

    private static final EasyConfigLoader LOADER = new EasyConfigLoader(Mrfi.load().blocks());
    private static final TensorShape SHAPE = TensorShape.of(4, 8);
    private static final List<ModuleDescriptor> MODEL = List.of(new ModuleDescriptor("", "Net", Map.of()),
            new ModuleDescriptor("fc", "Linear", Map.of("weight", SHAPE)));

    private static float[] weights() {
        float[] w = new float[32];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 8 + 1) * (i / 8 + 1) * 0.3f;
        }
        return w;
    }

    private static void assertOnlyTheSelectedValueMovesToItsOwnScalesFlippedCode(String quantization, String errorMode) {
        EasyConfig config = LOADER.parse("faultinject:\n  - type: weight\n    module_name: fc\n"
                + "    quantization: " + quantization + "\n"
                + "    selector: {method: FixPosition, position: 19}\n"
                + "    error_mode: " + errorMode + "\n", "t.yaml");
        float[] faulty = InjectionPlan.build(config, MODEL).newTrial(1).onWeight("fc", "weight", weights(), SHAPE);

        Quantization scheme = config.faultInject().get(0).quantization().orElseThrow().operator();
        float[] expected = weights();
        Quantizer quantizer = scheme.forTensor(expected, 0, SHAPE);
        quantizer.quantize(expected, 0, 32);
        expected[19] = (float) ((int) expected[19] ^ 1);
        quantizer.dequantize(expected, 19, 1);
        float[] clean = weights();
        for (int i = 0; i < 32; i++) {
            assertThat(faulty[i]).as("%s value %d", quantization, i).isEqualTo(i == 19 ? expected[19] : clean[i]);
        }
    }

    @Test
    void aPerChannelCodeIsFormedWithTheRangeOfItsOwnChannel() {
        assertOnlyTheSelectedValueMovesToItsOwnScalesFlippedCode(
                "{method: PerChannelQuantization, bit_width: 8, layerwise: false}",
                "{method: IntFixedBitFlip, bit_width: 8, bit: 0}");
    }

    @Test
    void anMxCodeIsFormedWithTheExponentOfItsOwnBlock() {
        assertOnlyTheSelectedValueMovesToItsOwnScalesFlippedCode(
                "{method: MxQuantization, format: fp8_e4m3, block_size: 8, layerwise: false}",
                "{method: IntFixedBitFlip, bit_width: 8, signed: false, bit: 0}");
    }
}
