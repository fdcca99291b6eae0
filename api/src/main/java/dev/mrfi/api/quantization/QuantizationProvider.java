package dev.mrfi.api.quantization;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.PluginConfig;

/**
 * Finds and builds one quantization scheme. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.quantization.QuantizationProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 */
public interface QuantizationProvider extends PluginProvider {

    /**
     * Builds the operator.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return an immutable, thread-safe quantization
     */
    Quantization create(PluginConfig config);

    @Override
    default PluginKind kind() {
        return PluginKind.QUANTIZATION;
    }
}
