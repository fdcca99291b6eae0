package dev.mrfi.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;
import java.util.Objects;

/**
 * Binds every discovered provider in a Guice {@link MapBinder} per kind, keyed by its name and by each
 * alias, and the list of providers that failed to load. Name clashes were already rejected by
 * {@link DiscoveredPlugins}.
 */
public final class PluginModule extends AbstractModule {

    private final DiscoveredPlugins plugins;

    /**
     * Creates the module.
     *
     * @param plugins the providers to bind
     */
    public PluginModule(DiscoveredPlugins plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins is null");
    }

    @Override
    protected void configure() {
        bindKind(PluginKind.QUANTIZATION, QuantizationProvider.class);
        bindKind(PluginKind.ERROR_MODE, ErrorModeProvider.class);
        bindKind(PluginKind.SELECTOR, SelectorProvider.class);
        bindKind(PluginKind.OBSERVER, ObserverProvider.class);
        bind(new TypeLiteral<List<PluginLoadProblem>>() { }).toInstance(plugins.loadProblems());
    }

    private <P extends PluginProvider> void bindKind(PluginKind kind, Class<P> type) {
        MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class),
                TypeLiteral.get(type));
        for (P provider : plugins.providers(kind, type)) {
            binder.addBinding(provider.name()).toInstance(provider);
            for (String alias : provider.aliases()) {
                binder.addBinding(alias).toInstance(provider);
            }
        }
    }
}
