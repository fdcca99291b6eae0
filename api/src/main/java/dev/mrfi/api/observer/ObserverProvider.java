package dev.mrfi.api.observer;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.PluginConfig;

/**
 * Finds and builds one kind of observer. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.observer.ObserverProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 *
 * @since 0.1
 */
public interface ObserverProvider extends PluginProvider {

    /**
     * Builds a fresh observer. Core creates one per observed site and trial.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return a new observer with empty state
     */
    Observer create(PluginConfig config);

    @Override
    default PluginKind kind() {
        return PluginKind.OBSERVER;
    }
}
