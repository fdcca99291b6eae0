package dev.mrfi.api.quantization;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import java.util.Optional;

/**
 * Finds and builds one quantization scheme. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.quantization.QuantizationProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 *
 * @since 0.1
 */
public interface QuantizationProvider extends PluginProvider {

    /**
     * Builds the operator.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return an immutable, thread-safe quantization
     */
    Quantization create(PluginConfig config);

    /**
     * Returns the parameter that holds the range of values the codes cover, when the scheme has one
     * (fixed or {@code auto}). Experiments that set a per-layer range (a calibrated range, "this layer's
     * range is 2.5") set this parameter, and only this one.
     *
     * @return the range parameter, or empty for a scheme without a configurable range
     * @since 0.1
     */
    default Optional<ParameterSpec<DynamicRange>> rangeParameter() {
        return Optional.empty();
    }

    @Override
    default PluginKind kind() {
        return PluginKind.QUANTIZATION;
    }
}
