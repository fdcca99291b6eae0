package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.FaultRecord;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The built-in quantizers through a trial's fused layer-wise pass (sparse faults on a large tensor): the
 * result equals quantizing the whole tensor, putting each recorded faulty code at its position in order,
 * and dequantizing the whole tensor; and each record's code before the fault is the quantized input.
 */
class FusedPipelineTest {

    private static final Mrfi MRFI = Mrfi.load();
    private static final int SIZE = 100_003;

    private static float[] input(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = (float) (random.nextGaussian() * 1.5);
        }
        return values;
    }

    @Test
    void sparseFaultsThroughEveryFixedAndAutoSchemeEqualTheStepByStepResult() {
        List<String> quantizations = List.of(
                "{method: SymmericQuantization, bit_width: 16, dynamic_range: auto}",
                "{method: SymmericQuantization, bit_width: 8, dynamic_range: 3.0}",
                "{method: PositiveQuantization, bit_width: 8, dynamic_range: auto}",
                "{method: FixPointQuantization, integer_bit: 3, decimal_bit: 12}");
        List<String> errorModes = List.of("bit_width: 16", "bit_width: 8", "bit_width: 8, signed: false",
                "bit_width: 16");
        for (int q = 0; q < quantizations.size(); q++) {
            for (String type : List.of("activation", "weight")) {
                String yaml = "faultinject:\n  - type: " + type + "\n    module_name: fc\n"
                        + "    quantization: " + quantizations.get(q) + "\n"
                        + "    selector: {method: RandomPositionByRate, rate: 2e-3}\n"
                        + "    error_mode: {method: IntRandomBitFlip, " + errorModes.get(q) + "}\n";
                EasyConfig config = new EasyConfigLoader(MRFI.blocks()).parse(yaml, "fused.yaml");
                InjectionPlan plan = InjectionPlan.build(config, List.of(
                        new ModuleDescriptor("fc", "Linear", Map.of("weight", TensorShape.of(SIZE)))));
                List<FaultRecord> records = new ArrayList<>();
                Trial trial = plan.newTrial(3, records::add);
                float[] pristine = input(q);
                float[] result = pristine.clone();
                if (type.equals("weight")) {
                    result = trial.onWeight("fc", "weight", pristine, TensorShape.of(SIZE)).clone();
                } else {
                    trial.onInput("fc", result, TensorShape.of(SIZE));
                }

                Quantizer quantizer = config.faultInject().get(0).quantization().orElseThrow().operator()
                        .forTensor(pristine, 0, SIZE);
                float[] expected = pristine.clone();
                quantizer.quantize(expected, 0, SIZE);
                assertThat(records).as(quantizations.get(q) + " " + type).hasSizeGreaterThan(SIZE / 1000);
                for (FaultRecord record : records) {
                    assertThat(record.before()).isEqualTo(expected[record.flatIndex()]);
                }
                for (FaultRecord record : records) {
                    expected[record.flatIndex()] = record.after();
                }
                quantizer.dequantize(expected, 0, SIZE);
                assertThat(result).as(quantizations.get(q) + " " + type).containsExactly(expected);
            }
        }
    }
}
