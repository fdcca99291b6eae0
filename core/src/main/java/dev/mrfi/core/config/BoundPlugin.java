package dev.mrfi.core.config;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;

/**
 * A configuration block resolved to its provider and validated parameters.
 *
 * @param provider the provider the block's {@code method} names
 * @param config   the validated parameters
 * @param path     the block's YAML path, for messages
 * @param <P>      the provider type
 */
public record BoundPlugin<P extends PluginProvider>(P provider, PluginConfig config, String path) {

    /**
     * Returns a copy with one parameter changed, checked against that parameter's constraints.
     *
     * @param spec  a parameter of the provider's schema
     * @param value the new value
     * @param <T>   its type
     * @return the new block
     * @throws ConfigurationException if the value is out of range, located at this block's path
     */
    public <T> BoundPlugin<P> with(ParameterSpec<T> spec, T value) {
        try {
            return new BoundPlugin<>(provider, config.with(spec, value), path);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.problems().stream().map(p -> p.under(path)).toList());
        }
    }

    /**
     * Describes the block as its plugin name and explicitly given parameters, for tables and logs.
     *
     * @return for example {@code RandomPositionByRate{rate=0.001}}
     */
    public String describe() {
        return provider.name() + config.values();
    }
}
