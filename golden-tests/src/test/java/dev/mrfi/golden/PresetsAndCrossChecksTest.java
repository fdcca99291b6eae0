package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The built-in presets and the cross-block checks, against the real plugins. */
class PresetsAndCrossChecksTest {

    private static final EasyConfigLoader LOADER = new EasyConfigLoader(Mrfi.load().blocks());

    @ParameterizedTest
    @ValueSource(strings = {"default_fi", "weight_fi", "fxp_fi", "fxp_weight_fi", "float_fi", "float_weight_fi"})
    void everyReferencePresetLoadsAndMatchesConvAndLinearLayers(String name) {
        EasyConfig config = LOADER.preset(name);
        assertThat(config.faultInject()).hasSize(1);
        assertThat(config.warnings()).isEmpty();
        InjectionPlan plan = InjectionPlan.build(config, List.of(
                new ModuleDescriptor("", "LeNet", Map.of()),
                new ModuleDescriptor("conv1", "Conv2d", Map.of("weight", TensorShape.of(6, 1, 5, 5))),
                new ModuleDescriptor("relu1", "ReLU", Map.of()),
                new ModuleDescriptor("fc1", "Linear", Map.of("weight", TensorShape.of(120, 400)))));
        assertThat(plan.sites()).extracting(s -> s.module()).containsExactlyInAnyOrder("conv1", "fc1");
    }

    @Test
    void theCorrectedFixPointWeightPresetFlipsSeventeenBitCodes() {
        EasyConfig config = LOADER.preset("fxp_weight_fi");
        assertThat(config.faultInject().get(0).hook()).isEqualTo(HookType.WEIGHT);
        assertThat(config.faultInject().get(0).errorMode().operator().code().orElseThrow().bitWidth()).isEqualTo(17);
        assertThat(config.faultInject().get(0).quantization().orElseThrow().operator().code().bitWidth()).isEqualTo(17);
    }

    @Test
    void aSymmetricEightBitCodeReadAsSixteenBitsIsRejectedShowingBothWidths() {
        assertThatThrownBy(() -> LOADER.parse("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 16}\n", "t.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/InconsistentBitWidth] faultinject[0].error_mode.bit_width: IntSignBitFlip"
                        + " reads a signed 16-bit code but SymmericQuantization produces a signed 8-bit code."
                        + " Set error_mode.bit_width to 8");
    }

    @Test
    void positiveQuantizationPairsWithAnUnsignedModeOrASignedOneWithOneMoreBit() {
        LOADER.parse("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: PositiveQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 8, signed: false}\n", "t");
        LOADER.parse("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: PositiveQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 9}\n", "t");
        assertThatThrownBy(() -> LOADER.parse("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    quantization: {method: PositiveQuantization, bit_width: 8, dynamic_range: auto}\n"
                + "    error_mode: {method: IntSignBitFlip, bit_width: 8}\n", "t"))
                .hasMessageContaining("IntSignBitFlip reads a signed 8-bit code but PositiveQuantization produces an"
                        + " unsigned 8-bit code. Set error_mode.bit_width to 8 with signed: false (or 9 with signed: true)");
    }

    @Test
    void theDefaultPresetInjectsAboutRateTimesSizeFaultsPerCall() {
        InjectionPlan plan = InjectionPlan.build(LOADER.preset("default_fi"),
                List.of(new ModuleDescriptor("fc1", "Linear", Map.of())));
        int changed = 0;
        int size = 1 << 16;
        for (long seed = 0; seed < 20; seed++) {
            Trial trial = plan.newTrial(seed);
            float[] data = new float[size];
            java.util.Arrays.fill(data, 0.5f);
            data[0] = 1f;
            trial.onInput("fc1", data, TensorShape.of(16, size / 16));
            for (float value : data) {
                if (value < 0) {
                    changed++;
                }
            }
        }
        // rate 1e-3 with Poisson counts and draws with replacement: about 65.5 sign flips per call
        assertThat(changed / 20.0).isBetween(55.0, 76.0);
    }
}
