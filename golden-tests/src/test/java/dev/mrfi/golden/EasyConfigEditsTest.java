package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference's EasyConfig helpers as typed Java edits, each validated like a loaded entry. */
class EasyConfigEditsTest {

    private static final EasyConfigLoader LOADER = new EasyConfigLoader(Mrfi.load().blocks());

    @Test
    void setSelectorReplacesTheBlockAndTheEntryIsNoLongerRateDriven() {
        EasyConfig edited = LOADER.setSelector(LOADER.preset("default_fi"), 0,
                Map.of("method", "RandomPositionByNumber", "n", 3), false);
        assertThat(edited.faultInject().get(0).selector().orElseThrow().name()).isEqualTo("RandomPositionByNumber");
        assertThat(edited.faultInject().get(0).rateDriven()).isFalse();
        assertThat(edited.rateDrivenEntries()).isEmpty();
    }

    @Test
    void setQuantizationUpdatesOneParameterAndRechecksTheCodeWidth() {
        EasyConfig preset = LOADER.preset("default_fi");
        EasyConfig ranged = LOADER.setQuantization(preset, 0, Map.of("dynamic_range", 2.5), true);
        assertThat(ranged.faultInject().get(0).quantization().orElseThrow().plugin().config().values())
                .containsEntry("dynamic_range", DynamicRange.of(2.5)).containsEntry("bit_width", 16);
        assertThat(ranged.faultInject().get(0).rate()).isEqualTo(preset.faultInject().get(0).rate());

        assertThatThrownBy(() -> LOADER.setQuantization(preset, 0, Map.of("bit_width", 8), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/InconsistentBitWidth] faultinject[0].error_mode.bit_width");
        EasyConfig eight = LOADER.setBlocks(preset, 0, Map.of("quantization", Map.of("bit_width", 8),
                "error_mode", Map.of("bit_width", 8)), true);
        assertThat(eight.faultInject().get(0).bitsPerValue()).isEqualTo(8);
        assertThat(eight.faultInject().get(0).quantization().orElseThrow().operator().code().bitWidth()).isEqualTo(8);
    }

    @Test
    void anUpdateOfAMissingBlockIsRefused() {
        assertThatThrownBy(() -> LOADER.setQuantization(LOADER.preset("float_fi"), 0, Map.of("bit_width", 8), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/MissingKey] faultinject[0].quantization: the entry has no quantization block");
    }

    @Test
    void setModuleUsedReplacesEveryMatcherAsTheReferenceDoes() {
        EasyConfig edited = LOADER.setModuleUsed(LOADER.preset("default_fi"), 0, List.of(), List.of("fc3"), List.of());
        assertThat(edited.faultInject().get(0).matcher().names()).containsExactly("fc3");
        assertThat(edited.faultInject().get(0).matcher().types()).isEmpty();
        assertThatThrownBy(() -> LOADER.setModuleUsed(edited, 0, List.of(), List.of(), List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names no modules");
    }
}
