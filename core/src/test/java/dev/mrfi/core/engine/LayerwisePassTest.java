package dev.mrfi.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused layer-wise pass against the plain order it replaces: quantize the whole tensor, gather the
 * selected codes, apply the error mode, scatter, dequantize the whole tensor.
 */
class LayerwisePassTest {

    /** Tensor sizes: one partial block, and several blocks with a partial last one. */
    private static final int[] SIZES = {1000, 3 * LayerwisePass.BLOCK + 17};

    private static final Mrfi MRFI = Mrfi.of(DiscoveredPlugins.of(List.<PluginProvider>of(new FakePlugins.TimesTen(),
            new BlockScaled(), new FakePlugins.Add100(), new FakePlugins.Negate(), new FakePlugins.RandomByRate())));

    /**
     * A quantization whose scale depends on the position: each run of 64 values has its own, from the
     * largest magnitude in it. Codes are computed at the index they are stored at.
     */
    static final class BlockScaled implements QuantizationProvider {
        @Override public String name() { return "BlockScaled"; }
        @Override public String description() { return "One scale per 64 values."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }

        @Override
        public Quantization create(PluginConfig config) {
            return new Quantization() {
                @Override public IntegerCode code() { return IntegerCode.signed(8); }

                @Override
                public Quantizer forTensor(float[] data, int offset, int length) {
                    float[] scales = new float[(length + 63) / 64];
                    for (int i = 0; i < length; i++) {
                        scales[i / 64] = Math.max(scales[i / 64], Math.abs(data[offset + i]) / 127f);
                    }
                    return new Quantizer() {
                        @Override
                        public void quantize(float[] values, int from, int count) {
                            for (int i = from; i < from + count; i++) {
                                values[i] = (float) Math.rint(values[i] / scales[(i - offset) / 64]);
                            }
                        }

                        @Override
                        public void dequantize(float[] values, int from, int count) {
                            for (int i = from; i < from + count; i++) {
                                values[i] = values[i] * scales[(i - offset) / 64];
                            }
                        }
                    };
                }
            };
        }
    }

    private static InjectionPlan plan(String type, String quantization, String errorMode, double rate, int size) {
        String yaml = "faultinject:\n  - type: " + type + "\n    module_name: fc\n"
                + "    quantization: " + quantization + "\n"
                + "    selector: {method: RandomByRate, rate: " + rate + "}\n"
                + "    error_mode: " + errorMode + "\n";
        EasyConfig config = new EasyConfigLoader(MRFI.blocks()).parse(yaml, "test.yaml");
        return InjectionPlan.build(config, List.of(new ModuleDescriptor("", "Net", Map.of()),
                new ModuleDescriptor("fc", "Linear", Map.of("weight", TensorShape.of(size)))));
    }

    /** What the entry's call gives when done step by step on the whole tensor. */
    private static float[] stepByStep(InjectionPlan plan, long seed, long call, float[] input, List<Float> codes) {
        InjectionSite site = plan.sites().get(0);
        Quantizer quantizer = site.entry().quantization().get().operator().forTensor(input, 0, input.length);
        Selector selector = site.entry().selector().get().operator();
        ErrorMode errorMode = site.entry().errorMode().operator();
        float[] data = input.clone();
        quantizer.quantize(data, 0, data.length);
        SplittableRandom random = SiteRandom.stream(seed, site.name(), call);
        int[] indices = selector.select(TensorShape.of(data.length), random);
        float[] values = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            values[k] = data[indices[k]];
        }
        errorMode.apply(values, 0, values.length, random);
        for (int k = 0; k < indices.length; k++) {
            data[indices[k]] = values[k];
            codes.add(values[k]);
        }
        quantizer.dequantize(data, 0, data.length);
        return data;
    }

    private static float[] input(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void activationFaultsEqualTheStepByStepOrderForSparseAndDenseRates() {
        for (int size : SIZES) {
            for (String quantization : List.of("{method: TimesTen, bit_width: 8}", "{method: BlockScaled}")) {
                // 0.003 takes the fused pass; 0.2 the dense one; both draw positions more than once
                for (double rate : new double[] {0.003, 0.2}) {
                    InjectionPlan plan = plan("activation", quantization, "{method: Add100}", rate, size);
                    Trial trial = plan.newTrial(5);
                    for (long call = 0; call < 3; call++) {
                        float[] pristine = input(size, call);
                        float[] data = pristine.clone();
                        trial.onInput("fc", data, TensorShape.of(size));
                        assertThat(data).as(quantization + " rate " + rate + " size " + size + " call " + call)
                                .containsExactly(stepByStep(plan, 5, call, pristine, new ArrayList<>()));
                    }
                }
            }
        }
    }

    @Test
    void weightFaultsEqualTheStepByStepOrderAndLeaveTheCleanWeightsUntouched() {
        for (int size : SIZES) {
            InjectionPlan plan = plan("weight", "{method: BlockScaled}", "{method: Negate, bit_width: 8}", 0.002, size);
            List<FaultRecord> records = new ArrayList<>();
            Trial trial = plan.newTrial(9, records::add);
            float[] clean = input(size, 3);
            float[] pristine = clean.clone();
            for (long call = 0; call < 2; call++) {
                float[] weights = trial.onWeight("fc", "weight", clean, TensorShape.of(size));
                List<Float> codes = new ArrayList<>();
                assertThat(weights).as("size " + size + " call " + call)
                        .containsExactly(stepByStep(plan, 9, call, pristine, codes));
                assertThat(records.subList(records.size() - codes.size(), records.size()))
                        .extracting(FaultRecord::after).containsExactlyElementsOf(codes);
            }
            assertThat(clean).containsExactly(pristine);
        }
    }

    @Test
    void aGoldenPassRoundTripsTheCleanWeightsIntoTheTrialBuffer() {
        int size = SIZES[1];
        InjectionPlan plan = plan("weight", "{method: TimesTen, bit_width: 8}", "{method: Add100}", 0.002, size);
        Trial trial = plan.newTrial(1);
        trial.setGolden(true);
        float[] clean = input(size, 4);
        float[] expected = clean.clone();
        Quantizer quantizer = plan.sites().get(0).entry().quantization().get().operator().forTensor(clean, 0, size);
        quantizer.quantize(expected, 0, size);
        quantizer.dequantize(expected, 0, size);
        float[] weights = trial.onWeight("fc", "weight", clean, TensorShape.of(size));
        assertThat(weights).isNotSameAs(clean).containsExactly(expected);
    }

    @Test
    void aPositionChosenTwiceEndsWithItsLastFaultInEveryBlock() {
        int size = 2 * LayerwisePass.BLOCK + 5;
        Quantizer identity = new Quantizer() {
            @Override public void quantize(float[] data, int offset, int length) { }
            @Override public void dequantize(float[] data, int offset, int length) { }
        };
        float[] src = new float[size];
        float[] dst = new float[size];
        int[] positions = {size - 1, 3, LayerwisePass.BLOCK, 3, size - 1, LayerwisePass.BLOCK + 1};
        float[] codes = {1, 2, 3, 4, 5, 6};
        new LayerwisePass().run(identity, src, dst, size, positions, codes, positions.length);
        assertThat(dst[3]).isEqualTo(4f);
        assertThat(dst[size - 1]).isEqualTo(5f);
        assertThat(dst[LayerwisePass.BLOCK]).isEqualTo(3f);
        assertThat(dst[LayerwisePass.BLOCK + 1]).isEqualTo(6f);
        assertThat(src).containsOnly(0f);
    }
}
