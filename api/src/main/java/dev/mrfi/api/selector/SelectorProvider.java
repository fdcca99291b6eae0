package dev.mrfi.api.selector;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.PluginConfig;

/**
 * Finds and builds one selector. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.selector.SelectorProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 */
public interface SelectorProvider extends PluginProvider {

    /**
     * Builds the operator.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return an immutable, thread-safe selector
     */
    Selector create(PluginConfig config);

    @Override
    default PluginKind kind() {
        return PluginKind.SELECTOR;
    }
}
