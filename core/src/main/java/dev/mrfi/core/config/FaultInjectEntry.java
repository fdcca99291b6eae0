package dev.mrfi.core.config;

import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;
import java.util.Optional;

/**
 * One validated element of the EasyConfig {@code faultinject} list, with its operators built. Immutable.
 *
 * @param index        position in the list, for site names and messages
 * @param hook         where it acts
 * @param weightNames  for weight entries, the weight tensors to inject (default {@code [weight]})
 * @param enabled      the entry's initial enable flag
 * @param matcher      which modules it applies to
 * @param quantization the quantization and its operator, if any
 * @param layerwise    true to quantize the whole tensor, false to quantize only the selected values
 * @param selector     the selector, if any; none means every element
 * @param errorMode    the error mode
 */
public record FaultInjectEntry(int index, HookType hook, List<String> weightNames, boolean enabled,
                               ModuleMatcher matcher,
                               Optional<Bound<QuantizationProvider, Quantization>> quantization, boolean layerwise,
                               Optional<Bound<SelectorProvider, Selector>> selector,
                               Bound<ErrorModeProvider, ErrorMode> errorMode) {

    /** Copies the list. */
    public FaultInjectEntry {
        weightNames = List.copyOf(weightNames);
    }

    /**
     * A plugin block with its provider, validated parameters and built operator.
     *
     * @param plugin   the provider and parameters
     * @param operator the operator
     * @param <P>      provider type
     * @param <O>      operator type
     */
    public record Bound<P extends dev.mrfi.api.PluginProvider, O>(BoundPlugin<P> plugin, O operator) {

        /**
         * Returns the provider's name.
         *
         * @return the config name
         */
        public String name() {
            return plugin.provider().name();
        }
    }
}
