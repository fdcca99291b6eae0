package dev.mrfi.core.registry;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The providers found on a class loader with {@link ServiceLoader}, checked for name clashes. Immutable.
 */
public final class DiscoveredPlugins {

    private final Map<PluginKind, List<PluginProvider>> byKind;

    private DiscoveredPlugins(Map<PluginKind, List<PluginProvider>> byKind) {
        this.byKind = byKind;
    }

    /**
     * Finds every provider visible to a class loader.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the providers
     * @throws ConfigurationException if a provider cannot be loaded or two providers of one kind claim the
     *                                same name or alias; the message names both sources
     */
    public static DiscoveredPlugins discover(ClassLoader loader) {
        Map<PluginKind, List<PluginProvider>> found = new EnumMap<>(PluginKind.class);
        List<ConfigProblem> problems = new ArrayList<>();
        load(QuantizationProvider.class, PluginKind.QUANTIZATION, loader, found, problems);
        load(ErrorModeProvider.class, PluginKind.ERROR_MODE, loader, found, problems);
        load(SelectorProvider.class, PluginKind.SELECTOR, loader, found, problems);
        load(ObserverProvider.class, PluginKind.OBSERVER, loader, found, problems);
        return of(found, problems);
    }

    /**
     * Checks a given set of providers, as {@link #discover} does.
     *
     * @param providers the providers, any kinds
     * @return the checked providers
     * @throws ConfigurationException if two providers of one kind claim the same name or alias
     */
    public static DiscoveredPlugins of(List<? extends PluginProvider> providers) {
        Map<PluginKind, List<PluginProvider>> found = new EnumMap<>(PluginKind.class);
        for (PluginProvider provider : providers) {
            found.computeIfAbsent(provider.kind(), k -> new ArrayList<>()).add(provider);
        }
        return of(found, new ArrayList<>());
    }

    private static DiscoveredPlugins of(Map<PluginKind, List<PluginProvider>> found, List<ConfigProblem> problems) {
        for (Map.Entry<PluginKind, List<PluginProvider>> entry : found.entrySet()) {
            Map<String, PluginProvider> claimed = new HashMap<>();
            for (PluginProvider provider : entry.getValue()) {
                List<String> names = new ArrayList<>();
                names.add(provider.name());
                names.addAll(provider.aliases().stream().sorted().toList());
                for (String name : names) {
                    PluginProvider previous = claimed.putIfAbsent(name, provider);
                    if (previous != null && previous != provider) {
                        problems.add(new ConfigProblem(ErrorId.DUPLICATE_PLUGIN, "",
                                "two " + entry.getKey().displayName() + " plugins claim the name '" + name + "': "
                                        + PluginSource.describe(previous) + " and " + PluginSource.describe(provider)
                                        + ". Remove one of them from the class path or plugin folder."));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        Map<PluginKind, List<PluginProvider>> frozen = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            frozen.put(kind, List.copyOf(found.getOrDefault(kind, List.of())));
        }
        return new DiscoveredPlugins(frozen);
    }

    private static <P extends PluginProvider> void load(Class<P> type, PluginKind kind, ClassLoader loader,
                                                         Map<PluginKind, List<PluginProvider>> found,
                                                         List<ConfigProblem> problems) {
        Iterator<P> iterator = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                P provider = iterator.next();
                found.computeIfAbsent(kind, k -> new ArrayList<>()).add(provider);
            } catch (ServiceConfigurationError e) {
                problems.add(new ConfigProblem(ErrorId.PLUGIN_LOAD_FAILURE, "",
                        "cannot load a " + kind.displayName() + " plugin: " + e.getMessage()
                                + (e.getCause() != null ? " (" + e.getCause() + ")" : "")));
            }
        }
    }

    /**
     * Returns the providers of one kind, in discovery order.
     *
     * @param kind the kind
     * @return an unmodifiable list, possibly empty
     */
    public List<PluginProvider> providers(PluginKind kind) {
        return byKind.get(kind);
    }

    /**
     * Returns the providers of one kind, typed.
     *
     * @param kind the kind
     * @param type the provider interface of that kind
     * @param <P>  the provider type
     * @return the providers
     */
    public <P extends PluginProvider> List<P> providers(PluginKind kind, Class<P> type) {
        List<P> typed = new ArrayList<>();
        for (PluginProvider provider : byKind.get(kind)) {
            typed.add(type.cast(provider));
        }
        return typed;
    }
}
