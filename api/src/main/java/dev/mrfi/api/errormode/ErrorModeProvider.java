package dev.mrfi.api.errormode;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.PluginConfig;

/**
 * Finds and builds one error mode. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.errormode.ErrorModeProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 *
 * @since 0.1
 */
public interface ErrorModeProvider extends PluginProvider {

    /**
     * Builds the operator.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return an immutable, thread-safe error mode
     */
    ErrorMode create(PluginConfig config);

    @Override
    default PluginKind kind() {
        return PluginKind.ERROR_MODE;
    }
}
