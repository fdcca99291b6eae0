package dev.mrfi.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mrfi.core.config.ConfigTreeLoader;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.PluginBlocks;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.registry.DiscoveredPlugins;
import dev.mrfi.core.registry.PluginModule;
import dev.mrfi.core.registry.PluginRegistry;
import java.util.Objects;

/**
 * The object graph of the library: the plugin registry, the block validator, the configuration and tree
 * loaders, and the fault sink every experiment reports to (none by default). Replace a part with
 * {@code Modules.override(new MrfiModule(plugins)).with(yourModule)}, or pass your module to
 * {@link Mrfi#of(DiscoveredPlugins, com.google.inject.Module...)}.
 */
public final class MrfiModule extends AbstractModule {

    private final DiscoveredPlugins plugins;

    /**
     * Creates the module for a set of discovered plugins.
     *
     * @param plugins the plugins
     */
    public MrfiModule(DiscoveredPlugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
    }

    @Override
    protected void configure() {
        install(new PluginModule(plugins));
        bind(FaultSink.class).toInstance(FaultSink.NONE);
    }

    @Provides
    @Singleton
    PluginBlocks blocks(PluginRegistry registry) {
        return new PluginBlocks(registry);
    }

    @Provides
    @Singleton
    EasyConfigLoader configs(PluginBlocks blocks) {
        return new EasyConfigLoader(blocks);
    }

    @Provides
    @Singleton
    ConfigTreeLoader trees(PluginBlocks blocks) {
        return new ConfigTreeLoader(blocks);
    }
}
