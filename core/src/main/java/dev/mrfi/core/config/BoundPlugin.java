package dev.mrfi.core.config;

import dev.mrfi.api.PluginProvider;
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
}
