package dev.mrfi.core.config;

import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One validated element of the EasyConfig {@code faultinject} list, with its operators built. Immutable;
 * the {@code with...} methods return edited copies whose changed operators are built again from the
 * edited parameters.
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
 * @param target       where faults go: values, scales or both
 */
public record FaultInjectEntry(int index, HookType hook, List<String> weightNames, boolean enabled,
                               ModuleMatcher matcher,
                               Optional<Bound<QuantizationProvider, Quantization>> quantization, boolean layerwise,
                               Optional<Bound<SelectorProvider, Selector>> selector,
                               Bound<ErrorModeProvider, ErrorMode> errorMode, InjectionTarget target) {

    /** Copies the list. */
    public FaultInjectEntry {
        weightNames = List.copyOf(weightNames);
        java.util.Objects.requireNonNull(target, "target is null");
    }

    /**
     * Creates an entry whose faults go into values, as every entry did before {@code target} existed.
     *
     * @param index        position in the list
     * @param hook         where it acts
     * @param weightNames  the weight tensors, for weight entries
     * @param enabled      the initial enable flag
     * @param matcher      which modules it applies to
     * @param quantization the quantization, if any
     * @param layerwise    the quantization mode
     * @param selector     the selector, if any
     * @param errorMode    the error mode
     */
    public FaultInjectEntry(int index, HookType hook, List<String> weightNames, boolean enabled,
                            ModuleMatcher matcher,
                            Optional<Bound<QuantizationProvider, Quantization>> quantization, boolean layerwise,
                            Optional<Bound<SelectorProvider, Selector>> selector,
                            Bound<ErrorModeProvider, ErrorMode> errorMode) {
        this(index, hook, weightNames, enabled, matcher, quantization, layerwise, selector, errorMode,
                InjectionTarget.VALUES);
    }

    /**
     * Tells whether the entry's selector declares a rate parameter, so that a bit error rate drives it.
     *
     * @return true for a rate-driven selector
     */
    public boolean rateDriven() {
        return selector.isPresent() && selector.get().plugin().provider().rateParameter().isPresent();
    }

    /**
     * Returns the selector's rate, when it is rate-driven.
     *
     * @return the rate, or empty
     */
    public OptionalDouble rate() {
        if (!rateDriven()) {
            return OptionalDouble.empty();
        }
        BoundPlugin<SelectorProvider> plugin = selector.get().plugin();
        return OptionalDouble.of(plugin.config().get(plugin.provider().rateParameter().orElseThrow()));
    }

    /**
     * Returns the bits of each value the error mode faults, as the error mode declares them.
     *
     * @return bits per value
     */
    public int bitsPerValue() {
        return errorMode.operator().bitsPerValue();
    }

    /**
     * Returns a copy whose rate-driven selector has a new rate; an entry without one is returned unchanged.
     *
     * @param rate the new rate, a probability
     * @return the edited entry
     * @throws dev.mrfi.api.config.ConfigurationException if the rate is out of the selector's range
     */
    public FaultInjectEntry withRate(double rate) {
        if (!rateDriven()) {
            return this;
        }
        BoundPlugin<SelectorProvider> plugin = selector.get().plugin();
        ParameterSpec<Double> spec = plugin.provider().rateParameter().orElseThrow();
        Bound<SelectorProvider, Selector> edited = Operators.create(plugin.with(spec, rate));
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise,
                Optional.of(edited), errorMode, target);
    }

    /**
     * Returns a copy whose quantization has a new range, when its scheme declares a range parameter; an
     * entry without one is returned unchanged.
     *
     * @param range the new range, {@link DynamicRange#AUTO} or a fixed value
     * @return the edited entry
     * @throws dev.mrfi.api.config.ConfigurationException if the range is out of the scheme's range
     */
    public FaultInjectEntry withDynamicRange(DynamicRange range) {
        if (quantization.isEmpty() || quantization.get().plugin().provider().rangeParameter().isEmpty()) {
            return this;
        }
        BoundPlugin<QuantizationProvider> plugin = quantization.get().plugin();
        ParameterSpec<DynamicRange> spec = plugin.provider().rangeParameter().orElseThrow();
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher,
                Optional.of(Operators.create(plugin.with(spec, range))), layerwise, selector, errorMode, target);
    }

    /**
     * Returns a copy with another quantization block, its operator built from the block's validated
     * parameters; the caller checks that the code widths still agree.
     *
     * @param plugin the quantization and its parameters
     * @return the edited entry
     * @throws dev.mrfi.api.config.ConfigurationException if the provider's {@code create} fails
     * @since 0.2
     */
    public FaultInjectEntry withQuantization(BoundPlugin<QuantizationProvider> plugin) {
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, Optional.of(Operators.create(plugin)),
                layerwise, selector, errorMode);
    }

    /**
     * Returns a copy with another selector block, its operator built from the block's validated parameters.
     *
     * @param plugin the selector and its parameters
     * @return the edited entry
     * @throws dev.mrfi.api.config.ConfigurationException if the provider's {@code create} fails
     * @since 0.2
     */
    public FaultInjectEntry withSelector(BoundPlugin<SelectorProvider> plugin) {
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise,
                Optional.of(Operators.create(plugin)), errorMode);
    }

    /**
     * Returns a copy with another error mode block, its operator built from the block's validated
     * parameters; the caller checks that the code widths still agree.
     *
     * @param plugin the error mode and its parameters
     * @return the edited entry
     * @throws dev.mrfi.api.config.ConfigurationException if the provider's {@code create} fails
     * @since 0.2
     */
    public FaultInjectEntry withErrorMode(BoundPlugin<ErrorModeProvider> plugin) {
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise, selector,
                Operators.create(plugin));
    }

    /**
     * Returns a copy with another enable flag.
     *
     * @param enabled the flag
     * @return the edited entry
     */
    public FaultInjectEntry withEnabled(boolean enabled) {
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise, selector,
                errorMode, target);
    }

    /**
     * Returns a copy that applies to other modules, at another position.
     *
     * @param index   the new position, which names the entry's random streams
     * @param matcher the modules
     * @param weights the weight names, for weight entries
     * @return the edited entry
     */
    public FaultInjectEntry relocated(int index, ModuleMatcher matcher, List<String> weights) {
        return new FaultInjectEntry(index, hook, weights, enabled, matcher, quantization, layerwise, selector,
                errorMode, target);
    }

    /**
     * Returns a copy with blocks replaced; the caller checks that the code widths still agree.
     *
     * @param quantization the quantization, or empty for none
     * @param layerwise    the quantization mode
     * @param selector     the selector, or empty for every element
     * @param errorMode    the error mode
     * @return the edited entry
     */
    public FaultInjectEntry withBlocks(Optional<Bound<QuantizationProvider, Quantization>> quantization,
                                       boolean layerwise, Optional<Bound<SelectorProvider, Selector>> selector,
                                       Bound<ErrorModeProvider, ErrorMode> errorMode) {
        return new FaultInjectEntry(index, hook, weightNames, enabled, matcher, quantization, layerwise, selector,
                errorMode, target);
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
